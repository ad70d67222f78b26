// The sign-in flow in a real browser, against an app of its own with DASHBOARD_PASSWORD set:
// redirected to /sign-in, a wrong password says so, the right one returns to the page asked for,
// signing out locks the pages again, and nothing trips the Content-Security-Policy on the way.
import { expect, test } from "@playwright/test";
import { createTestDatabase, type TestDatabase } from "../test/support/test-database.ts";
import { startTestApp, type TestApp } from "../test/support/test-app.ts";

const PASSWORD = "e2e-dashboard-password";
let database: TestDatabase;
let app: TestApp;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  database = await createTestDatabase("e2e_sign_in");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded, env: { DASHBOARD_PASSWORD: PASSWORD, WEBHOOK_SECRET: "e2e-webhook-secret" } });
});
test.afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

test("sign in, land on the page asked for, sign out", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));

  await page.goto(`${app.url}/calls?status=INTERESTED`);
  await expect(page).toHaveURL(`${app.url}/sign-in?next=${encodeURIComponent("/calls?status=INTERESTED")}`);
  await expect(page.getByRole("heading", { name: "Sign in to Callboard" })).toBeVisible();
  await page.screenshot({ path: "test-results/sign-in.png" });

  await page.getByLabel("Password").fill("not it");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#sign-in-error")).toHaveText("That password is not right. Try again.");
  await page.screenshot({ path: "test-results/sign-in-wrong.png" });

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${app.url}/calls?status=INTERESTED`);
  await expect(page.getByRole("heading", { name: "Calls" })).toBeVisible();
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name === "callboard_session");
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  expect(await page.evaluate(() => document.cookie)).not.toContain("callboard_session");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${app.url}/sign-in`);
  await page.goto(`${app.url}/calls`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcalls$/);
  expect(problems).toEqual([]);
});
