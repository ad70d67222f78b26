// A call's page: every field, the transcript as a conversation, events, deliveries, stepping, 404, a11y.
import { expectNoSeriousA11yViolations } from "./dashboard-support.ts";
import { expect, test } from "@playwright/test";
import { SPRING } from "../test/support/calls-seed.ts";
import { seedCalls } from "./seed-calls.ts";
import { screenshotEverywhere } from "./screenshot.ts";

test.beforeAll(async ({}, testInfo) => {
  await seedCalls(testInfo.project.use.baseURL!);
});

test("the transcript reads in order, agent and callee told apart", async ({ page }) => {
  await page.goto("/calls/call-ada");
  const lines = page.getByRole("list", { name: "Transcript" }).getByRole("listitem");
  await expect(lines).toHaveCount(5);
  await expect(lines.nth(0)).toContainText("Good morning, this is Voxia calling");
  await expect(lines.nth(1)).toContainText("Morning! I read about your offer");
  await expect(lines.nth(3)).toContainText("zeppelin");
  await expect(lines.nth(4)).toContainText("Goodbye!");
  expect(await lines.evaluateAll((els) => els.map((el) => el.getAttribute("data-role")))).toEqual(["agent", "callee", "agent", "callee", "agent"]);
  await expect(lines.nth(0)).toContainText("Agent (Voxia)");
  await expect(lines.nth(1)).toContainText("Ada Lovelace (callee)");
  // Agent and callee bubbles sit on opposite sides.
  const agentBox = (await lines.nth(0).boundingBox())!;
  const calleeBox = (await lines.nth(1).boundingBox())!;
  expect(calleeBox.x + calleeBox.width).toBeGreaterThan(agentBox.x + agentBox.width);

  // "assistant" is the agent too.
  await page.goto("/calls/call-grace");
  const grace = page.getByRole("list", { name: "Transcript" }).getByRole("listitem");
  expect(await grace.evaluateAll((els) => els.map((el) => el.getAttribute("data-role")))).toEqual(["agent", "callee"]);
});

test("every field Voxia sent is on the page", async ({ page }) => {
  await page.goto("/calls/call-ada");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ada Lovelace");
  const contact = page.getByRole("region", { name: "Contact" });
  await expect(contact).toContainText("+15550000001");
  await expect(contact).toContainText("Analytical Engines");
  await expect(contact).toContainText("ada@example.com");
  await expect(contact).toContainText("tier");

  const outcome = page.getByRole("region", { name: "Outcome" });
  for (const text of ["Interested", "Completed", "Call finished", "3:05", "3:15"]) await expect(outcome).toContainText(text);

  const campaign = page.getByRole("region", { name: "Campaign and interest" });
  await expect(campaign.getByRole("link", { name: SPRING.name })).toHaveAttribute("href", `/campaigns/${SPRING.id}`);
  await expect(campaign).toContainText("The caller showed interest in scheduling a demo");

  const questions = page.getByRole("region", { name: "Key questions" });
  await expect(questions.getByRole("row", { name: /Preferred day/ })).toContainText("Thursday");
  await expect(questions.getByRole("row", { name: /Preferred day/ })).toContainText("Monday");
  await expect(questions.getByRole("row", { name: /Demo booked/ })).toContainText("Yes");

  const events = page.getByRole("region", { name: "Events" });
  await expect(events).toContainText("SMS");
  await expect(events).toContainText("{smsTemplateText}");
  await expect(events).toContainText("queued");
  await expect(events).toContainText("Call forwarded");

  const deliveries = page.getByRole("region", { name: /Webhook deliveries/ });
  await expect(deliveries.getByRole("listitem")).toHaveCount(4);
  await expect(deliveries.getByRole("listitem").first()).toContainText("DIALING");
  await expect(deliveries.getByRole("listitem").last()).toContainText("POST_PROCESSING_FINISHED:INTERESTED");
  await deliveries.getByText("Raw body").first().click();
  await expect(deliveries.locator("pre").first()).toContainText('"webhookEvent": "DIALING"');

  const other = page.getByRole("region", { name: "Other fields" });
  for (const text of ["{organizationId}", "{accountSid}", "{callSessionId}", "{sessionId}", "POST_PROCESSING_FINISHED:VOICE_MAIL"]) await expect(other).toContainText(text);
});

test("a call in the older format, with fields and values this version does not know, shows them all", async ({ page }) => {
  await page.goto("/calls/call-legacy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hedy Lamarr");
  const lines = page.getByRole("list", { name: "Transcript" }).getByRole("listitem");
  expect(await lines.evaluateAll((els) => els.map((el) => el.getAttribute("data-role")))).toEqual(["other", "agent", "callee"]);
  await expect(lines.nth(0)).toContainText("system");
  // What a contact said is text, never markup.
  await expect(lines.nth(2)).toContainText("<b>Not</b> now, please.");
  const questions = page.getByRole("region", { name: "Key questions" });
  await expect(questions.getByRole("row", { name: /Budget/ })).toContainText("About 5k a year");
  await expect(page.getByRole("region", { name: "Events" })).toContainText("VOICEMAIL_DROP");
  await expect(page.getByRole("region", { name: "Events" })).toContainText("renewal-v2");
  const other = page.getByRole("region", { name: "Other fields" });
  await expect(other).toContainText("variables (older format)");
  await expect(other).toContainText("Gold");
  await expect(other).toContainText("sentimentScore");
  await expect(other).toContainText("0.72");
});

test("Newer/Older step through the list the reader came from", async ({ page }) => {
  await page.goto(`/calls/call-grace?campaign=${SPRING.id}`);
  await page.getByRole("link", { name: /Older call/ }).click();
  await expect(page).toHaveURL(new RegExp(`/calls/call-ada\\?campaign=${SPRING.id}$`));
  await expect(page.getByRole("link", { name: /Older call/ })).toHaveCount(0);
  await page.getByRole("link", { name: /Newer call/ }).click();
  await expect(page).toHaveURL(/\/calls\/call-grace\?/);
  await page.getByRole("link", { name: /Newer call/ }).click();
  await expect(page).toHaveURL(/\/calls\/call-alan\?/);
  await page.getByRole("link", { name: /All calls/ }).click();
  await expect(page).toHaveURL(new RegExp(`/calls\\?campaign=${SPRING.id}$`));
});

test("an unknown call id is a 404 page", async ({ page }) => {
  const response = await page.goto("/calls/no-such-call");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Call not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to all calls" }).click();
  await expect(page).toHaveURL(/\/calls$/);
});

test("/calls/{id} has no serious or critical accessibility violations", async ({ page }) => {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/calls/call-ada");
    await page.getByText("Raw body").first().click();
    await expectNoSeriousA11yViolations(page, scheme);
  }
});

test("screenshots of a call's page", async ({ page }) => {
  await screenshotEverywhere(page, "call", "/calls/call-ada");
  await screenshotEverywhere(page, "call-not-found", "/calls/no-such-call");
});
