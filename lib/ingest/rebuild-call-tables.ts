// Recomputes every call from the raw delivery log, through the same merge and the same set-based
// writer as live ingestion, a batch of calls per transaction under the same per-call locks.
// Nothing it cannot rebuild is deleted: a call with a stored body that no longer parses (a parser
// regression) keeps the rows it has, and --from-scratch checks every body before it empties anything.
import { db, prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/pg-transaction";
import { decodeStoredDelivery, loadCallStates, lockCalls, type UndecodableDelivery } from "./store-deliveries";
import { writeCallStates } from "./write-call-states";
import { recomputeContactStateSql } from "@/lib/contacts/contact-state-sql";

const BATCH = 500;
const CHECK_BATCH = 1000;
/** Stored bytes of the calls rebuilt in one transaction (a call with a long log goes alone). */
const BATCH_BYTES = 64 * 1024 * 1024;

export type RebuildResult = {
  /** Calls in the log, and the deliveries it holds. */
  calls: number;
  deliveries: number;
  /** Calls whose rows were recomputed. */
  rebuilt: number;
  /** Stored deliveries the parser cannot read; their calls were left as they were. */
  undecodable: UndecodableDelivery[];
  /** Whether the derived tables were emptied first (never when a body does not decode). */
  truncated: boolean;
};

export async function rebuildCallTables(
  options: { fromScratch?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<RebuildResult> {
  const client = prisma();
  const total = Number((await client.$queryRaw<{ n: bigint }[]>`SELECT count(DISTINCT call_id) AS n FROM deliveries`)[0]?.n ?? 0);
  const deliveries = Number((await client.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM deliveries`)[0]?.n ?? 0);
  if (options.fromScratch) {
    const undecodable = await findUndecodableDeliveries();
    if (undecodable.length > 0) return { calls: total, deliveries, rebuilt: 0, undecodable, truncated: false };
    await client.$executeRawUnsafe(`TRUNCATE call_answers, call_events, calls, contacts, campaigns, call_rollups, call_rollups_daily, call_answer_rollups, answer_call_rollups, suppressed_numbers`);
  }
  const undecodable: UndecodableDelivery[] = [];
  let done = 0;
  let rebuilt = 0;
  let after = "";
  for (;;) {
    const calls = await client.$queryRaw<{ call_id: string; bytes: bigint }[]>`
        SELECT call_id, sum(octet_length(body))::bigint AS bytes FROM deliveries WHERE call_id > ${after}
        GROUP BY call_id ORDER BY call_id LIMIT ${BATCH}`;
    const ids: string[] = [];
    for (let bytes = 0; ids.length < calls.length && (ids.length === 0 || bytes + Number(calls[ids.length]!.bytes) <= BATCH_BYTES); ) {
      bytes += Number(calls[ids.length]!.bytes);
      ids.push(calls[ids.length]!.call_id);
    }
    if (ids.length === 0) break;
    rebuilt += await inTransaction(async (sql) => {
      await lockCalls(sql, ids);
      const failed = new Set<string>();
      const states = await loadCallStates(sql, ids, (failure) => {
        undecodable.push(failure);
        failed.add(failure.callId);
      });
      // A call missing one of its deliveries would be rebuilt wrong: its rows stay as they are.
      const whole = states.filter((s) => !failed.has(s.id));
      await writeCallStates(sql, whole, { followUps: !options.fromScratch, recountContacts: true });
      return whole.length;
    });
    done += ids.length;
    after = ids[ids.length - 1]!;
    options.onProgress?.(done, total);
  }
  // From scratch, the follow-up items were left alone batch by batch: now that every call is back,
  // each one is set from the contact's calls as they are (none reopened by a call that is not newer).
  // One statement over every contact (tens of seconds at a million calls: no per-statement timeout).
  if (options.fromScratch) await db().pool.query(recomputeContactStateSql("all"));
  return { calls: done, deliveries, rebuilt, undecodable, truncated: Boolean(options.fromScratch) };
}

/** Every stored delivery the parser cannot read, read in id order a page at a time. */
async function findUndecodableDeliveries(): Promise<UndecodableDelivery[]> {
  const found: UndecodableDelivery[] = [];
  let after = "0";
  for (;;) {
    const { rows } = await db().pool.query<{ id: string; call_id: string; body: Buffer }>(
      `SELECT d.id::text AS id, d.call_id, d.body FROM deliveries d WHERE d.id > $1::bigint ORDER BY d.id LIMIT ${CHECK_BATCH}`,
      [after],
    );
    if (rows.length === 0) return found;
    for (const row of rows) {
      const decoded = decodeStoredDelivery(row.call_id, row.body);
      if (!decoded.ok) found.push({ callId: row.call_id, deliveryId: row.id, problem: decoded.problem });
    }
    after = rows[rows.length - 1]!.id;
  }
}
