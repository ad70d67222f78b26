// The place where the team works: a member goes down the callback queue (the full number to dial,
// marks an item done with a note, the count drops, the contact page keeps the history); a new
// call-me-later call reopens the item and the queue says why; a number on the do-not-call list is
// in no queue and its pages say so; two people acting on one item: the second is told. Runs after
// the other dashboard specs (playwright.config.ts), so no one else's calls change the queue's count
// while it counts.
import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { lifecycleDeliveries, type CallSpec } from "../test/support/voxia-fixtures.ts";
import { csvRecords } from "../test/support/parse-csv.ts";
import { summaryOf } from "./dashboard-support.ts";
import { screenshotEverywhere } from "./screenshot.ts";

const CAMPAIGN = { id: "e2e-follow-ups", name: "Follow-up drive" };
const ANNA = { id: "fu-anna", name: "Anna Callback", phoneNumber: "+15557770001" };
const BEN = { id: "fu-ben", name: "Ben Busy", phoneNumber: "+15557770002" };
const DORA = { id: "fu-dora", name: "Dora Stop", phoneNumber: "+15557770003" };
const CARA = { id: "fu-cara", name: "Cara Bulk", phoneNumber: "+15557770004" };
const EVE = { id: "fu-eve", name: "Eve Bulk", phoneNumber: "+15557770005" };
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY - 60_000).toISOString();

async function postCall(request: APIRequestContext, spec: CallSpec): Promise<void> {
  for (const delivery of lifecycleDeliveries(spec)) {
    const response = await request.post("/api/webhooks/voxia", { data: delivery.body, headers: { "content-type": "application/json" } });
    expect(response.status(), `delivery ${delivery.event} of ${spec.id}`).toBe(200);
  }
}

test.beforeAll(async ({ request }) => {
  const call = (id: string, contact: typeof ANNA, daysAgo: number, outcome: NonNullable<CallSpec["outcome"]>, answers: Record<string, unknown> = {}) =>
    postCall(request, { id, campaign: CAMPAIGN, contact, createdAt: ago(daysAgo), outcome, summary: summaryOf(answers) });
  await call("fu-anna-1", ANNA, 3, "CALL_ME_LATER", { Notes: "Call after 5pm", "Preferred day": "Tuesday" });
  await call("fu-ben-1", BEN, 1, "CALL_ME_LATER", { Notes: "Busy until Friday" });
  // Dora asked not to be called, then (a later call) to be called back: the number stays suppressed.
  await call("fu-dora-1", DORA, 5, "DO_NOT_CALL", { Notes: "Stop calling" });
  await call("fu-dora-2", DORA, 2, "CALL_ME_LATER");
  await call("fu-cara-1", CARA, 0.5, "CALL_ME_LATER");
  await call("fu-eve-1", EVE, 0.4, "CALL_ME_LATER");
});

async function itemOf(request: APIRequestContext, contactId: string): Promise<{ id: string; version: number }> {
  const listed = (await (await request.get("/api/follow-ups?queue=callbacks&state=open&limit=500")).json()) as { followUps: { id: string; version: number; contact: { id: string } }[] };
  const item = listed.followUps.find((f) => f.contact.id === contactId);
  expect(item, `${contactId} is in the open callbacks`).toBeDefined();
  return item!;
}

const card = (page: Page, contactId: string) => page.locator(`li[data-contact="${contactId}"]`);
const openCount = (page: Page) => page.locator('[data-state-count="open"]');

async function countOf(page: Page): Promise<number> {
  return Number(await openCount(page).getAttribute("data-count"));
}

