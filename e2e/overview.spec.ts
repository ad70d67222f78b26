// Overview (/): KPI cards and both charts count exactly the seeded calls; clicking a segment opens
// the calls list with that filter.
import { expect, test } from "@playwright/test";
import { countBy, seedCalls, utcDay, type SeedCall } from "./dashboard-support.ts";
import { screenshotEverywhere } from "./screenshot.ts";

const A = { id: "e2e-overview-spring", name: "Spring outreach" };
const B = { id: "e2e-overview-renewals", name: "Renewals <Q3>" };

const CALLS: SeedCall[] = [
  { id: "ov-1", campaign: A, daysAgo: 0, status: "INTERESTED", duration: 200 },
  { id: "ov-2", campaign: A, daysAgo: 0, status: "INTERESTED", duration: 100 },
  { id: "ov-3", campaign: A, daysAgo: 0, status: "NOT_INTERESTED", duration: 60 },
  { id: "ov-4", campaign: A, daysAgo: 1, status: "CALL_ME_LATER", duration: 90 },
  { id: "ov-5", campaign: A, daysAgo: 1, status: "BUSY" },
  { id: "ov-6", campaign: A, daysAgo: 3, status: "DO_NOT_CALL", duration: 30 },
  { id: "ov-7", campaign: A, daysAgo: 3, status: "NO_ANSWER" },
  { id: "ov-8", campaign: A, daysAgo: 3, status: "INTERESTED", duration: 300 },
  { id: "ov-9", campaign: B, daysAgo: 0, status: "WRONG_NUMBER", duration: 20 },
  { id: "ov-10", campaign: B, daysAgo: 0, status: "INTERESTED", duration: 150 },
  { id: "ov-11", campaign: B, daysAgo: 2, status: "NOT_INTERESTED", duration: 70 },
  { id: "ov-12", campaign: B, daysAgo: 2, status: "NOT_INTERESTED", duration: 80 },
  // Outside the default range, and a test call: neither is counted by default.
  { id: "ov-old", campaign: A, daysAgo: 40, status: "INTERESTED", duration: 100 },
  { id: "ov-test", campaign: A, daysAgo: 0, status: "INTERESTED", duration: 100, isTestCall: true },
];
const COUNTED = CALLS.filter((c) => c.daysAgo < 30 && !c.isTestCall);
// The overview of just these two campaigns, so calls other tests seed do not change the figures.
const OVERVIEW = `/?campaign=${A.id}&campaign=${B.id}`;

test.beforeAll(async ({ request }) => {
  await seedCalls(request, CALLS);
});

test("KPI cards show the seeded calls' figures for the last 30 days, test calls excluded", async ({ page }) => {
  await page.goto(OVERVIEW);
  const connected = COUNTED.filter((c) => c.status !== "BUSY" && c.status !== "NO_ANSWER");
  const interested = COUNTED.filter((c) => c.status === "INTERESTED");
  const averageSeconds = Math.round(connected.reduce((n, c) => n + c.duration!, 0) / connected.length);
  const kpi = (name: string) => page.locator(`[data-kpi="${name}"] [data-kpi-value]`);
  await expect(kpi("calls")).toHaveText(String(COUNTED.length));
  await expect(kpi("connectedRate")).toHaveText(`${((connected.length / COUNTED.length) * 100).toFixed(1).replace(/\.0$/, "")}%`);
  await expect(kpi("interestRate")).toHaveText(`${((interested.length / connected.length) * 100).toFixed(1).replace(/\.0$/, "")}%`);
  await expect(kpi("averageDuration")).toHaveText(`${Math.floor(averageSeconds / 60)}:${String(averageSeconds % 60).padStart(2, "0")}`);
  await expect(kpi("callbacks")).toHaveText(String(COUNTED.filter((c) => c.status === "CALL_ME_LATER").length));
  await expect(kpi("doNotCall")).toHaveText(String(COUNTED.filter((c) => c.status === "DO_NOT_CALL").length));

  // Including test calls is a URL choice, like the calls list's.
  await page.goto(`${OVERVIEW}&test=include`);
  await expect(kpi("calls")).toHaveText(String(COUNTED.length + 1));
});

test("the per-campaign chart has one segment per campaign and status, with the seeded counts", async ({ page }) => {
  await page.goto(OVERVIEW);
  const chart = page.locator('[data-chart^="Outcomes per campaign"]');
  const expected = countBy(COUNTED, (c) => `${c.campaign.id}|${c.status}`);
  await expect(chart.locator("rect[data-count]")).toHaveCount(expected.size);
  for (const [key, count] of expected) {
    const [campaign, status] = key.split("|");
    await expect(chart.locator(`rect[data-row="${campaign}"][data-series="${status}"]`)).toHaveAttribute("data-count", String(count));
  }
  // The campaign's name is shown as sent (text, not markup).
  await expect(chart).toContainText("Renewals <Q3>");
});

