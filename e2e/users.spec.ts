// People in a real browser, against an app of its own with DASHBOARD_PASSWORD set: the bootstrap
// admin adds a member on /settings/users; the member signs in with the initial password, is made to
// choose a new one, and then uses the app with their name and role in the header; a viewer sees the
// call's phone number masked where the member sees it in full.
import { expect, test, type Page } from "@playwright/test";
import { createTestDatabase, type TestDatabase } from "../test/support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../test/support/test-app.ts";
import { payloadFor } from "../test/support/voxia-fixtures.ts";
import { addUser, readySession } from "../test/support/users.ts";
import { screenshotEverywhere } from "./screenshot.ts";
import { expectNoSeriousA11yViolations } from "./dashboard-support.ts";

const PASSWORD = "e2e-users-dashboard-password";
const API_TOKEN = "e2e-users-api-token";
const WEBHOOK_SECRET = "e2e-users-webhook-secret";
const CALL_ID = "e2e-users-call";
const PHONE = "+15550001234";
let database: TestDatabase;
let app: TestApp;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  database = await createTestDatabase("e2e_users");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded, env: { DASHBOARD_PASSWORD: PASSWORD, API_TOKEN, WEBHOOK_SECRET } });
  const body = JSON.stringify(payloadFor({ id: CALL_ID, outcome: "INTERESTED", contact: { id: "e2e-u", name: "Priya Natarajan", phoneNumber: PHONE } }, "POST_PROCESSING_FINISHED:INTERESTED", "final"));
  expect((await postWebhook(app, body, { query: `?token=${WEBHOOK_SECRET}` })).status).toBe(200);
});
test.afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