test("a member works down the callback queue: dials, marks done with a note, the count drops, the contact keeps the history", async ({ page }) => {
  await page.goto("/follow-ups");
  await expect(page.getByRole("link", { name: /Callbacks/ })).toHaveAttribute("aria-current", "page");
  const anna = card(page, ANNA.id);
  await expect(anna).toBeVisible();
  // Longest waiting first: Anna (3 days) before Ben (1 day).
  const order = await page.locator("li[data-contact]").evaluateAll((items) => items.map((li) => li.getAttribute("data-contact")));
  expect(order.indexOf(ANNA.id)).toBeGreaterThanOrEqual(0);
  expect(order.indexOf(ANNA.id)).toBeLessThan(order.indexOf(BEN.id));
  await expect(anna.locator("[data-waiting]")).toHaveText("waiting 3 days");
  await expect(anna).toContainText("Call after 5pm");
  await expect(anna).toContainText(CAMPAIGN.name);
  // The full number, ready to dial.
  const tel = anna.getByRole("link", { name: ANNA.phoneNumber });
  await expect(tel).toHaveAttribute("href", `tel:${ANNA.phoneNumber}`);
  const before = await countOf(page);
  expect(before).toBeGreaterThanOrEqual(2);

  await anna.getByRole("button", { name: /Done/ }).click();
  await anna.getByLabel("Outcome").selectOption("reached");
  await anna.getByLabel("Note (optional)").fill("Spoke to Anna, quote sent");
  await anna.getByRole("button", { name: "Mark done" }).click();

  await expect(anna).toHaveCount(0);
  await expect(openCount(page)).toHaveAttribute("data-count", String(before - 1));
  await expect(page.locator("[data-notice]")).toHaveText(`${ANNA.name}: marked done.`);
  await expect(page.locator('[data-state-count="done"]')).not.toHaveAttribute("data-count", "0");

  // Done lists it with who and the note; the contact page keeps the history.
  await page.goto("/follow-ups?queue=callbacks&state=done");
  await expect(card(page, ANNA.id)).toContainText("Spoke to Anna, quote sent");
  await card(page, ANNA.id).getByRole("link", { name: ANNA.name }).click();
  await expect(page).toHaveURL(new RegExp(`/contacts/${ANNA.id}$`));
  const history = page.getByRole("list", { name: /History of the Callbacks item/ });
  const done = history.locator('li[data-change="done"]');
  await expect(done).toHaveCount(1);
  await expect(done).toContainText("Done · Reached");
  await expect(done).toContainText("Spoke to Anna, quote sent");
  await expect(done).toContainText("Admin");
  await expect(history.locator('li[data-change="open"]')).toContainText("opened by a call");
});

test("a new call-me-later call reopens the done item, and the open queue shows it without a reload", async ({ page, request }) => {
  await page.goto("/follow-ups");
  await expect(card(page, ANNA.id)).toHaveCount(0);
  const before = await countOf(page);
  await expect(page.locator("[data-live-state]")).toHaveAttribute("data-live-state", "live");

  await postCall(request, { id: "fu-anna-2", campaign: CAMPAIGN, contact: ANNA, createdAt: ago(0), outcome: "CALL_ME_LATER" });

  // The page that was open when the call arrived: the item is back, with why, and counted.
  const anna = card(page, ANNA.id);
  await expect(anna.locator("[data-reopened]")).toHaveText("Reopened: a newer call asked to be called back");
  await expect(openCount(page)).toHaveAttribute("data-count", String(before + 1));
  await page.reload();
  await expect(card(page, ANNA.id).locator("[data-reopened]")).toHaveText("Reopened: a newer call asked to be called back");
  await page.goto(`/contacts/${ANNA.id}`);
  await expect(page.getByRole("list", { name: /History of the Callbacks item/ })).toContainText("reopened: a newer call asked to be called back");
  // Both calls on the timeline, and the call page links back to the contact.
  await expect(page.getByRole("list", { name: "Calls with this contact, newest first" }).getByRole("listitem")).toHaveCount(2);
  await page.goto("/calls/fu-anna-2");
  await page.getByRole("link", { name: "1 other call with this contact" }).click();
  await expect(page).toHaveURL(new RegExp(`/contacts/${ANNA.id}$`));
});

