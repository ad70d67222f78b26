// The calls list: filters in the URL, text search, pagination, empty states, CSV export, a11y, looks.
import { readFile } from "node:fs/promises";
import { expectNoSeriousA11yViolations } from "./dashboard-support.ts";
import { expect, test, type Page } from "@playwright/test";
import { BULK, BULK_COUNT, ENTERPRISE, RENEWALS, SPRING, UNIQUE_WORD } from "../test/support/calls-seed.ts";
import { csvRecords } from "../test/support/parse-csv.ts";
import { seedCalls } from "./seed-calls.ts";
import { screenshotEverywhere } from "./screenshot.ts";

test.beforeAll(async ({}, testInfo) => {
  await seedCalls(testInfo.project.use.baseURL!);
});

const bodyRows = (page: Page) => page.locator("tbody tr");

const count = (page: Page) => page.getByText(/^[\d,]+\+? calls?$/);
const chip = (page: Page, label: string) => page.getByRole("group", { name: "Active filters" }).getByRole("button", { name: label, exact: true });

/** "+ Filter" → a field → its editor (a dialog named after the field). */
async function addFilter(page: Page, field: string) {
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await page.getByRole("dialog", { name: "Add filter" }).getByRole("button", { name: field, exact: true }).click();
  return page.getByRole("dialog", { name: `Add filter: ${field}` });
}

async function pick(page: Page, field: string, ...options: string[]) {
  const editor = await addFilter(page, field);
  for (const option of options) await editor.getByLabel(option, { exact: true }).check();
  await editor.getByRole("button", { name: "Apply" }).click();
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
  await expect(chip(page, "Status: interested")).toHaveCount(0);

  await page.goForward();
  await expect(page).toHaveURL(/status=INTERESTED$/);
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(chip(page, "Status: interested")).toBeVisible();

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
  await page.getByLabel("From (UTC)").press("Enter");
  await expect(page).toHaveURL(/from=2025-05-12/);
  await expect(bodyRows(page)).toHaveCount(3);
  await page.getByLabel("To (UTC)").fill("2025-04-30");
  await page.getByRole("button", { name: "Apply dates" }).click();
  await expect(page).toHaveURL(/to=2025-04-30/);
  await expect(page.getByText("No calls match these filters.")).toBeVisible();
});


