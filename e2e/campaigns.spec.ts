// Campaigns (/campaigns, /campaigns/{id}): totals and outcome mix per campaign, and one campaign's
// funnel, outcomes and key-question breakdown, all matching the seeded calls.
import { expect, test } from "@playwright/test";
import { seedCalls, type SeedCall } from "./dashboard-support.ts";
import { screenshotEverywhere } from "./screenshot.ts";

const A = { id: "e2e-campaigns-solar", name: "Solar panels" };
const B = { id: "e2e-campaigns-quiet", name: "Quiet campaign" };

const CALLS: SeedCall[] = [
  { id: "cp-1", campaign: A, daysAgo: 0, status: "INTERESTED", answers: { "Inquiry Asked": true, "Budget (EUR)": 1000, "Preferred day": "Tuesday", Notes: "Wants a demo next week" } },
  { id: "cp-2", campaign: A, daysAgo: 0, status: "INTERESTED", answers: { "Inquiry Asked": true, "Budget (EUR)": 2500, "Preferred day": "Tuesday", Notes: "<b>Call after 5pm</b>" } },
  { id: "cp-3", campaign: A, daysAgo: 0, status: "NOT_INTERESTED", answers: { "Inquiry Asked": false, "Budget (EUR)": 0, "Preferred day": "Monday" } },
  { id: "cp-4", campaign: A, daysAgo: 1, status: "CALL_ME_LATER", answers: { "Inquiry Asked": true, "Budget (EUR)": 500, "Preferred day": "Wednesday", Notes: "Busy until Friday" } },
  { id: "cp-5", campaign: A, daysAgo: 1, status: "BUSY" },
  { id: "cp-6", campaign: A, daysAgo: 3, status: "DO_NOT_CALL", answers: { "Inquiry Asked": false, Notes: "Stop calling" } },
  { id: "cp-7", campaign: A, daysAgo: 3, status: "INTERESTED", answers: { "Inquiry Asked": true, "Budget (EUR)": 1200, "Preferred day": "Tuesday", Notes: "Send pricing" } },
  { id: "cp-8", campaign: A, daysAgo: 4, status: "NO_ANSWER" },
  // Only long ago: listed with no calls in the default range.
  { id: "cp-9", campaign: B, daysAgo: 60, status: "INTERESTED" },
];
const inRange = CALLS.filter((c) => c.campaign.id === A.id);

test.beforeAll(async ({ request }) => {
  await seedCalls(request, CALLS);
});

test("the campaigns table lists each campaign with its total and outcome mix", async ({ page }) => {
  await page.goto("/campaigns");
  const rowA = page.locator(`tr[data-campaign="${A.id}"]`);
  await expect(rowA.locator("[data-total]")).toHaveAttribute("data-total", String(inRange.length));
  await expect(rowA.locator('[data-status="INTERESTED"]')).toHaveAttribute("data-count", "3");
  await expect(rowA.locator("[data-status]")).toHaveCount(new Set(inRange.map((c) => c.status)).size);
  // A campaign without calls in the range is still listed, with zero.
  await expect(page.locator(`tr[data-campaign="${B.id}"] [data-total]`)).toHaveAttribute("data-total", "0");

  // A segment of the mix opens the calls list for that campaign and status.
  await rowA.locator('[data-status="NOT_INTERESTED"]').click();
  await expect(page).toHaveURL(/\/calls\?/);
  const params = new URL(page.url()).searchParams;
  expect(params.getAll("campaign")).toEqual([A.id]);
  expect(params.getAll("status")).toEqual(["NOT_INTERESTED"]);
});

