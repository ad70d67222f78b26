// Live: calls as they happen. The calls list says how many new calls match its filter and waits for
// the reader to ask for them; an open call page follows its deliveries; the Live view lists calls in
// progress with how long each has been going and lets them go as they end. Every call here is in a
// campaign of this spec's own, so the other specs' calls (posted meanwhile) change nothing it counts.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { lifecycleDeliveries, payloadFor, type CallSpec } from "../test/support/voxia-fixtures.ts";
import { screenshotEverywhere } from "./screenshot.ts";

const CAMPAIGN = { id: "e2e-live", name: "Live drive" };
const OTHER = { id: "e2e-live-other", name: "Another drive" };
let serial = 0;

function spec(id: string, campaign = CAMPAIGN): CallSpec {
  serial += 1;
  return { id, campaign, outcome: "INTERESTED", createdAt: new Date().toISOString(), contact: { id: `ct-${id}`, name: `Live Person ${serial}`, phoneNumber: `+1555888${String(serial).padStart(4, "0")}` } };
}

async function post(request: APIRequestContext, body: string): Promise<void> {
  const response = await request.post("/api/webhooks/voxia", { data: body, headers: { "content-type": "application/json" } });
  expect(response.status()).toBe(200);
}

async function postCall(request: APIRequestContext, call: CallSpec): Promise<void> {
  for (const d of lifecycleDeliveries(call)) await post(request, d.body);
}

test("the calls list counts new calls matching its filter and shows them when asked, without moving meanwhile", async ({ page, request }) => {
  await postCall(request, spec("live-list-1"));
  await page.goto(`/calls?campaign=${CAMPAIGN.id}`);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(page.locator('[data-live-state="live"]')).toBeVisible();

  await postCall(request, spec("live-list-2"));
  await postCall(request, spec("live-list-other", OTHER));
  await postCall(request, spec("live-list-3"));
  const banner = page.getByRole("button", { name: "2 new calls — show" });
  await expect(banner).toBeVisible({ timeout: 10_000 });
  await expect(rows, "the list stays as it was while the reader reads").toHaveCount(1);

  await banner.click();
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole("button", { name: /new call/ })).toHaveCount(0);
  await expect(rows.first()).toContainText("Live Person");
});

test("an open call page follows the call's deliveries as they arrive", async ({ page, request }) => {
  const call = spec("live-call-1");
  const [dialing, connected, hangUp, finished] = lifecycleDeliveries(call);
  await post(request, dialing!.body);
  await page.goto(`/calls/${call.id}`);
  const stage = page.locator("[data-call-stage]");
  await expect(stage).toHaveText("Stage: DIALING");
  await expect(page.locator('[data-live-state="live"]')).toBeVisible();
  await post(request, connected!.body);
  await expect(stage).toHaveText("Stage: CONNECTED", { timeout: 10_000 });
  await post(request, hangUp!.body);
  await post(request, finished!.body);
  await expect(stage).toHaveText("Stage: POST_PROCESSING_FINISHED:INTERESTED", { timeout: 10_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(call.contact!.name);
});

test("the Live view lists calls in progress with their elapsed time, and lets each go as it ends", async ({ page, request }) => {
  // Four page loads and two accessibility scans for the screenshots, on a machine running other tests.
  test.setTimeout(90_000);
  const ringing = spec("live-now-1");
  const talking = spec("live-now-2");
  await post(request, JSON.stringify(payloadFor(ringing, "DIALING", "early")));
  await post(request, JSON.stringify(payloadFor(talking, "DIALING", "early")));
  await post(request, JSON.stringify(payloadFor(talking, "CONNECTED", "early")));

  await page.goto("/live");
  const row = (id: string) => page.locator(`tr[data-live-call="${id}"]`);
  await expect(row(ringing.id)).toContainText("Dialing");
  await expect(row(talking.id)).toContainText("Connected");
  const elapsed = row(talking.id).locator("td").nth(3);
  const first = await elapsed.innerText();
  await expect(elapsed).not.toHaveText(first, { timeout: 3000 });

  // A call that ends moves out; one that starts moves in — without reloading the page.
  await expect(page.locator('[data-live-state="live"]')).toBeVisible();
  await post(request, JSON.stringify(payloadFor(ringing, "COULD_NOT_CONNECT:NO_ANSWER", "ended")));
  await expect(row(ringing.id)).toHaveCount(0, { timeout: 10_000 });
  const late = spec("live-now-3");
  await post(request, JSON.stringify(payloadFor(late, "DIALING", "early")));
  await expect(row(late.id)).toBeVisible({ timeout: 10_000 });
  await expect(row(talking.id)).toContainText("Connected");

  await screenshotEverywhere(page, "live", "/live", { scan: true, ready: async (p) => {
    await expect(p.locator(`tr[data-live-call="${talking.id}"]`)).toBeVisible();
  } });
  // End them, so the Live view of other runs on this database starts empty of this spec's calls.
  for (const c of [talking, late]) await post(request, JSON.stringify(payloadFor(c, "HANG_UP", "ended")));
});