test("each kind of filter is added through the bar, shown as a chip, and narrows list and count exactly", async ({ page }) => {
  // About 40 navigations in one flow: 15 s alone, twice that beside the other worker on 2 cores.
  test.setTimeout(60_000);
  // 6 named calls, the legacy one, 2 enterprise ones and the bulk list; the test call is hidden.
  await page.goto("/calls");
  await expect(count(page)).toHaveText(`${BULK_COUNT + 9} calls`);

  await pick(page, "Contact status", "Call me later");
  await expect(page).toHaveURL(/\/calls\?contactStatus=callMeLater$/);
  await expect(chip(page, "Contact status: call me later")).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page)).toContainText("Grace Hopper");
  await expect(count(page)).toHaveText("1 call");
  // A chip opens its own editor: add a second value.
  await chip(page, "Contact status: call me later").click();
  const editor = page.getByRole("dialog", { name: "Edit filter: Contact status: call me later" });
  await editor.getByLabel("Wrong number", { exact: true }).check();
  await editor.getByRole("button", { name: "Apply" }).click();
  await expect(chip(page, "Contact status: call me later, wrong number")).toBeVisible();
  await expect(count(page)).toHaveText("2 calls");
  await page.getByRole("button", { name: "Remove filter Contact status: call me later, wrong number" }).click();
  await expect(page).toHaveURL(/\/calls$/);
  await expect(count(page)).toHaveText(`${BULK_COUNT + 9} calls`);

  await (await addFilter(page, "Interested")).getByRole("button", { name: "Yes" }).click();
  await expect(page).toHaveURL(/\/calls\?interested=true$/);
  await expect(chip(page, "Interested")).toBeVisible();
  await expect(count(page)).toHaveText("2 calls");
  expect((await bodyRows(page).allInnerTexts()).join("\n")).toMatch(/Barbara Liskov[\s\S]*Ada Lovelace/);
  await page.getByRole("button", { name: "Remove filter Interested" }).click();

  const duration = await addFilter(page, "Duration");
  await duration.getByLabel("At least (seconds)").fill("30");
  await duration.getByLabel("At most (seconds)").fill("120");
  await duration.getByLabel("At most (seconds)").press("Enter");
  await expect(page).toHaveURL(/\/calls\?minDuration=30&maxDuration=120$/);
  await expect(chip(page, "Duration 30–120 s")).toBeVisible();
  await expect(count(page)).toHaveText("3 calls");
  for (const name of ["Hedy Lamarr", "Alan Turing", "Grace Hopper"]) await expect(page.locator("tbody")).toContainText(name);
  await page.getByRole("button", { name: "Clear all" }).click();
  await expect(page).toHaveURL(/\/calls$/);

  // A key question of type NUMBER compares as a number; YES_NO offers yes/no.
  const seats = await addFilter(page, "Key question");
  await seats.getByLabel("Question", { exact: true }).selectOption("Seats");
  await seats.getByLabel("Condition", { exact: true }).selectOption("gte");
  await seats.getByLabel("Value", { exact: true }).fill("20");
  await seats.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/calls\?answer=Seats%3Agte%3A20$/);
  await expect(chip(page, "Seats ≥ 20")).toBeVisible();
  await expect(count(page)).toHaveText("1 call");
  await expect(bodyRows(page)).toContainText("Katherine Johnson");
  await chip(page, "Seats ≥ 20").click();
  const edit = page.getByRole("dialog", { name: "Edit filter: Seats ≥ 20" });
  await edit.getByLabel("Condition", { exact: true }).selectOption("lt");
  await edit.getByRole("button", { name: "Apply" }).click();
  await expect(chip(page, "Seats < 20")).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page)).toContainText("Margaret Hamilton");
  const demo = await addFilter(page, "Key question");
  await demo.getByLabel("Question", { exact: true }).selectOption("Demo booked");
  await expect(demo.getByLabel("Value", { exact: true })).toHaveValue("true");
  await demo.getByRole("button", { name: "Apply" }).click();
  // Both must hold: no call has both.
  await expect(chip(page, "Demo booked = yes")).toBeVisible();
  await expect(page.getByText("No calls match these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Remove filter Seats < 20" }).click();
  await expect(count(page)).toHaveText("1 call");
  await expect(bodyRows(page)).toContainText("Ada Lovelace");
  await page.getByRole("button", { name: "Clear all" }).click();

  // "(none)": calls where the field is not set at all.
  await pick(page, "Campaign", "No campaign");
  await expect(page).toHaveURL(/\/calls\?campaign=%28none%29$/);
  await expect(chip(page, "No campaign")).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page)).toContainText("Hedy Lamarr");
  await page.getByRole("button", { name: "Clear all" }).click();

  await pick(page, "Event", "VOICEMAIL_DROP");
  await expect(chip(page, "Event: VOICEMAIL_DROP")).toBeVisible();
  await expect(count(page)).toHaveText("1 call");
  await expect(bodyRows(page)).toContainText("Hedy Lamarr");
  await page.getByRole("button", { name: "Clear all" }).click();

  const contact = await addFilter(page, "Contact");
  await contact.getByLabel("Contact id").fill("contact-2");
  await contact.getByLabel("Contact id").press("Enter");
  await expect(page).toHaveURL(/\/calls\?contact=contact-2$/);
  await expect(chip(page, "Contact: contact-2")).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page)).toContainText("Grace Hopper");
  await page.getByRole("button", { name: "Clear all" }).click();

  await pick(page, "Campaign", ENTERPRISE.name);
  await pick(page, "Outcome", "Not interested");
  await expect(chip(page, `Campaign: ${ENTERPRISE.name}`)).toBeVisible();
  await expect(chip(page, "Outcome: not interested")).toBeVisible();
  await expect(count(page)).toHaveText("2 calls");
  await pick(page, "Hang-up reason", "No hang-up reason");
  await expect(chip(page, "No hang-up reason")).toBeVisible();
  await expect(page.getByText("No calls match these filters.")).toBeVisible();
});

