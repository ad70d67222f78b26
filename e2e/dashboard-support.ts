// Shared set-up for the dashboard browser tests (overview, campaigns, connect): realistic calls
// seeded through the real webhook, and the accessibility scan (e2e/screenshot.ts takes the screenshots).
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { lifecycleDeliveries, type CallSpec } from "../test/support/voxia-fixtures.ts";
import { DAY_MS, startOfUtcDay } from "../lib/time/utc-day.ts";

export function utcDay(daysAgo: number): string {
  return new Date(startOfUtcDay(new Date()).getTime() - daysAgo * DAY_MS).toISOString().slice(0, 10);
}

/** A moment on the UTC day `daysAgo` days back that is never in the future. */
function momentOn(daysAgo: number, second: number): string {
  return new Date(new Date(`${utcDay(daysAgo)}T00:00:00Z`).getTime() + second * 1000).toISOString();
}

type Outcome = NonNullable<CallSpec["outcome"]>;
export type SeedCall = {
  id: string;
  campaign: { id: string; name: string };
  daysAgo: number;
  status: Outcome | "BUSY" | "NO_ANSWER";
  duration?: number;
  isTestCall?: boolean;
  answers?: Record<string, unknown>;
};

/** Voxia's summary shape for key-question answers. */
export function summaryOf(answers: Record<string, unknown>): Record<string, unknown> {
  const QUESTIONS: Record<string, { type: string; options: string[]; order: number; description: string }> = {
    "Inquiry Asked": { type: "YES_NO", options: [], order: 1, description: "Interested in learning more about our services" },
    "Budget (EUR)": { type: "NUMBER", options: [], order: 2, description: "Monthly budget the contact mentioned" },
    "Preferred day": { type: "MULTIPLE_CHOICE", options: ["Monday", "Tuesday", "Wednesday"], order: 3, description: "Best day for a follow-up" },
    Notes: { type: "TEXT", options: [], order: 4, description: "Anything else the contact said" },
  };
  return Object.fromEntries(Object.entries(answers).map(([label, value]) => [label, { ...QUESTIONS[label], value }]));
}

/** Posts every lifecycle delivery of each call to the webhook, as Voxia would. */
export async function seedCalls(request: APIRequestContext, calls: SeedCall[]): Promise<void> {
  for (const [i, call] of calls.entries()) {
    const connected = call.status !== "BUSY" && call.status !== "NO_ANSWER";
    const spec: CallSpec = {
      id: call.id,
      campaign: call.campaign,
      contact: { id: `contact-${call.id}`, name: `Contact ${call.id}`, phoneNumber: `+1555000${String(i).padStart(4, "0")}` },
      createdAt: momentOn(call.daysAgo, i + 1),
      outcome: connected ? (call.status as Outcome) : null,
      notConnected: connected ? undefined : (call.status as "BUSY" | "NO_ANSWER"),
      duration: call.duration,
      isTestCall: call.isTestCall ?? false,
      summary: summaryOf(call.answers ?? {}),
    };
    for (const delivery of lifecycleDeliveries(spec)) {
      const response = await request.post("/api/webhooks/voxia", { data: delivery.body, headers: { "content-type": "application/json" } });
      expect(response.status(), `delivery ${delivery.event} of ${call.id}`).toBe(200);
    }
  }
}

/** Counts per key, e.g. per status. */
export function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/**
 * axe-core on the page, run inside the page itself (legacy mode). The default mode runs each frame
 * apart and then opens a page of its own to combine them, 2 s a scan here; the app renders no frames,
 * so that buys nothing.
 */
export function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode();
}

/** axe-core over the page; serious and critical violations fail the test, with what and where. */
export async function expectNoSeriousA11yViolations(page: Page, what = ""): Promise<void> {
  const results = await axe(page).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${what ? `${what}: ` : ""}${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`),
  ).toEqual([]);
}
