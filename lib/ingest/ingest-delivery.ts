// One webhook delivery in: parsed and checked here, then stored through the group commit, which
// writes the raw body and the call's merged state in one transaction shared with the deliveries that
// arrived alongside it (in its lane: small and large deliveries are batched apart). The promise settles after that commit: an acknowledged delivery is never
// half-stored, and a failed one leaves nothing.
import { createHash } from "node:crypto";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { assertSchemaReady } from "@/lib/db/schema-state";
import { DatabaseBusyError, SLOT_WAIT_LIMIT_MS, withTransactionSlot } from "@/lib/db/transaction-slots";
import { JsonSyntaxError, parseVoxiaJson } from "@/lib/voxia/parse-voxia-json";
import { idRewrittenProblem, readVoxiaDelivery, type VoxiaDelivery } from "@/lib/voxia/voxia-payload";
import { createGroupCommit, type GroupCommit } from "./group-commit";
import { storeDeliveries, type AcceptedDelivery, type StoredDelivery } from "./store-deliveries";

export type IngestOutcome =
  | { kind: "stored"; callId: string; duplicate: boolean }
  | { kind: "call_too_large"; callId: string; limitBytes: number; message: string }
  | { kind: "invalid_json"; code: "invalid_json" | "too_deeply_nested"; message: string; line: number; column: number }
  | { kind: "unusable_payload"; field: string; message: string };

/** Parses without touching the database: what the webhook would make of these bytes. */
export function readBody(
  body: Uint8Array,
): { ok: true; delivery: VoxiaDelivery } | Exclude<IngestOutcome, { kind: "stored" }> {
  const text = new TextDecoder().decode(body);
  let json;
  try {
    json = parseVoxiaJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      return { kind: "invalid_json", code: error.code, message: error.message, line: error.line, column: error.column };
    }
    throw error;
  }
  const read = readVoxiaDelivery(json);
  if (!read.ok) return { kind: "unusable_payload", ...read.problem };
  const rewritten = idRewrittenProblem(read.delivery, () => parseVoxiaJson(text, { exactStrings: true }));
  return rewritten ? { kind: "unusable_payload", ...rewritten } : read;
}

// One batch at a time per lane: concurrent batches only queued on the same rollup and campaign
// rows, and spent the wait in lock bookkeeping. Measured at 1M calls, 16 senders: one batch in flight
// gave 271-301 webhooks/s, p99 64-66 ms at a paced 200/s and 1.1 ms of Postgres CPU per delivery;
// two gave 258-280/s, p99 126-152 ms and 1.6-1.8 ms.
// Two lanes, though: deliveries over LARGE_DELIVERY_BYTES (and any delivery of a call that has one
// pending, which would wait for that call's lock anyway) are written in batches of their own, so a
// sender of 1 MB deliveries does not hold up everyone else's small ones (issue 10; bench row "poison").
const BATCHES_IN_FLIGHT = 1;
const LARGE_DELIVERY_BYTES = 64 * 1024;
const LANES = {
  small: { maxItems: 200, maxBytes: 8 * 1024 * 1024 },
  large: { maxItems: 8, maxBytes: 4 * 1024 * 1024 },
} as const;
type Lane = keyof typeof LANES;

/**
 * Bytes of deliveries being stored at once (queued or in a batch) beyond which a delivery is
 * answered 503 server_busy instead of queued: the server's memory stays bounded whatever arrives.
 */
export const MAX_PENDING_BYTES = 24 * 1024 * 1024;

export class ServerBusyError extends Error {
  constructor() {
    super(`more than ${MAX_PENDING_BYTES / 1024 / 1024} MiB of deliveries are waiting to be stored`);
  }
}

type IngestState = {
  lanes: Record<Lane, GroupCommit<AcceptedDelivery, StoredDelivery>>;
  pendingBytes: number;
  /** Calls with a delivery pending in the large lane → how many. */
  largeCalls: Map<string, number>;
};
const globalForIngest = globalThis as unknown as { callboardIngest?: IngestState };

function ingestState(): IngestState {
  const lane = (limits: (typeof LANES)[Lane]) =>
    createGroupCommit<AcceptedDelivery, StoredDelivery>({
      write: (items) => withTransactionSlot(() => storeDeliveries(items)),
      concurrency: BATCHES_IN_FLIGHT,
      ...limits,
      itemBytes: (item) => item.body.byteLength,
      failsAll: isDatabaseUnavailable,
      // Deadlock with another instance's batch, or a serialization failure: nothing was written.
      isTransient: (error) => ["40P01", "40001"].includes((error as { code?: string }).code ?? ""),
      attempts: 3,
      waitLimitMs: SLOT_WAIT_LIMIT_MS,
      onWaitTimeout: (waited) => new DatabaseBusyError(waited),
    });
  globalForIngest.callboardIngest ??= { lanes: { small: lane(LANES.small), large: lane(LANES.large) }, pendingBytes: 0, largeCalls: new Map() };
  return globalForIngest.callboardIngest;
}

export async function ingestDelivery(input: {
  body: Uint8Array;
  contentType: string | null;
  receivedAt?: Date;
}): Promise<IngestOutcome> {
  const state = ingestState();
  const bytes = input.body.byteLength;
  // Checked before parsing: a parsed delivery takes a few times its size.
  if (state.pendingBytes > 0 && state.pendingBytes + bytes > MAX_PENDING_BYTES) throw new ServerBusyError();
  const read = readBody(input.body);
  if (!("ok" in read)) return read;
  // Never into a schema this code was not built for (a migration failed): 503, nothing stored.
  assertSchemaReady();
  const callId = read.delivery.id;
  const lane: Lane = bytes > LARGE_DELIVERY_BYTES || state.largeCalls.has(callId) ? "large" : "small";
  state.pendingBytes += bytes;
  if (lane === "large") state.largeCalls.set(callId, (state.largeCalls.get(callId) ?? 0) + 1);
  let stored: StoredDelivery;
  try {
    stored = await state.lanes[lane].submit({
      delivery: read.delivery,
      sha256: createHash("sha256").update(input.body).digest("hex"),
      body: input.body,
      contentType: input.contentType,
      receivedAt: input.receivedAt ?? new Date(),
    });
  } finally {
    state.pendingBytes -= bytes;
    if (lane === "large") {
      const left = state.largeCalls.get(callId)! - 1;
      if (left > 0) state.largeCalls.set(callId, left);
      else state.largeCalls.delete(callId);
    }
  }
  if ("refused" in stored) {
    const { callId, limitBytes } = stored;
    const message = `call "${callId}" has grown too large: with this delivery its merged state would exceed ${limitBytes} bytes (${limitBytes / 1024 / 1024} MiB); nothing was stored`;
    return { kind: "call_too_large", callId, limitBytes, message };
  }
  return { kind: "stored", ...stored };
}
