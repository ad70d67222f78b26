// The Alerts page in a real browser, against an app of its own with short alert thresholds: two calls
// hang up without their post-processing, their alerts show with the call linked, the nav badge counts
// them, a member acknowledges one and the badge drops. Scanned for accessibility like the other pages.
import { expect, test, type Page } from "@playwright/test";
import { createTestDatabase, type TestDatabase } from "../test/support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../test/support/test-app.ts";
import { payloadFor } from "../test/support/voxia-fixtures.ts";
import { addUser, readySession } from "../test/support/users.ts";
import { screenshotEverywhere } from "./screenshot.ts";

const PASSWORD = "e2e-alerts-dashboard-password";
const API_TOKEN = "e2e-alerts-api-token";
const CAMPAIGN = { id: "e2e-alerts", name: "Alerts drive" };
let database: TestDatabase;
let app: TestApp;
let memberCookie: string;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  database = await createTestDatabase("e2e_alerts");
  app = await startTestApp({
    databaseUrl: database.url,
    embedded: database.embedded,
    env: { DASHBOARD_PASSWORD: PASSWORD, API_TOKEN, CALLBOARD_ALERT_CHECK_SECONDS: "0.5", CALLBOARD_ALERT_POST_PROCESSING_MINUTES: "0.02" },
  });
  for (const id of ["e2e-alert-call-1", "e2e-alert-call-2"]) {
    const payload = payloadFor({ id, campaign: CAMPAIGN }, "HANG_UP", "ended") as Record<string, unknown>;
    payload.webhookEvents = ["DIALING", "HANG_UP", "POST_PROCESSING_FINISHED:INTERESTED"];
    expect((await postWebhook(app, JSON.stringify(payload))).status).toBe(200);
  }
  const member = await addUser(app.url, { authorization: `Bearer ${API_TOKEN}` }, "member", "Moses Member");
  memberCookie = await readySession(app.url, member);
});
test.afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

const badge = (page: Page) => page.getByRole("navigation", { name: "Main" }).locator("[data-open-alerts]");

test("alerts show with what is missing; a member acknowledges one and the badge count drops", async ({ page, context }) => {
  test.setTimeout(90_000);
  const [name, value] = [memberCookie.slice(0, memberCookie.indexOf("=")), memberCookie.slice(memberCookie.indexOf("=") + 1)];
  await context.addCookies([{ name, value, url: app.url }]);
  await expect(async () => {
    await page.goto(`${app.url}/alerts`);
    await expect(page.locator("li[data-alert-id]")).toHaveCount(2, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(badge(page)).toHaveAttribute("data-open-alerts", "2");
  const first = page.locator('li[data-alert-kind="post_processing_missing"]').filter({ hasText: "e2e-alert-call-1" });
  await expect(first).toContainText("Post-processing missing");
  await expect(first).toContainText("last stage was HANG_UP");
  await expect(first.getByRole("link", { name: "Open the call" })).toHaveAttribute("href", "/calls/e2e-alert-call-1");

  await screenshotEverywhere(page, "alerts", `${app.url}/alerts`, { scan: true, ready: async (p) => {
    await expect(p.locator("li[data-alert-id]")).toHaveCount(2);
  } });
  await page.goto(`${app.url}/alerts`);

  await first.getByRole("button", { name: /Acknowledge/ }).click();
  await expect(first).toHaveCount(0);
  await expect(badge(page)).toHaveAttribute("data-open-alerts", "1");
  await expect(page.locator('[data-state-count="acknowledged"]')).toHaveAttribute("data-count", "1");

  await page.getByRole("link", { name: /Acknowledged/ }).click();
  const acknowledged = page.locator("li[data-alert-id]").filter({ hasText: "e2e-alert-call-1" });
  await expect(acknowledged).toContainText("acknowledged by Moses Member");
  await expect(acknowledged.getByRole("button", { name: /Resolve/ })).toBeVisible();
  await expect(acknowledged.getByRole("button", { name: /Acknowledge/ })).toHaveCount(0);
});
