// Recomputes every call from the raw delivery log, through the same merge and the same set-based
// writer as live ingestion, a batch of calls per transaction under the same per-call locks.
import { prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/pg-transaction";
import { loadCallStates, lockCalls } from "./store-deliveries";
import { writeCallStates } from "./write-call-states";

const BATCH = 500;
/** Stored bytes of the calls rebuilt in one transaction (a call with a long log goes alone). */
const BATCH_BYTES = 64 * 1024 * 1024;

export async function rebuildCallTables(options: { fromScratch?: boolean; onProgress?: (done: number, total: number) => void } = {}) {
  const db = prisma();
  if (options.fromScratch) {
    await db.$executeRawUnsafe(`TRUNCATE call_answers, call_events, calls, contacts, campaigns, call_rollups, call_answer_rollups`);
  }
  const total = Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(DISTINCT call_id) AS n FROM deliveries`)[0]?.n ?? 0);
  const deliveries = Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM deliveries`)[0]?.n ?? 0);
  let done = 0;
  let after = "";
  for (;;) {
    const calls = await db.$queryRaw<{ call_id: string; bytes: bigint }[]>`
        SELECT call_id, sum(octet_length(body))::bigint AS bytes FROM deliveries WHERE call_id > ${after}
        GROUP BY call_id ORDER BY call_id LIMIT ${BATCH}`;
    const ids: string[] = [];
    for (let bytes = 0; ids.length < calls.length && (ids.length === 0 || bytes + Number(calls[ids.length]!.bytes) <= BATCH_BYTES); ) {
      bytes += Number(calls[ids.length]!.bytes);
      ids.push(calls[ids.length]!.call_id);
    }
    if (ids.length === 0) break;
    await inTransaction(async (sql) => {
      await lockCalls(sql, ids);
      await writeCallStates(sql, await loadCallStates(sql, ids));
    });
    done += ids.length;
    after = ids[ids.length - 1]!;
    options.onProgress?.(done, total);
  }
  return { calls: done, deliveries };
}