test("the per-day chart stacks each UTC day's calls by status", async ({ page }) => {
  await page.goto(OVERVIEW);
  const chart = page.locator('[data-chart="Calls per day by outcome"]');
  const expected = countBy(COUNTED, (c) => `${utcDay(c.daysAgo)}|${c.status}`);
  await expect(chart.locator("rect[data-count]")).toHaveCount(expected.size);
  for (const [key, count] of expected) {
    const [day, status] = key.split("|");
    await expect(chart.locator(`rect[data-row="${day}"][data-series="${status}"]`)).toHaveAttribute("data-count", String(count));
  }
});

test("clicking a campaign segment opens the calls list filtered by campaign, status and range", async ({ page, request }) => {
  await page.goto(OVERVIEW);
  await page.locator(`[data-chart^="Outcomes per campaign"] rect[data-row="${A.id}"][data-series="INTERESTED"]`).click();
  await expect(page).toHaveURL(/\/calls\?/);
  const params = new URL(page.url()).searchParams;
  expect(params.getAll("campaign")).toEqual([A.id]);
  expect(params.getAll("status")).toEqual(["INTERESTED"]);
  expect(params.get("from")).toBe(utcDay(29));
  // The same parameters select exactly the calls the segment counted.
  const listed = await (await request.get(`/api/calls?${params}`)).json();
  expect(listed.calls.map((c: { id: string }) => c.id).sort()).toEqual(
    COUNTED.filter((c) => c.campaign.id === A.id && c.status === "INTERESTED").map((c) => c.id).sort(),
  );
});

test("clicking a day segment opens the calls list for that day and status", async ({ page, request }) => {
  await page.goto(OVERVIEW);
  const day = utcDay(2);
  await page.locator(`[data-chart="Calls per day by outcome"] rect[data-row="${day}"][data-series="NOT_INTERESTED"]`).click();
  await expect(page).toHaveURL(/\/calls\?/);
  const params = new URL(page.url()).searchParams;
  expect(params.get("from")).toBe(day);
  expect(params.get("to")).toBe(day);
  expect(params.getAll("status")).toEqual(["NOT_INTERESTED"]);
  expect(params.getAll("campaign").sort()).toEqual([A.id, B.id].sort());
  const listed = await (await request.get(`/api/calls?${params}`)).json();
  expect(listed.calls.map((c: { id: string }) => c.id).sort()).toEqual(["ov-11", "ov-12"]);
});

test("the per-campaign chart unfolds into a table whose every count links to exactly those calls", async ({ page, request }) => {
  await page.goto(OVERVIEW);
  const section = page.locator("section", { has: page.locator('[data-chart^="Outcomes per campaign"]') });
  const table = section.getByRole("table");
  await expect(table).toHaveCount(0); // drawn only when asked for
  await section.getByText("Show as table").click();
  await expect(table).toBeVisible();

  for (const campaign of [A, B]) {
    const mine = COUNTED.filter((c) => c.campaign.id === campaign.id);
    const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: campaign.name, exact: true }) });
    await expect(row.getByRole("cell").last()).toHaveText(String(mine.length));
    const links = row.getByRole("link");
    await expect(links).toHaveCount(new Set(mine.map((c) => c.status)).size);
    for (const link of await links.all()) {
      const href = (await link.getAttribute("href"))!;
      const listed = await (await request.get(`/api/calls?${new URL(href, "http://x").searchParams}`)).json();
      expect(listed.calls).toHaveLength(Number(await link.textContent()));
      expect(listed.calls.every((c: { campaign: { id: string } }) => c.campaign.id === campaign.id)).toBe(true);
    }
  }
});

test("a chosen range replaces the default one, in the URL", async ({ page }) => {
  await page.goto(OVERVIEW);
  await page.getByLabel("From").fill(utcDay(45));
  await page.getByLabel("To (inclusive)").fill(utcDay(35));
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${utcDay(45)}.*to=${utcDay(35)}|to=${utcDay(35)}.*from=${utcDay(45)}`));
  // Only the 40-day-old call is in that range; the campaign filter is kept.
  await expect(page.locator('[data-kpi="calls"] [data-kpi-value]')).toHaveText("1");
});

test("overview screenshots and accessibility", async ({ page }) => {
  test.setTimeout(120_000);
  await screenshotEverywhere(page, "overview", OVERVIEW, { scan: true, ready: async (p) => {
    await expect(p.locator('[data-chart="Calls per day by outcome"] rect[data-count]').first()).toBeVisible();
  } });
});