test("a suppressed contact's pages say so prominently and the contact is in no queue", async ({ page }) => {
  await page.goto(`/contacts/${DORA.id}`);
  const banner = page.getByRole("alert").filter({ hasText: "On the do-not-call list since" });
  await expect(banner).toContainText("do not call");
  await expect(banner).toContainText("Asked not to be called");
  // No tel: link for a number that must not be called.
  await expect(page.locator('a[href^="tel:"]')).toHaveCount(0);
  await page.goto("/calls/fu-dora-2");
  await expect(page.getByRole("alert").filter({ hasText: "On the do-not-call list since" })).toBeVisible();

  for (const queue of ["callbacks", "leads"]) {
    for (const state of ["open", "snoozed", "done"]) {
      await page.goto(`/follow-ups?queue=${queue}&state=${state}`);
      await expect(page.locator("[data-follow-ups-count]")).toBeVisible();
      await expect(card(page, DORA.id)).toHaveCount(0);
    }
  }
  await page.goto("/suppression");
  await expect(page.getByRole("cell", { name: DORA.phoneNumber })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveAttribute("href", "/api/suppression/export?list=do_not_call");
});

test("when someone else changed an item first, the second person is told and nothing is overwritten", async ({ page, request }) => {
  await page.goto("/follow-ups");
  const ben = card(page, BEN.id);
  await expect(ben).toBeVisible();
  await expect(page.locator("[data-live-state]")).toHaveAttribute("data-live-state", "live");
  await ben.getByRole("button", { name: /Done/ }).click();
  await ben.getByLabel("Outcome").selectOption("no_answer");
  await ben.getByLabel("Note (optional)").fill("Left a voicemail");
  const openBefore = await countOf(page);
  // Someone else snoozes Ben while this person has his form open.
  const item = await itemOf(request, BEN.id);
  const snoozed = await request.post(`/api/follow-ups/${item.id}`, { data: { state: "snoozed", snoozeUntil: ago(-3).slice(0, 10), version: item.version } });
  expect(snoozed.status()).toBe(200);

  // The page refreshes live — the count drops — but Ben's card stays, with the half-written note, and says so.
  await expect(openCount(page)).toHaveAttribute("data-count", String(openBefore - 1));
  await expect(ben.locator("[data-changed-elsewhere]")).toHaveAttribute("data-changed-elsewhere", "gone");
  await expect(ben.getByLabel("Note (optional)")).toHaveValue("Left a voicemail");
  await ben.screenshot({ path: "e2e/screenshots/follow-up-changed-elsewhere.png" });
  await ben.getByRole("button", { name: "Mark done" }).click();
  await expect(page.locator("[data-notice]")).toContainText(`${BEN.name}: Someone else changed this item: it was snoozed by Admin`);
  await expect(ben).toHaveCount(0);
  await page.goto("/follow-ups?queue=callbacks&state=snoozed");
  await expect(card(page, BEN.id)).toBeVisible();
});

test("bulk: several items marked done at once; one someone else changed first is left alone and named", async ({ page, request }) => {
  await page.goto("/follow-ups");
  const before = await countOf(page);
  await card(page, CARA.id).getByRole("checkbox", { name: `Select ${CARA.name}` }).check();
  await card(page, EVE.id).getByRole("checkbox", { name: `Select ${EVE.name}` }).check();
  const bar = page.getByRole("region", { name: "Act on selected items" });
  await expect(bar).toContainText("2 selected");
  await expect(page.locator("[data-live-state]")).toHaveAttribute("data-live-state", "live");
  // Someone else marks Eve done meanwhile: the live refresh keeps her, selected, and says she left the list.
  const eve = await itemOf(request, EVE.id);
  expect((await request.post(`/api/follow-ups/${eve.id}`, { data: { state: "done", outcome: "converted", version: eve.version } })).status()).toBe(200);
  await expect(card(page, EVE.id).locator("[data-changed-elsewhere]")).toHaveAttribute("data-changed-elsewhere", "gone");
  await expect(bar).toContainText("2 selected");

  await bar.getByLabel("Outcome for the selected items").selectOption("no_answer");
  await bar.getByRole("button", { name: "Mark done" }).click();
  await expect(page.locator("[data-notice]")).toHaveText(`1 item changed. Someone else changed this item first, so they were left alone: ${EVE.name}.`);
  await expect(card(page, CARA.id)).toHaveCount(0);
  await expect(card(page, EVE.id)).toHaveCount(0);
  await expect(openCount(page)).toHaveAttribute("data-count", String(before - 2));
  // Eve keeps the other person's outcome.
  await page.goto(`/contacts/${EVE.id}`);
  await expect(page.getByRole("list", { name: /History of the Callbacks item/ }).locator('li[data-change="done"]')).toHaveText(/Done · Converted/);
});

test("an item someone else acts on leaves this person's open page, and the count follows, without a reload", async ({ page, request }) => {
  await page.goto("/follow-ups");
  const anna = card(page, ANNA.id);
  await expect(anna).toBeVisible();
  await expect(page.locator("[data-live-state]")).toHaveAttribute("data-live-state", "live");
  const before = await countOf(page);
  const item = await itemOf(request, ANNA.id);
  expect((await request.post(`/api/follow-ups/${item.id}`, { data: { state: "snoozed", snoozeUntil: ago(-2).slice(0, 10), version: item.version } })).status()).toBe(200);
  await expect(anna).toHaveCount(0);
  await expect(openCount(page)).toHaveAttribute("data-count", String(before - 1));
  await expect(page.locator('[data-state-count="snoozed"]')).not.toHaveAttribute("data-count", "0");
  // And back, so the pages below see her open.
  const snoozed = (await (await request.get("/api/follow-ups?queue=callbacks&state=snoozed&limit=500")).json()) as { followUps: { id: string; version: number; contact: { id: string } }[] };
  const again = snoozed.followUps.find((f) => f.contact.id === ANNA.id)!;
  expect((await request.post(`/api/follow-ups/${again.id}`, { data: { state: "open", version: again.version } })).status()).toBe(200);
  await expect(anna).toBeVisible();
});

test("the contacts list finds a person, counts them, and exports the rows it shows", async ({ page }) => {
  await page.goto(`/contacts?campaign=${CAMPAIGN.id}`);
  await expect(page.locator("[data-contacts-count]")).toHaveText("5 contacts");
  await expect(page.locator(`tr[data-contact="${DORA.id}"] [data-flag="suppressed"]`)).toHaveText("Do not call");
  await page.getByRole("searchbox", { name: "Search contacts" }).fill("Anna Call");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.locator("[data-contacts-count]")).toHaveText("1 contact");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Export CSV/ }).click();
  const file = await download;
  const rows = csvRecords(await readFile(await file.path(), "utf8"));
  // The number is written as ="…" so a spreadsheet keeps it as text (lib/csv/csv-cell.ts).
  expect(rows.map((r) => [r.id, r.name, r.phone, r.calls])).toEqual([[ANNA.id, ANNA.name, `="${ANNA.phoneNumber}"`, "2"]]);
});

test("contacts, follow-ups and the do-not-call list: screenshots and accessibility", async ({ page }) => {
  test.setTimeout(120_000);
  const ready = async (p: Page) => {
    await p.waitForLoadState("load");
    await expect(p.locator('[role="status"][aria-label^="Loading"]')).toHaveCount(0);
  };
  await screenshotEverywhere(page, "contacts", `/contacts?campaign=${CAMPAIGN.id}`, { scan: true, ready });
  await screenshotEverywhere(page, "contact", `/contacts/${ANNA.id}`, { scan: true, ready });
  await screenshotEverywhere(page, "contact-suppressed", `/contacts/${DORA.id}`, { scan: true, ready });
  await screenshotEverywhere(page, "follow-ups", "/follow-ups", { scan: true, ready });
  await screenshotEverywhere(page, "suppression", "/suppression", { scan: true, ready });
});
