// A batch of accepted deliveries in one transaction: their raw bodies, and the merged state of every
// call they belong to. Nothing is acknowledged before this commits (lib/ingest/ingest-delivery.ts),
// and a batch that fails leaves nothing behind.
import { inTransaction } from "@/lib/db/pg-transaction";
import { JsonSyntaxError, parseVoxiaJson } from "@/lib/voxia/parse-voxia-json";
import { readVoxiaDelivery, type VoxiaDelivery } from "@/lib/voxia/voxia-payload";
import { mergeCallState, type CallState, type ReceivedDelivery } from "@/lib/voxia/merge-call-state";
import type { SqlRunner } from "@/lib/db/pg-transaction";
import { writeCallStates } from "./write-call-states";

export type AcceptedDelivery = {
  delivery: VoxiaDelivery;
  sha256: string;
  body: Uint8Array;
  contentType: string | null;
  receivedAt: Date;
};

export type StoredDelivery = { callId: string; duplicate: boolean };

export function storeDeliveries(items: AcceptedDelivery[]): Promise<StoredDelivery[]> {
  return inTransaction((sql) => storeInTransaction(sql, items));
}

async function storeInTransaction(sql: SqlRunner, items: AcceptedDelivery[]): Promise<StoredDelivery[]> {
  // The first of several identical bodies is the one stored; a body already stored waits here for
  // the transaction that stored it to commit, then inserts nothing. Rows go in hash order so two
  // batches sharing bodies wait for each other in one order only.
  const unique = new Map<string, AcceptedDelivery>();
  for (const item of items) if (!unique.has(item.sha256)) unique.set(item.sha256, item);
  const rows = [...unique.values()].map((d) => ({
    call_id: d.delivery.id,
    sha256: d.sha256,
    body: Buffer.from(d.body.buffer, d.body.byteOffset, d.body.byteLength).toString("base64"),
    webhook_event: d.delivery.webhookEvent,
    content_type: d.contentType,
    received_at: d.receivedAt.toISOString(),
  }));
  // The same statement takes the per-call locks for the calls whose deliveries are new.
  const inserted = new Set(
    (
      await sql.query<{ sha256: string }>(
        `WITH inserted AS (
           INSERT INTO deliveries (call_id, sha256, body, webhook_event, content_type, received_at)
           SELECT call_id, sha256, decode(body, 'base64'), webhook_event, content_type, received_at
           FROM json_to_recordset($1::json) AS r(call_id text, sha256 text, body text, webhook_event text, content_type text, received_at timestamptz)
           ORDER BY sha256
           ON CONFLICT (sha256) DO NOTHING
           RETURNING call_id, sha256
         ),
         locked AS (${LOCK_CALLS_SQL("inserted")})
         SELECT sha256, (SELECT count(*) FROM locked) AS locks FROM inserted`,
        [JSON.stringify(rows)],
      )
    ).map((r) => r.sha256),
  );

  const fresh = new Map<string, ReceivedDelivery>();
  for (const d of unique.values()) {
    if (inserted.has(d.sha256)) fresh.set(d.sha256, { delivery: d.delivery, sha256: d.sha256, receivedAt: d.receivedAt });
  }
  // Read in a new statement, after the locks: it sees every delivery committed before them.
  const callIds = [...new Set([...fresh.values()].map((d) => d.delivery.id))];
  if (callIds.length > 0) await writeCallStates(sql, await loadCallStates(sql, callIds, fresh));

  const seen = new Set<string>();
  return items.map((item) => {
    const first = !seen.has(item.sha256);
    seen.add(item.sha256);
    return { callId: item.delivery.id, duplicate: !(first && inserted.has(item.sha256)) };
  });
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
 * Reads and merges every stored delivery of the given calls. Deliveries of this transaction
 * (`known`) are not read back or parsed again. A stored body that no longer parses (a parser
 * regression) is reported to `onUndecodable` — by default a log line, since the webhook merges the
 * rest rather than refuse the call; the rebuild collects them instead and leaves those calls alone.
 */
export async function loadCallStates(
  sql: SqlRunner,
  callIds: string[],
  known = new Map<string, ReceivedDelivery>(),
  onUndecodable: (failure: UndecodableDelivery) => void = logUndecodable,
): Promise<CallState[]> {
  const rows = await sql.query<{ id: string; call_id: string; sha256: string; received_at: Date; body: Uint8Array | null }>(
    `SELECT id::text AS id, call_id, sha256, received_at, CASE WHEN sha256 = ANY($2::text[]) THEN NULL ELSE body END AS body
     FROM deliveries WHERE call_id = ANY($1::text[])`,
    [callIds, [...known.keys()]],
  );
  const byCall = new Map<string, ReceivedDelivery[]>();
  for (const row of rows) {
    let received = known.get(row.sha256);
    if (!received) {
      const decoded = row.body ? decodeStoredDelivery(row.body) : { ok: false as const, problem: "the stored body is missing" };
      if (!decoded.ok) {
        onUndecodable({ callId: row.call_id, deliveryId: row.id, problem: decoded.problem });
        continue;
      }
      received = { delivery: decoded.delivery, sha256: row.sha256, receivedAt: new Date(row.received_at) };
    }
    const list = byCall.get(row.call_id) ?? [];
    list.push(received);
    byCall.set(row.call_id, list);
  }
  return [...byCall.values()].map(mergeCallState);
}

function logUndecodable(f: UndecodableDelivery): void {
  console.error(
    `[ingest] stored delivery ${f.deliveryId} of call ${JSON.stringify(f.callId)} no longer parses (${f.problem}); ` +
      "the call was merged without it: fix the parser, then run `npm run reprocess`",
  );
}

/**
 * A stored body, read the way the webhook read it when it accepted it. The problem says where or
 * which field, never quotes the body (it may hold personal data).
 */
export function decodeStoredDelivery(body: Uint8Array): { ok: true; delivery: VoxiaDelivery } | { ok: false; problem: string } {
  try {
    const result = readVoxiaDelivery(parseVoxiaJson(new TextDecoder().decode(body)));
    return result.ok ? result : { ok: false, problem: `unusable payload, field ${result.problem.field}` };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, problem: `${error.code} at line ${error.line}, column ${error.column}` };
    return { ok: false, problem: `the parser threw ${(error as Error)?.name ?? "an error"}` };
  }
}
