// Connect (/settings/webhook): the URL to paste into Voxia, the "send the example" button, and the
// accepted and refused requests.
import { expect, test } from "@playwright/test";
import { createTestDatabase, type TestDatabase } from "../test/support/test-database.ts";
import { startTestApp, type TestApp } from "../test/support/test-app.ts";
import { screenshotEverywhere } from "./screenshot.ts";

test("without a secret the page shows the bare URL and says plainly that anyone can post", async ({ page, baseURL }) => {
  await page.goto("/settings/webhook");
  await expect(page.locator("[data-webhook-url]")).toHaveText(`${baseURL}/api/webhooks/voxia`);
  await expect(page.getByText("No secret is set: anyone who can reach this server can post calls to it.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Add Webhook URL" })).toBeVisible();
});

test("behind a proxy the URL follows the X-Forwarded-* headers", async ({ browser, baseURL }) => {
  const context = await browser.newContext({
    baseURL,
    extraHTTPHeaders: { "x-forwarded-proto": "https", "x-forwarded-host": "calls.example.com" },
  });
  const page = await context.newPage();
  await page.goto("/settings/webhook");
  await expect(page.locator("[data-webhook-url]")).toHaveText("https://calls.example.com/api/webhooks/voxia");
  await context.close();
});

test("the send-example button stores Voxia's published example and links to the call", async ({ page, request }) => {
  await page.goto("/settings/webhook");
  await page.getByRole("button", { name: "Send Voxia's example" }).click();
  const link = page.getByRole("status").getByRole("link", { name: "open call {callId}" });
  await expect(link).toBeVisible();
  // The call exists, read back as the webhook stored it (the example's NumberInt order included).
  const call = await (await request.get(`/api/calls/${encodeURIComponent("{callId}")}`)).json();
  expect(call.status).toBe("INTERESTED");
  expect(call.keyQuestions[0].order).toBe(1);
  // The delivery is listed among the recent ones, linked to its call.
  await expect(page.getByRole("region", { name: "Recent deliveries" }).getByRole("link", { name: "{callId}" }).first()).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/calls\/%7BcallId%7D$/);
  await expect(page.getByText("Hi, can you tell me more about your services?")).toBeVisible();
});

test("refused requests are counted per reason and the newest listed with the reason", async ({ page, request }) => {
  const bad = await request.post("/api/webhooks/voxia", { data: Buffer.from('{"id": "x", "status": '), headers: { "content-type": "application/json" } });
  expect(bad.status()).toBe(400);
  const wrongType = await request.post("/api/webhooks/voxia", { data: Buffer.from("id=1"), headers: { "content-type": "application/x-www-form-urlencoded" } });
  expect(wrongType.status()).toBe(415);
  await page.goto("/settings/webhook");
  const refused = page.getByRole("region", { name: "Refused requests" });
  await expect(refused.locator('[data-rejection-code="invalid_json"]')).toHaveAttribute("data-count", /^[1-9]\d*$/);
  await expect(refused.locator('[data-rejection-code="unsupported_media_type"]')).toBeVisible();
  await expect(refused.locator('[data-rejected-request="unsupported_media_type"]').first()).toContainText(
    "Content-Type must be application/json, not application/x-www-form-urlencoded",
  );
  await expect(refused.locator('[data-rejected-request="invalid_json"]').first()).toContainText("not valid JSON");
});

test("connect page screenshots and accessibility", async ({ page }) => {
  test.setTimeout(120_000);
  await screenshotEverywhere(page, "connect", "/settings/webhook", { scan: true, ready: async (p) => {
    await expect(p.locator("[data-webhook-url]")).toBeVisible();
  } });
});

test.describe("with WEBHOOK_SECRET set", () => {
  const SECRET = "s3cret/with+odd=chars&more";
  let database: TestDatabase;
  let app: TestApp;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    database = await createTestDatabase("e2e_connect_secret");
    app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded, env: { WEBHOOK_SECRET: SECRET } });
  });
  test.afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  test("the URL carries the token, and that exact URL is accepted while the bare one is refused", async ({ browser, request }) => {
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto(`${app.url}/settings/webhook`);
    const expected = `${app.url}/api/webhooks/voxia?token=${encodeURIComponent(SECRET)}`;
    await expect(page.locator("[data-webhook-url]")).toHaveText(expected);
    await expect(page.getByText("No secret is set")).toHaveCount(0);

    await page.getByRole("button", { name: "Copy URL" }).click();
    await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

    const body = Buffer.from(JSON.stringify({ id: "secret-check", campaign: { id: "c", name: "C" } }));
    expect((await request.post(expected, { data: body, headers: { "content-type": "application/json" } })).status()).toBe(200);
    expect((await request.post(`${app.url}/api/webhooks/voxia`, { data: body, headers: { "content-type": "application/json" } })).status()).toBe(401);
    await context.close();
  });
});
