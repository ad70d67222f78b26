// Seeds the e2e app with test/support/calls-seed.ts by POSTing the deliveries to the webhook, as
// Voxia would. Every calls spec calls it; the second call finds the data there and does nothing.
import { request as playwrightRequest, expect } from "@playwright/test";
import { seedDeliveries } from "../test/support/calls-seed.ts";

export async function seedCalls(baseURL: string): Promise<void> {
  const api = await playwrightRequest.newContext({ baseURL });
  try {
    if ((await api.get("/api/calls/bulk-059")).ok()) return;
    for (const body of seedDeliveries()) {
      const response = await api.post("/api/webhooks/voxia", { data: body, headers: { "content-type": "application/json" } });
      expect(response.status(), await response.text()).toBe(200);
    }
  } finally {
    await api.dispose();
  }
}
