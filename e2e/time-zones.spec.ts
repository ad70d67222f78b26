// Times in one zone: a browser in Asia/Kolkata sees the dashboard in its zone on its first visit,
// switches to UTC and back in the header, and the per-day chart, the calls list's times and a bar's
// link follow: the bar opens exactly the calls of that Kolkata day.
import { expect, test, type Page } from "@playwright/test";
import { lifecycleDeliveries } from "../test/support/voxia-fixtures.ts";
import { dayIn, nextDay, startOfDayIn } from "../lib/time/time-zone.ts";
import { expectNoSeriousA11yViolations } from "./dashboard-support.ts";

const ZONE = "Asia/Kolkata";
const CAMPAIGN = { id: "e2e-time-zones", name: "Zones" };
// A Kolkata day three days back: one call ten minutes after its midnight (18:40 UTC the day before),
// one ten minutes before it. In UTC both are on the same day.
const DAY = nextDay(dayIn(new Date(), ZONE), -3);
const MIDNIGHT = startOfDayIn(DAY, ZONE).getTime();
const AFTER = { id: "tz-after-midnight", createdAt: new Date(MIDNIGHT + 10 * 60_000).toISOString() };
const BEFORE = { id: "tz-before-midnight", createdAt: new Date(MIDNIGHT - 10 * 60_000).toISOString() };
const UTC_DAY = AFTER.createdAt.slice(0, 10);
const OVERVIEW = `/?campaign=${CAMPAIGN.id}`;

test.use({ timezoneId: ZONE });

test.beforeAll(async ({ request }) => {
  for (const [i, call] of [AFTER, BEFORE].entries()) {
    const spec = { ...call, campaign: CAMPAIGN, outcome: "INTERESTED" as const, contact: { id: `c-${call.id}`, name: `Zone caller ${i}`, phoneNumber: `+1555111000${i}` } };
    for (const delivery of lifecycleDeliveries(spec)) {
      const response = await request.post("/api/webhooks/voxia", { data: delivery.body, headers: { "content-type": "application/json" } });
      expect(response.status()).toBe(200);
    }
  }
});

async function chooseZone(page: Page, search: string, zone: string) {
  await page.getByRole("button", { name: "change time zone" }).click();
  await page.getByRole("searchbox", { name: "Search time zones" }).fill(search);
  await page.getByRole("dialog", { name: "Time zone" }).getByRole("button", { name: new RegExp(`^${zone.replaceAll("_", " ")} (your browser · )?UTC[+−]`) }).click();
  await expect(page.getByTestId("time-zone")).toHaveText(`Times in ${zone}`);
}

const bar = (page: Page, day: string) => page.locator(`[data-chart="Calls per day by outcome"] rect[data-row="${day}"][data-series="INTERESTED"]`);

test("the first visit shows the browser's zone; switching zones moves the calls between days and changes the times", async ({ page }) => {
  await page.goto(OVERVIEW);
  await expect(page.getByTestId("time-zone")).toHaveText(`Times in ${ZONE}`);
  await expect(page.getByText(`(days in ${ZONE})`)).toBeVisible();
  await expect(bar(page, DAY)).toHaveAttribute("data-count", "1");
  await expect(bar(page, nextDay(DAY, -1))).toHaveAttribute("data-count", "1");

  await chooseZone(page, "utc", "UTC");
  await expect(page.getByText("(days in UTC)")).toBeVisible();
  await expect(bar(page, UTC_DAY)).toHaveAttribute("data-count", "2");
  await expect(bar(page, DAY)).toHaveCount(0);

  // Kept per browser: another page, and a reload, are in UTC too.
  await page.goto(`/calls?campaign=${CAMPAIGN.id}`);
  await expect(page.getByTestId("time-zone")).toHaveText("Times in UTC");
  await expect(page.locator(`time[datetime="${AFTER.createdAt}"]`)).toContainText("6:40");
  await expect(page.getByLabel("From (UTC)")).toBeVisible();

  await chooseZone(page, "kolk", ZONE);
  await expect(page.locator(`time[datetime="${AFTER.createdAt}"]`)).toContainText("12:10");
  await expect(page.getByLabel(`From (${ZONE})`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "e2e/screenshots/time-zones-calls.png", fullPage: true });
});

test("a day's bar opens exactly that Kolkata day's calls, and the filter says which zone", async ({ page, request }) => {
  await page.goto(OVERVIEW);
  await expect(page.getByTestId("time-zone")).toHaveText(`Times in ${ZONE}`);
  await bar(page, DAY).click();
  await expect(page).toHaveURL(/\/calls\?/);
  const params = new URL(page.url()).searchParams;
  expect([params.get("from"), params.get("to"), params.get("tz")]).toEqual([DAY, DAY, ZONE]);
  await expect(page.getByRole("link", { name: /Zone caller 0/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Zone caller 1/ })).toHaveCount(0);
  await expect(page.getByLabel(`From (${ZONE})`)).toHaveValue(DAY);
  const listed = await (await request.get(`/api/calls?${params}`)).json();
  expect(listed.calls.map((c: { id: string }) => c.id)).toEqual([AFTER.id]);

  await page.getByRole("button", { name: "change time zone" }).click();
  await expect(page.getByRole("dialog", { name: "Time zone" })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/time-zones-picker.png" });
});
