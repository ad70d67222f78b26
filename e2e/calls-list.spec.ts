// The calls list: filters in the URL, text search, pagination, empty states, CSV export, a11y, looks.
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { BULK, BULK_COUNT, RENEWALS, SPRING, UNIQUE_WORD } from "../test/support/calls-seed.ts";
import { csvRecords } from "../test/support/parse-csv.ts";
import { seedCalls } from "./seed-calls.ts";
import { screenshotEverywhere } from "./screenshot.ts";

test.beforeAll(async ({}, testInfo) => {
  await seedCalls(testInfo.project.use.baseURL!);
});

const bodyRows = (page: Page) => page.locator("tbody tr");

async function pick(page: Page, legend: string, option: string) {
  await page.locator("summary", { hasText: new RegExp(`^${legend}:`) }).click();
  await page.getByRole("group", { name: legend }).getByLabel(option, { exact: true }).check();
}

test("filters live in the URL: applied on the server, and back/forward step through them", async ({ page }) => {
  await page.goto("/calls");
  await pick(page, "Campaign", RENEWALS.name);
  await expect(page).toHaveURL(/\/calls\?campaign=camp-renewals$/);
  await expect(bodyRows(page)).toHaveCount(3);
  await expect(page.locator("tbody")).not.toContainText("Ada Lovelace");

  await pick(page, "Status", "Interested");
  await expect(page).toHaveURL(/campaign=camp-renewals&status=INTERESTED$/);
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page)).toContainText("Barbara Liskov");

  await page.goBack();
  await expect(page).toHaveURL(/\/calls\?campaign=camp-renewals$/);
  await expect(bodyRows(page)).toHaveCount(3);
  await expect(page.locator("summary", { hasText: /^Status:/ })).toContainText("All");

  await page.goForward();
  await expect(page).toHaveURL(/status=INTERESTED$/);
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(page.locator("summary", { hasText: /^Status:/ })).toContainText("Interested");

  // A link reproduces the view: the server renders it filtered, before any script runs.
  const html = await (await page.request.get("/calls?campaign=camp-spring&status=CALL_ME_LATER")).text();
  expect(html).toContain("Grace Hopper");
  expect(html).not.toContain("Ada Lovelace");

  // Date range and test calls.
  await page.goto(`/calls?campaign=${SPRING.id}`);
  await expect(bodyRows(page)).toHaveCount(3);
  await page.getByLabel("Test calls").selectOption("include");
  await expect(page).toHaveURL(/test=include/);
  await expect(bodyRows(page)).toHaveCount(4);
  await expect(bodyRows(page).first()).toContainText("Test");
  await page.getByLabel("Test calls").selectOption("only");
  await expect(bodyRows(page)).toHaveCount(1);
  await page.goto(`/calls?campaign=${SPRING.id}&campaign=${BULK.id}`);
  await expect(bodyRows(page)).toHaveCount(50);
  await page.getByLabel("From (UTC)").fill("2025-05-12");
  await expect(page).toHaveURL(/from=2025-05-12/);
  await expect(bodyRows(page)).toHaveCount(3);
  await page.getByLabel("To (UTC)").fill("2025-04-30");
  await expect(page).toHaveURL(/to=2025-04-30/);
  await expect(page.getByText("No calls match these filters.")).toBeVisible();
});

