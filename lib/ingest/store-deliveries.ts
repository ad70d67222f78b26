// A batch of accepted deliveries in one transaction: their raw bodies, and the merged state of every
// call they belong to. Nothing is acknowledged before this commits (lib/ingest/ingest-delivery.ts),
// and a batch that fails leaves nothing behind. A call's new deliveries are folded into its stored
// merge state (lib/voxia/merge-call-state.ts): the cost of a delivery is bounded by the delivery and
// the call's current state, never by how many deliveries the call had before.
import { inTransaction } from "@/lib/db/pg-transaction";
import { JsonSyntaxError, MAX_NESTING_DEPTH, parseVoxiaJson } from "@/lib/voxia/parse-voxia-json";
import { readVoxiaDelivery, type VoxiaDelivery } from "@/lib/voxia/voxia-payload";
import { ensureContactKeySecret } from "@/lib/contacts/contact-key-secret";
import { callStateOf, mergeInto, type CallState, type MergeState } from "@/lib/voxia/merge-call-state";
import { fromStoredMergeState, toStoredMergeState, type StoredMergeState } from "@/lib/voxia/stored-merge-state";
import type { SqlRunner } from "@/lib/db/pg-transaction";
import { jsonParam } from "@/lib/voxia/stringify-json";
import { writeCallStates } from "./write-call-states";
import { announceCommitted, appendLiveEvents, type LiveEvent } from "@/lib/live/live-events";

export type AcceptedDelivery = {
  delivery: VoxiaDelivery;
  sha256: string;
  body: Uint8Array;
  contentType: string | null;
  receivedAt: Date;
};

/** Stored, or already stored; or refused, nothing stored, because the call's merged state would outgrow its limit. */
export type StoredDelivery = { callId: string; duplicate: boolean } | { callId: string; refused: "call_too_large"; limitBytes: number };

/**
 * The most a call's stored merge state may hold (its JSON text, calls.merge_state). Each delivery is
 * at most 1 MiB, and the merge keeps one delivery's transcript, summary and events, but the objects
 * merged key by key (contact data, variables, unknown fields) grow with every new key: without a
 * limit one call could grow until folding it exhausts the server's heap.
 */
export const MAX_CALL_STATE_BYTES = 4 * 1024 * 1024;

export async function storeDeliveries(items: AcceptedDelivery[]): Promise<StoredDelivery[]> {
  const stored = await inTransaction((sql) => storeInTransaction(sql, items));
  announceCommitted();
  return stored;
}

