// Streams of Voxia deliveries for fault tests: many calls' lifecycles interleaved as they would
// arrive, sent concurrently, with a record of which ones the app acknowledged (2xx).
import { createHash } from "node:crypto";
import { lifecycleDeliveries, type CallSpec } from "./voxia-fixtures.ts";

export type Delivery = { callId: string; event: string; body: string; sha256: string };

const OUTCOMES = ["INTERESTED", "NOT_INTERESTED", "CALL_ME_LATER", "WRONG_NUMBER", "DO_NOT_CALL"] as const;

export function callSpecs(count: number, prefix: string): CallSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${String(i).padStart(4, "0")}`,
    campaign: { id: `camp-${i % 3}`, name: `Campaign ${i % 3}` },
    contact: { id: `contact-${prefix}-${i}`, name: `Contact ${i}`, phoneNumber: `+1555${String(1000000 + i).slice(-7)}` },
    createdAt: new Date(Date.UTC(2026, 0, 1, 9) + i * 60_000).toISOString(),
    ...(i % 7 === 6 ? { notConnected: "NO_ANSWER" as const } : { outcome: OUTCOMES[i % OUTCOMES.length] }),
  }));
}

/** All deliveries of the calls, interleaved stage by stage (many calls in flight at once). */
export function interleavedDeliveries(specs: CallSpec[]): Delivery[] {
  const perCall = specs.map((spec) => lifecycleDeliveries(spec).map(({ event, body }) => ({ callId: spec.id, event, body, sha256: sha256(body) })));
  const out: Delivery[] = [];
  for (let stage = 0; perCall.some((list) => list.length > stage); stage++) {
    for (const list of perCall) if (list[stage]) out.push(list[stage]!);
  }
  return out;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export type SendResult = { acknowledged: Delivery[]; failed: Delivery[]; statuses: Map<number, number> };

/**
 * Sends every delivery with `concurrency` requests in flight. A delivery is acknowledged when
 * answered 2xx; anything else (refused connection, reset, 5xx) is failed, to be sent again later,
 * as Voxia would retry.
 */
export async function sendDeliveries(
  url: () => string,
  deliveries: Delivery[],
  options: { concurrency: number; query?: string; onAcknowledged?: (count: number) => void },
): Promise<SendResult> {
  const queue = [...deliveries];
  const acknowledged: Delivery[] = [];
  const failed: Delivery[] = [];
  const statuses = new Map<number, number>();
  const worker = async () => {
    for (let delivery = queue.shift(); delivery; delivery = queue.shift()) {
      try {
        const res = await fetch(`${url()}/api/webhooks/voxia${options.query ?? ""}`, {
          method: "POST",
          body: delivery.body,
          headers: { "content-type": "application/json" },
        });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.ok) {
          acknowledged.push(delivery);
          options.onAcknowledged?.(acknowledged.length);
        } else failed.push(delivery);
      } catch {
        statuses.set(0, (statuses.get(0) ?? 0) + 1);
        failed.push(delivery);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { acknowledged, failed, statuses };
}