test("the text filter finds a word said in one transcript only", async ({ page }) => {
  await page.goto("/calls");
  await page.getByLabel("Search name, phone or transcript").fill(UNIQUE_WORD);
  await page.getByLabel("Search name, phone or transcript").press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${UNIQUE_WORD}$`));
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page)).toContainText("Ada Lovelace");

  await page.getByLabel("Search name, phone or transcript").fill("+15550000002");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page)).toContainText("Grace Hopper");
});

test("the table shows each column, with a row linking to its call carrying the filters", async ({ page }) => {
  await page.goto(`/calls?campaign=${SPRING.id}`);
  const row = page.getByRole("row", { name: /Ada Lovelace/ });
  // Lists mask phone numbers (the call page shows them in full).
  await expect(row).toContainText("+1 ••• ••• 0001");
  await expect(row).not.toContainText("+15550000001");
  await expect(row).toContainText(SPRING.name);
  await expect(row).toContainText("Interested");
  await expect(row).toContainText("Completed");
  await expect(row).toContainText("Call finished");
  await expect(row).toContainText("3:05");
  await expect(row).toContainText("Yes");
  await row.getByRole("link", { name: "Ada Lovelace" }).click();
  await expect(page).toHaveURL(/\/calls\/call-ada\?campaign=camp-spring$/);
});

test("keyset pages: Older and Newer walk the whole filtered list", async ({ page }) => {
  await page.goto(`/calls?campaign=${BULK.id}`);
  await expect(bodyRows(page)).toHaveCount(50);
  await expect(bodyRows(page).first()).toContainText(`Bulk Contact ${BULK_COUNT - 1}`);
  await expect(page.getByRole("link", { name: /Newer/ })).toHaveCount(0);
  await page.getByRole("link", { name: /Older/ }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(bodyRows(page)).toHaveCount(BULK_COUNT - 50);
  await expect(bodyRows(page).last()).toContainText("Bulk Contact 0");
  await expect(page.getByRole("link", { name: /Older/ })).toHaveCount(0);
  await page.getByRole("link", { name: /Newer/ }).click();
  await expect(page).toHaveURL(/before=/);
  await expect(bodyRows(page)).toHaveCount(50);
  await expect(bodyRows(page).first()).toContainText(`Bulk Contact ${BULK_COUNT - 1}`);
});

test("no match says so and offers to clear the filters", async ({ page }) => {
  await page.goto("/calls?q=nobody-said-this-word");
  await expect(page.getByText("No calls match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear all filters" }).click();
  await expect(page).toHaveURL(/\/calls$/);
  await expect(bodyRows(page).first()).toBeVisible();
});

test("Export CSV downloads exactly the filtered calls, every page of them", async ({ page }) => {
  await page.goto(`/calls?campaign=${SPRING.id}&campaign=${RENEWALS.id}&test=include`);
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: /Export CSV/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^callboard-calls-.*\.csv$/);
  const records = csvRecords(await readFile((await download.path())!, "utf8"));
  expect(records.map((r) => r["Call ID"]).sort()).toEqual(["call-ada", "call-alan", "call-barbara", "call-busy", "call-formula", "call-grace", "call-test"]);
  const ada = records.find((r) => r["Call ID"] === "call-ada")!;
  expect(ada["Contact name"]).toBe("Ada Lovelace");
  expect(ada["Campaign"]).toBe(SPRING.name);
  expect(ada["Key question: Preferred day"]).toBe("Thursday");
  expect(ada["Key question: Demo booked"]).toBe("true");
  expect(records.find((r) => r["Call ID"] === "call-formula")!["Contact name"]).toBe(`'=HYPERLINK("http://evil.example","click")`);
  expect(records.find((r) => r["Call ID"] === "call-busy")!["Campaign"]).toBe(RENEWALS.name);

  // The bulk campaign is bigger than a page: the export still holds all of it.
  await page.goto(`/calls?campaign=${BULK.id}`);
  const bulkDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: /Export CSV/ }).click();
  const bulk = csvRecords(await readFile((await (await bulkDownload).path())!, "utf8"));
  expect(bulk).toHaveLength(BULK_COUNT);
});

test("/calls has no serious or critical accessibility violations", async ({ page }) => {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/calls?test=include");
    await expect(bodyRows(page).first()).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${scheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
});

test("screenshots of /calls", async ({ page }) => {
  await screenshotEverywhere(page, "calls", `/calls?campaign=${SPRING.id}&campaign=${RENEWALS.id}&test=include`);
  await screenshotEverywhere(page, "calls-no-match", "/calls?q=nobody-said-this-word");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/calls");
  await page.locator("summary", { hasText: /^Status:/ }).click();
  await page.screenshot({ path: "e2e/screenshots/calls-status-filter-open.png" });
});