test("a typed date is applied once: one navigation, one history entry", async ({ page }) => {
  await page.goto(`/calls?campaign=${SPRING.id}&campaign=${BULK.id}`);
  await expect(count(page)).toHaveText(`${BULK_COUNT + 3} calls`);
  const before = await page.evaluate(() => history.length);
  const seen: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/calls") seen.push(r.url());
  });
  const from = page.getByLabel("From (UTC)");
  await expect(from).toBeEnabled();
  await from.focus();
  await page.keyboard.type("05122025", { delay: 80 });
  // Nothing is applied while typing (the year passes through 0002, 0020, 0202).
  await expect(page).toHaveURL(/\/calls\?campaign=camp-spring&campaign=camp-bulk$/);
  await expect(page.getByRole("button", { name: "Apply dates" })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/from=2025-05-12$/);
  await expect(count(page)).toHaveText("3 calls");
  expect(await page.evaluate(() => history.length)).toBe(before + 1);
  expect(seen.filter((u) => u.includes("from=")).map((u) => new URL(u).searchParams.get("from"))).toEqual(["2025-05-12"]);

  // Leaving the field applies it too.
  const to = page.getByLabel("To (UTC)");
  await to.focus();
  await page.keyboard.type("05112025", { delay: 80 });
  await expect(page).toHaveURL(/from=2025-05-12$/);
  await page.getByRole("heading", { name: "Calls" }).click();
  await expect(page).toHaveURL(/from=2025-05-12&to=2025-05-11$/);
  await expect(page.getByText("No calls match these filters.")).toBeVisible();
  expect(await page.evaluate(() => history.length)).toBe(before + 2);
  expect(seen.filter((u) => u.includes("to=")).map((u) => new URL(u).searchParams.get("to"))).toEqual(["2025-05-11"]);

  await page.goBack();
  await expect(page).toHaveURL(/from=2025-05-12$/);
  await expect(to).toHaveValue("");
  await page.goBack();
  await expect(page).toHaveURL(/\/calls\?campaign=camp-spring&campaign=camp-bulk$/);
  await expect(from).toHaveValue("");
});

test("the call page's Newer/Older keep every filter of the list", async ({ page }) => {
  await page.goto("/calls?contactStatus=callMeLater&contactStatus=wrongNumber");
  await page.getByRole("link", { name: "Grace Hopper" }).click();
  await expect(page).toHaveURL(/\/calls\/call-grace\?contactStatus=callMeLater&contactStatus=wrongNumber$/);
  await page.getByRole("link", { name: /Newer call/ }).click();
  await expect(page).toHaveURL(/\/calls\/call-formula\?contactStatus=callMeLater&contactStatus=wrongNumber$/);
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

test("/calls has no serious or critical accessibility violations, filter menus open included", async ({ page }) => {
  test.setTimeout(120_000);
  const scan = (what: string) => expectNoSeriousA11yViolations(page, what);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/calls?test=include&contactStatus=callMeLater&minDuration=30&maxDuration=120&answer=Seats:gte:20&status=(none)");
    await expect(count(page)).toBeVisible();
    await scan(`${scheme}, chips`);
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await scan(`${scheme}, field menu`);
    for (const field of scheme === "light" ? ["Status", "Key question", "Duration", "Interested", "Contact"] : ["Key question"]) {
      await page.getByRole("dialog", { name: "Add filter" }).getByRole("button", { name: field, exact: true }).click();
      await scan(`${scheme}, ${field} editor`);
      await page.getByRole("button", { name: "Back to the list of fields" }).click();
    }
    await page.keyboard.press("Escape");
    await chip(page, "Seats ≥ 20").click();
    await scan(`${scheme}, chip editor`);
  }
});

test("screenshots of /calls", async ({ page }) => {
  // Eleven full-page screenshots in two schemes and three widths: over 30 s on a loaded 2-core machine (CI).
  test.setTimeout(90_000);
  await screenshotEverywhere(page, "calls", `/calls?campaign=${SPRING.id}&campaign=${RENEWALS.id}&test=include`);
  await screenshotEverywhere(page, "calls-no-match", "/calls?q=nobody-said-this-word");
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshotEverywhere(page, "calls-filtered", `/calls?contactStatus=callMeLater&contactStatus=wrongNumber&minDuration=10&maxDuration=120&status=(none)&status=CALL_ME_LATER&answer=Seats:gte:20&from=2025-01-01&campaign=${SPRING.id}&campaign=${RENEWALS.id}`);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/calls?campaign=${SPRING.id}&interested=true`);
    await addFilter(page, "Status");
    await page.screenshot({ path: `e2e/screenshots/calls-status-filter-open-${scheme}.png` });
    await page.keyboard.press("Escape");
    await addFilter(page, "Key question");
    await page.screenshot({ path: `e2e/screenshots/calls-answer-filter-open-${scheme}.png` });
  }
});