test("a campaign's page shows its funnel and outcome distribution", async ({ page }) => {
  await page.goto("/campaigns");
  await page.getByRole("link", { name: A.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/campaigns/${A.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(A.name);

  const connected = inRange.filter((c) => c.status !== "BUSY" && c.status !== "NO_ANSWER");
  const step = (name: string) => page.locator(`[data-funnel-step="${name}"]`);
  await expect(step("Calls")).toHaveAttribute("data-count", String(inRange.length));
  await expect(step("Connected")).toHaveAttribute("data-count", String(connected.length));
  await expect(step("Interested")).toHaveAttribute("data-count", "3");
  // "Completed" could only repeat "Connected": it is not a step of the funnel.
  await expect(step("Completed")).toHaveCount(0);

  // Each step opens exactly the calls it counts: the list's count is the step's figure.
  for (const [name, count] of [["Connected", connected.length], ["Interested", 3]] as const) {
    const campaignPage = page.url();
    await step(name).getByRole("link").click();
    await expect(page).toHaveURL(/\/calls\?/);
    await expect(page.locator("[data-calls-count]")).toHaveAttribute("data-calls-count", String(count));
    await expect(page.locator("tbody tr")).toHaveCount(count);
    await page.goto(campaignPage);
  }

  const distribution = page.getByRole("region", { name: "Outcome distribution" });
  await expect(distribution.locator('[data-status="INTERESTED"]')).toHaveAttribute("data-count", "3");
  await expect(distribution.locator('[data-status="BUSY"]')).toHaveAttribute("data-count", "1");
  await distribution.locator('[data-status="BUSY"] a').click();
  await expect(page).toHaveURL(/\/calls\?/);
  const params = new URL(page.url()).searchParams;
  expect(params.getAll("campaign")).toEqual([A.id]);
  expect(params.getAll("status")).toEqual(["BUSY"]);
});

test("a campaign's outcomes over time count its calls per day", async ({ page }) => {
  await page.goto(`/campaigns/${A.id}`);
  const chart = page.locator('[data-chart="Outcomes over time"]');
  await expect(chart.locator("rect[data-count]")).toHaveCount(new Set(inRange.map((c) => `${c.daysAgo}|${c.status}`)).size);
  const total = await chart.locator("rect[data-count]").evaluateAll((rects) => rects.reduce((n, r) => n + Number(r.getAttribute("data-count")), 0));
  expect(total).toBe(inRange.length);
});

test("the key-question breakdown matches the answers the calls carried", async ({ page }) => {
  await page.goto(`/campaigns/${A.id}`);
  const question = (label: string) => page.locator(`[data-question="${label}"]`);

  const yesNo = question("Inquiry Asked");
  await expect(yesNo).toHaveAttribute("data-kind", "yes_no");
  await expect(yesNo.locator('[data-answer="Yes"]')).toHaveAttribute("data-count", "4");
  await expect(yesNo.locator('[data-answer="No"]')).toHaveAttribute("data-count", "2");
  await expect(yesNo.locator('[data-answer="Yes"]')).toContainText("66.7%");

  const budget = question("Budget (EUR)");
  await expect(budget).toHaveAttribute("data-kind", "number");
  await expect(budget.locator('[data-stat="Min"]')).toHaveText("0");
  await expect(budget.locator('[data-stat="Average"]')).toHaveText("1,040");
  await expect(budget.locator('[data-stat="Max"]')).toHaveText("2,500");

  const day = question("Preferred day");
  await expect(day).toHaveAttribute("data-kind", "choice");
  await expect(day.locator('[data-answer="Tuesday"]')).toHaveAttribute("data-count", "3");
  await expect(day.locator('[data-answer="Monday"]')).toHaveAttribute("data-count", "1");
  await expect(day.locator('[data-answer="Wednesday"]')).toHaveAttribute("data-count", "1");

  const notes = question("Notes");
  await expect(notes).toHaveAttribute("data-kind", "text");
  const latest = notes.locator("[data-latest-answer]");
  await expect(latest).toHaveCount(5);
  // Newest first; markup a contact said is shown as text.
  await expect(latest.first()).toContainText(/Wants a demo next week|<b>Call after 5pm<\/b>/);
  await expect(notes.getByText("<b>Call after 5pm</b>")).toBeVisible();
  await latest.filter({ hasText: "Stop calling" }).getByRole("link").click();
  await expect(page).toHaveURL(/\/calls\/cp-6$/);
});

test("an unknown campaign id is a 404 with a way back", async ({ page }) => {
  const response = await page.goto("/campaigns/no-such-campaign");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Campaign not found" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "All campaigns" })).toBeVisible();
});

test("campaigns screenshots and accessibility", async ({ page }) => {
  test.setTimeout(240_000);
  await screenshotEverywhere(page, "campaigns", "/campaigns", { scan: true, ready: async (p) => {
    await expect(p.locator(`tr[data-campaign="${A.id}"]`)).toBeVisible();
  } });
  await screenshotEverywhere(page, "campaign", `/campaigns/${A.id}`, { scan: true, ready: async (p) => {
    await expect(p.locator('[data-chart="Outcomes over time"] rect[data-count]').first()).toBeVisible();
    await expect(p.locator('[data-question="Notes"]')).toBeVisible();
  } });
});
