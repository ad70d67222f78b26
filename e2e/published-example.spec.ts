import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

const example = readFileSync(new URL("../lib/voxia/published-example.json", import.meta.url));

test("Voxia's published example, posted to the webhook, appears in the list and on its page", async ({ page, request }) => {
  const response = await request.post("/api/webhooks/voxia", { data: example, headers: { "content-type": "application/json" } });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true, callId: "{callId}" });

  // Other specs seed newer calls on the same app: find this one by its phone number.
  await page.goto("/calls?q=%2B1234567890");
  const row = page.getByRole("row", { name: /John/ });
  await expect(row).toContainText("Interested");
  await row.getByRole("link").first().click();

  await expect(page).toHaveURL(/\/calls\/%7BcallId%7D(\?|$)/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("John");
  await expect(page.getByText("Hi, can you tell me more about your services?")).toBeVisible();
});