async function storeInTransaction(sql: SqlRunner, items: AcceptedDelivery[]): Promise<StoredDelivery[]> {
  const unique = new Map<string, AcceptedDelivery>();
  for (const item of items) if (!unique.has(item.sha256)) unique.set(item.sha256, item);
  const callIds = [...new Set([...unique.values()].map((d) => d.delivery.id))];

  // The calls' locks first, then, in a new statement (so it sees everything committed by whoever held
  // them before), which bodies are stored already and each call's merge state. A body determines its
  // call, so under the call's lock nobody else can be storing it meanwhile.
  await lockCalls(sql, callIds);
  const found = await sql.query<{ sha256: string | null; call_id: string | null; merge_state: string | null; unfolded: boolean }>(
    `SELECT sha256::text, NULL::text AS call_id, NULL::text AS merge_state, false AS unfolded
     FROM deliveries WHERE sha256 = ANY($2::bpchar[])
     UNION ALL
     SELECT NULL, ids.id, c.merge_state::text,
            c.merge_state IS NULL AND EXISTS (SELECT 1 FROM deliveries d WHERE d.call_id = ids.id)
     FROM unnest($1::text[]) AS ids(id) LEFT JOIN calls c ON c.id = ids.id`,
    [callIds, [...unique.keys()]],
  );
  const stored = new Set<string>();
  const states = new Map<string, MergeState | null>();
  const unfolded: string[] = [];
  for (const row of found) {
    if (row.call_id === null) stored.add(row.sha256!);
    else {
      states.set(row.call_id, row.merge_state === null ? null : fromStoredMergeState(parseStoredJson(row.merge_state)));
      if (row.unfolded) unfolded.push(row.call_id);
    }
  }
  // Calls from before merge states were stored (or whose row was lost): folded from their log once.
  if (unfolded.length > 0) for (const [id, state] of await foldStoredDeliveries(sql, unfolded)) states.set(id, state);

  // Fold the new deliveries into their calls, in memory: several deliveries of one call in this
  // batch cost one read and one write of it.
  const fresh = new Map<string, AcceptedDelivery[]>();
  for (const d of unique.values()) {
    if (stored.has(d.sha256)) continue;
    fresh.set(d.delivery.id, [...(fresh.get(d.delivery.id) ?? []), d]);
  }
  const accepted: AcceptedDelivery[] = [];
  const refused = new Set<string>();
  const changed: MergeState[] = [];
  for (const [callId, list] of fresh) {
    const before = states.get(callId) ?? null;
    const all = list.reduce(fold, before);
    if (storedBytes(all) <= MAX_CALL_STATE_BYTES) {
      accepted.push(...list);
      changed.push(all!);
      continue;
    }
    // Over the limit: keep, in arrival order, those that still fit; refuse the others.
    let state = before;
    for (const d of list) {
      const next = fold(state, d);
      if (storedBytes(next) > MAX_CALL_STATE_BYTES) refused.add(d.sha256);
      else {
        state = next;
        accepted.push(d);
      }
    }
    if (state && state !== before) changed.push(state);
  }
  // A call folded from its log above is written back even when nothing new of it was stored (a
  // duplicate, a refusal): else each such delivery would re-read its whole history again.
  const written = new Set(changed.map((s) => s.id));
  for (const id of unfolded) {
    const state = states.get(id);
    if (state && !written.has(id)) changed.push(state);
  }

  if (accepted.length > 0) {
    const rows = accepted.map((d) => ({
      call_id: d.delivery.id,
      sha256: d.sha256,
      body: Buffer.from(d.body.buffer, d.body.byteOffset, d.body.byteLength).toString("base64"),
      webhook_event: d.delivery.webhookEvent,
      content_type: d.contentType,
      received_at: d.receivedAt.toISOString(),
    }));
    // Rows go in hash order, so two batches sharing bodies wait for each other in one order only.
    const inserted = await sql.execute(
      `INSERT INTO deliveries (call_id, sha256, body, webhook_event, content_type, received_at)
       SELECT call_id, sha256, decode(body, 'base64'), webhook_event, content_type, received_at
       FROM json_to_recordset($1::json) AS r(call_id text, sha256 text, body text, webhook_event text, content_type text, received_at timestamptz)
       ORDER BY sha256
       ON CONFLICT (sha256) DO NOTHING`,
      [jsonParam(rows)],
    );
    // Only if a body was stored meanwhile under another call id (an instance whose parser reads it
    // differently): the states folded above would count it twice. Nothing is written; the batch is retried.
    if (inserted !== rows.length) throw Object.assign(new Error("a delivery was stored concurrently under another call"), { code: "40001" });
  }
  if (changed.length > 0) {
    await ensureContactKeySecret(sql);
    const calls = changed.map(callStateOf);
    const followUps = await writeCallStates(sql, calls);
    // Last in the transaction (it takes the event log's lock): one event per call a new delivery
    // reached, and one per follow-up item the calls opened, reopened or moved in or out of its queue.
    const reached = new Set(accepted.map((d) => d.delivery.id));
    await appendLiveEvents(sql, [
      ...calls.filter((call) => reached.has(call.id)).map((call): LiveEvent => ({
        type: states.get(call.id) ? "call.updated" : "call.created",
        callId: call.id,
        campaignId: call.campaignId ?? null,
        stage: call.webhookEvent ?? null,
      })),
      ...followUps.map((item): LiveEvent => ({ type: "follow_up.changed", ...item })),
    ]);
  }

  const seen = new Set<string>();
  return items.map((item) => {
    const callId = item.delivery.id;
    if (refused.has(item.sha256)) return { callId, refused: "call_too_large", limitBytes: MAX_CALL_STATE_BYTES };
    const first = !seen.has(item.sha256);
    seen.add(item.sha256);
    return { callId, duplicate: !(first && !stored.has(item.sha256)) };
  });
}

function fold(state: MergeState | null, d: AcceptedDelivery): MergeState {
  return mergeInto(state, { delivery: d.delivery, sha256: d.sha256, receivedAt: d.receivedAt });
}

function storedBytes(state: MergeState | null): number {
  return state ? Buffer.byteLength(jsonParam(toStoredMergeState(state))) : 0;
}

/** calls.merge_state as read back (jsonb's text): the counterpart of jsonParam. */
// With Voxia's parser, not JSON.parse: the state's values keep every number's digits (JsonNumber).
export function parseStoredJson(text: string): StoredMergeState {
  // The state wraps each value a few levels deep (objects.contactData.key → [value, source]). Plain
  // JSON: unknown fields {"$oid": …} are stored as {"$oid": [value, source]}, no wrapper to unwrap.
  return parseVoxiaJson(text, { maxDepth: MAX_NESTING_DEPTH + 8, extendedJson: false }) as unknown as StoredMergeState;
}

/**
 * Per-call advisory locks over the call ids in `ids` (an SQL FROM item with a `call_id` column), taken
 * in one order: concurrent transactions touching the same call serialise here, and the last to
 * commit has merged every delivery of it.
 */
