// HTML and script inside call data (names, transcript, contact data, campaign, summary) render as
// inert text on every page, and no page trips the Content-Security-Policy. Pages are discovered
// from app/ (dynamic segments get the hostile call's id), so pages merged later are covered; to
// also assert that a page shows the hostile text literally, add it to SHOWS_TEXT below.
import { expect, test, type Page } from "@playwright/test";
import { discoverAppEntries } from "../test/support/app-routes.ts";
import { payloadFor } from "../test/support/voxia-fixtures.ts";

const CALL_ID = "xss-<b>call</b>";
const NAME = `<script>window.__xss=1</script><img src=x onerror="window.__xss=2;alert('name')">`;
const LINE = `<img src=x onerror="window.__xss=3;alert('transcript')"><svg onload=alert(4)>`;
const DATA = `</script><script>alert('data')</script>`;
const CAMPAIGN_ID = "xss-campaign";
const CAMPAIGN_NAME = `<i>Campaign</i><script>alert('campaign')</script>`;

/** Pages and the hostile strings each must show literally. */
const SHOWS_TEXT: Record<string, string[]> = {
  "/calls": [NAME],
  [`/calls/${encodeURIComponent(CALL_ID)}`]: [NAME, LINE],
  [`/campaigns/${CAMPAIGN_ID}`]: [CAMPAIGN_NAME],
  "/contacts": [NAME],
  "/contacts/xss-contact": [NAME],
};

const pages = discoverAppEntries("app", (_name, route) => (route[0] === "campaigns" ? CAMPAIGN_ID : route[0] === "contacts" ? "xss-contact" : CALL_ID))
  .filter((entry) => entry.kind === "page")
  .map((entry) => entry.path);

async function watch(page: Page) {
  const problems: string[] = [];
  page.on("dialog", async (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy|Refused to (execute|load)/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return problems;
}

test.beforeAll(async ({ request }) => {
  const payload = payloadFor(
    {
      id: CALL_ID,
      // Newer than the other specs' seeded calls, so it is on the first page of /calls, but outside the
      // Overview's default 30 days, whose counts other specs assert.
      createdAt: "2026-01-01T00:00:00.000Z",
      outcome: "INTERESTED",
      campaign: { id: CAMPAIGN_ID, name: CAMPAIGN_NAME },
      contact: { id: "xss-contact", name: NAME, phoneNumber: "+15550001111", data: { note: DATA, "<b>key</b>": "<u>v</u>" } },
      transcript: [
        { role: "assistant", content: LINE },
        { role: "<script>alert('role')</script>", content: "javascript:alert(5)" },
      ],
      summary: { text: `<iframe src="javascript:alert(6)"></iframe>` },
    },
    "POST_PROCESSING_FINISHED:INTERESTED",
    "final",
  );
  const response = await request.post("/api/webhooks/voxia", { data: JSON.stringify(payload), headers: { "content-type": "application/json" } });
  expect(response.status()).toBe(200);
});

for (const path of pages) {
  test(`${path}: hostile call data stays text, no script runs, no CSP violation`, async ({ page }) => {
    const problems = await watch(page);
    await page.goto(path);
    // Hydration ran: Next's nonce-stamped scripts were allowed to execute.
    await page.waitForFunction(() => typeof (window as unknown as { next?: { version?: string } }).next?.version === "string");
    for (const text of SHOWS_TEXT[path] ?? []) await expect(page.getByText(text, { exact: false }).first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator("body img[src='x'], body svg[onload], body iframe").count()).toBe(0);
    await page.screenshot({ path: `test-results/inert${path.replace(/[^a-z0-9]+/gi, "-")}.png`, fullPage: true });
    expect(problems).toEqual([]);
  });
}