async function signIn(page: Page, password: string, email?: string) {
  await page.goto(`${app.url}/sign-in`);
  if (email) await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("an admin adds a member, who signs in, chooses a password and sees the app", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, PASSWORD);
  await expect(page.getByTestId("signed-in-as")).toContainText("Admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(`${app.url}/settings/users`);
  await expect(page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill("Mina Okafor");
  await page.getByLabel("Email", { exact: true }).fill("mina@example.com");
  await page.getByLabel("Role", { exact: true }).selectOption("member");
  await page.getByRole("radio", { name: "Initial password" }).check();
  await page.getByRole("textbox", { name: "Initial password" }).fill("mina-initial-pw");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Mina Okafor was added as member" })).toBeVisible();
  const row = page.getByTestId("user-row").filter({ hasText: "Mina Okafor" });
  await expect(row).toContainText("mina@example.com");
  await expect(row).toContainText("Has not chosen a password yet");

  // An API token, shown once.
  await page.getByLabel("Acts as").selectOption({ label: "Mina Okafor (member)" });
  await page.getByLabel("Token name").fill("e2e script");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token")).toHaveText(/^cb_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("token-row").filter({ hasText: "e2e script" })).toBeVisible();
  await screenshotEverywhere(page, "users", `${app.url}/settings/users`);
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.goto(`${app.url}/calls`);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(`${app.url}/sign-in`);

  await page.goto(`${app.url}/calls`);
  await page.getByLabel("Email").fill("MINA@example.com");
  await page.getByLabel("Password").fill("mina-initial-pw");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${app.url}/account?next=%2Fcalls`);
  await expect(page.getByRole("alert").filter({ hasText: "Choose a new password to continue" })).toBeVisible();
  await screenshotEverywhere(page, "account-first-sign-in", `${app.url}/account?next=%2Fcalls`);
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByLabel("Current password").fill("mina-initial-pw");
  await page.getByLabel("New password", { exact: true }).fill("mina-chosen-password");
  await page.getByLabel("New password again").fill("mina-chosen-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(`${app.url}/calls`);
  await expect(page.getByRole("heading", { name: "Calls" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText(/Mina Okafor\s*member/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);

  await page.goto(`${app.url}/calls/${CALL_ID}`);
  await expect(page.locator(`a[href="tel:${PHONE}"]`)).toHaveText(PHONE);
  await page.goto(`${app.url}/settings/users`);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});

test("a viewer reads the follow-up queue, contacts and do-not-call list with numbers masked, and cannot act", async ({ page }) => {
  const viewer = await addUser(app.url, { authorization: `Bearer ${API_TOKEN}` }, "viewer", "Vera Viewer");
  await readySession(app.url, viewer);
  await signIn(page, viewer.password, viewer.email);
  await expect(page.getByTestId("signed-in-as")).toHaveText(/Vera Viewer\s*viewer/);
  // The seeded call showed interest: the contact is a hot lead.
  await page.goto(`${app.url}/follow-ups?queue=leads`);
  const item = page.locator('li[data-contact="e2e-u"]');
  await expect(item).toContainText("+1 ••• ••• 1234");
  await expect(page.locator('a[href^="tel:"]')).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Done|Snooze|Reopen/ })).toHaveCount(0);
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(PHONE);
  for (const path of ["/contacts", "/contacts/e2e-u"]) {
    await page.goto(`${app.url}${path}`);
    await expect(page.getByText("+1 ••• ••• 1234").first()).toBeVisible();
    await expect(page.locator('a[href^="tel:"]')).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(PHONE);
  }
  await page.goto(`${app.url}/suppression`);
  await expect(page.getByRole("heading", { name: "Do not call", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: /Download CSV/ })).toHaveCount(0);
});

test("a viewer sees the number masked on the call page and cannot call it", async ({ page }) => {
  const viewer = await addUser(app.url, { authorization: `Bearer ${API_TOKEN}` }, "viewer", "Otto Viewer");
  await readySession(app.url, viewer);
  await signIn(page, viewer.password, viewer.email);
  await expect(page.getByTestId("signed-in-as")).toHaveText(/Otto Viewer\s*viewer/);
  await page.goto(`${app.url}/calls/${CALL_ID}`);
  await expect(page.locator("#contact")).toContainText("+1 ••• ••• 1234");
  await expect(page.locator('a[href^="tel:"]')).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(PHONE);
  await expect(page.getByText("Raw body not shown to the viewer role").first()).toBeVisible();
  await page.screenshot({ path: "test-results/users-viewer-call.png", fullPage: true });

  await page.goto(`${app.url}/account`);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(`${app.url}/sign-in?signed_out=everywhere`);
  await expect(page.getByRole("status")).toHaveText("You are signed out on every device.");
  await page.goto(`${app.url}/calls`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcalls$/);
});

test("an admin disables a member, who is signed out at once, and re-enables them", async ({ page, browser }) => {
  test.setTimeout(60_000);
  const member = await addUser(app.url, { authorization: `Bearer ${API_TOKEN}` }, "member", "Dara Quill");
  const cookie = await readySession(app.url, member);
  const memberContext = await browser.newContext();
  const [name, value] = cookie.split("=") as [string, string];
  await memberContext.addCookies([{ name, value, url: app.url }]);
  const memberPage = await memberContext.newPage();
  await memberPage.goto(`${app.url}/calls`);
  await expect(memberPage.getByTestId("signed-in-as")).toContainText("Dara Quill");

  await signIn(page, PASSWORD);
  await page.goto(`${app.url}/settings/users`);
  const row = page.getByTestId("user-row").filter({ hasText: "Dara Quill" });
  await row.getByRole("button", { name: "Disable Dara Quill" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Dara Quill was disabled" })).toBeVisible();
  await expect(row).toContainText("Disabled");

  await memberPage.reload();
  await expect(memberPage).toHaveURL(/\/sign-in/);
  await memberPage.getByLabel("Email").fill(member.email);
  await memberPage.getByLabel("Password").fill(member.password);
  await memberPage.getByRole("button", { name: "Sign in" }).click();
  await expect(memberPage).toHaveURL(/error=wrong_email_or_password/);

  await row.getByRole("button", { name: "Re-enable Dara Quill" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Dara Quill can sign in again" })).toBeVisible();
  await expect(row).toContainText("Active");
  await memberContext.close();
});

test("an admin adds a user with a one-time sign-in link, who chooses a password with it; the link then says it was used", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signIn(page, PASSWORD);
  await page.goto(`${app.url}/settings/users`);
  await page.getByLabel("Name", { exact: true }).fill("Lena Ruiz");
  await page.getByLabel("Email", { exact: true }).fill("lena@example.com");
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await expect(page.getByRole("radio", { name: "One-time link" })).toBeChecked();
  await page.getByRole("button", { name: "Add user" }).click();
  const shown = page.getByTestId("sign-in-link");
  await expect(shown).toHaveText(/\/sign-in\/link\/[A-Za-z0-9_-]{43}$/);
  const link = (await shown.textContent())!;
  await expect(page.getByText("Copy it now: it is not shown again")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "e2e/screenshots/users-new-link.png", fullPage: true });

  const person = await (await browser.newContext()).newPage();
  await person.goto(link);
  await expect(person.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  await expect(person.getByText("lena@example.com")).toBeVisible();
  await expectNoSeriousA11yViolations(person);
  await screenshotEverywhere(person, "sign-in-link", link);
  await person.emulateMedia({ colorScheme: "light" });
  await person.setViewportSize({ width: 1280, height: 900 });
  await person.getByLabel("New password", { exact: true }).fill("lena-chosen-password");
  await person.getByLabel("New password again").fill("lena-chosen-password");
  await person.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(person.getByTestId("signed-in-as")).toHaveText(/Lena Ruiz\s*viewer/);

  await person.goto(link);
  await expect(person.getByRole("heading", { name: "This sign-in link was already used" })).toBeVisible();
  await expectNoSeriousA11yViolations(person);
  await screenshotEverywhere(person, "sign-in-link-used", link);

  // "New sign-in link" for an existing user shows a new one.
  await page.goto(`${app.url}/settings/users`);
  const row = page.getByTestId("user-row").filter({ hasText: "Lena Ruiz" });
  await row.getByRole("button", { name: "New sign-in link for Lena Ruiz" }).click();
  await expect(row.getByTestId("sign-in-link")).toHaveText(/\/sign-in\/link\/[A-Za-z0-9_-]{43}$/);
  await expect(row.getByTestId("sign-in-link")).not.toHaveText(link);
  await person.context().close();
});