const LOCK_CALLS_SQL = (ids: string) => `
  SELECT pg_advisory_xact_lock(key) FROM (
    SELECT DISTINCT hashtextextended(call_id, 0) AS key FROM ${ids} ORDER BY 1
  ) AS keys`;

export async function lockCalls(sql: SqlRunner, callIds: string[]): Promise<void> {
  await sql.execute(LOCK_CALLS_SQL("unnest($1::text[]) AS ids(call_id)"), [callIds]);
}

/** A stored delivery that the current parser cannot read: named by ids, never by its body's text. */
export type UndecodableDelivery = { callId: string; deliveryId: string; problem: string };

/**
 * Reads and merges every stored delivery of the given calls. A stored body that no longer parses (a
 * parser regression) is reported to `onUndecodable` — by default a log line, since the webhook merges
 * the rest rather than refuse the call; the rebuild collects them instead and leaves those calls alone.
 */
export async function loadCallStates(
  sql: SqlRunner,
  callIds: string[],
  onUndecodable: (failure: UndecodableDelivery) => void = logUndecodable,
): Promise<CallState[]> {
  const folded = await foldStoredDeliveries(sql, callIds, onUndecodable);
  await ensureContactKeySecret(sql);
  return [...folded.values()].map(callStateOf);
}

/** Bodies read per query when folding a call's log: memory stays bounded however long the log is. */
const FOLD_CHUNK_BYTES = 16 * 1024 * 1024;

/** Folds every stored delivery of the given calls, reading their bodies a bounded chunk at a time. */
async function foldStoredDeliveries(
  sql: SqlRunner,
  callIds: string[],
  onUndecodable: (failure: UndecodableDelivery) => void = logUndecodable,
): Promise<Map<string, MergeState>> {
  const index = await sql.query<{ id: string; bytes: number }>(
    `SELECT id::text, octet_length(body) AS bytes FROM deliveries WHERE call_id = ANY($1::text[]) ORDER BY deliveries.id`,
    [callIds],
  );
  const states = new Map<string, MergeState>();
  for (let start = 0; start < index.length; ) {
    let end = start;
    for (let bytes = 0; end < index.length && (end === start || bytes + index[end]!.bytes <= FOLD_CHUNK_BYTES); end++) bytes += index[end]!.bytes;
    const rows = await sql.query<{ id: string; call_id: string; sha256: string; received_at: Date; body: Uint8Array | null }>(
      `SELECT id::text AS id, call_id, sha256, received_at, body FROM deliveries WHERE id = ANY($1::bigint[])`,
      [index.slice(start, end).map((r) => r.id)],
    );
    for (const row of rows) {
      const decoded = decodeStoredDelivery(row.call_id, row.body);
      if (!decoded.ok) {
        onUndecodable({ callId: row.call_id, deliveryId: row.id, problem: decoded.problem });
        continue;
      }
      const received = { delivery: decoded.delivery, sha256: row.sha256, receivedAt: new Date(row.received_at) };
      states.set(row.call_id, mergeInto(states.get(row.call_id) ?? null, received));
    }
    start = end;
  }
  return states;
}

function logUndecodable(f: UndecodableDelivery): void {
  console.error(
    `[ingest] stored delivery ${f.deliveryId} of call ${JSON.stringify(f.callId)} no longer parses (${f.problem}); ` +
      "the call was merged without it: fix the parser, then run `npm run reprocess`",
  );
}

/**
 * A stored delivery of `callId`, read the way the webhook read it when it accepted it. A body that no
 * longer parses, or that now reads as another call id (stored before the exact-numbers fix:
 * 67212411941217526000 for 67212411941217521949 — merged, it would be written as a second call), is
 * a problem. The problem says where or which field, never quotes the body (it may hold personal data).
 */
export function decodeStoredDelivery(callId: string, body: Uint8Array | null): { ok: true; delivery: VoxiaDelivery } | { ok: false; problem: string } {
  if (!body) return { ok: false, problem: "the stored body is missing" };
  const decoded = decodeBody(body);
  if (decoded.ok && decoded.delivery.id !== callId) return { ok: false, problem: `its body now reads as call id ${JSON.stringify(decoded.delivery.id)}` };
  return decoded;
}

function decodeBody(body: Uint8Array): { ok: true; delivery: VoxiaDelivery } | { ok: false; problem: string } {
  try {
    const result = readVoxiaDelivery(parseVoxiaJson(new TextDecoder().decode(body)));
    return result.ok ? result : { ok: false, problem: `unusable payload, field ${result.problem.field}` };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, problem: `${error.code} at line ${error.line}, column ${error.column}` };
    return { ok: false, problem: `the parser threw ${(error as Error)?.name ?? "an error"}` };
  }
}
