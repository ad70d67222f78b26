// One webhook delivery in: the raw body and the call's merged state are committed in a single
// transaction, so an acknowledged delivery is never half-stored and a failed one leaves nothing.
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { withTransactionSlot } from "@/lib/db/transaction-slots";
import { JsonSyntaxError, parseVoxiaJson } from "@/lib/voxia/parse-voxia-json";
import { readVoxiaDelivery, type VoxiaDelivery } from "@/lib/voxia/voxia-payload";
import { loadCallState, lockCall, writeCallState } from "./recompute-call";

export type IngestOutcome =
  | { kind: "stored"; callId: string; duplicate: boolean }
  | { kind: "invalid_json"; code: "invalid_json" | "too_deeply_nested"; message: string; line: number; column: number }
  | { kind: "unusable_payload"; field: string; message: string };

/** Parses without touching the database: what the webhook would make of these bytes. */
export function readBody(
  body: Uint8Array,
): { ok: true; delivery: VoxiaDelivery } | Exclude<IngestOutcome, { kind: "stored" }> {
  let json;
  try {
    json = parseVoxiaJson(new TextDecoder().decode(body));
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      return { kind: "invalid_json", code: error.code, message: error.message, line: error.line, column: error.column };
    }
    throw error;
  }
  const read = readVoxiaDelivery(json);
  return read.ok ? read : { kind: "unusable_payload", ...read.problem };
}

export async function ingestDelivery(input: {
  body: Uint8Array;
  contentType: string | null;
  receivedAt?: Date;
}): Promise<IngestOutcome> {
  const read = readBody(input.body);
  if (!("ok" in read)) return read;
  const { delivery } = read;
  const sha256 = createHash("sha256").update(input.body).digest("hex");
  const receivedAt = input.receivedAt ?? new Date();

  return withTransactionSlot(() => storeDelivery(delivery, sha256, input.body, input.contentType, receivedAt));
}

function storeDelivery(delivery: VoxiaDelivery, sha256: string, body: Uint8Array, contentType: string | null, receivedAt: Date) {
  return prisma().$transaction(
    async (tx) => {
      // A second copy of the same bytes waits here for the first to commit, then inserts nothing.
      const inserted = await tx.$queryRaw<{ id: bigint }[]>`
        INSERT INTO deliveries (call_id, sha256, body, webhook_event, content_type, received_at)
        VALUES (${delivery.id}, ${sha256}, ${body}, ${delivery.webhookEvent}, ${contentType}, ${receivedAt})
        ON CONFLICT (sha256) DO NOTHING
        RETURNING id`;
      if (inserted.length === 0) return { kind: "stored", callId: delivery.id, duplicate: true } as const;

      await lockCall(tx, delivery.id);
      const state = await loadCallState(tx, delivery.id);
      if (state) await writeCallState(tx, state);
      return { kind: "stored", callId: delivery.id, duplicate: false } as const;
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}
