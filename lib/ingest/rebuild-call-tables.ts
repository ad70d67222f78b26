// Recomputes every call from the raw delivery log, through the same merge as live ingestion.
import { prisma } from "@/lib/db/client";
import { loadCallState, lockCall, writeCallState } from "./recompute-call";

const BATCH = 500;

export async function rebuildCallTables(options: { fromScratch?: boolean; onProgress?: (done: number, total: number) => void } = {}) {
  const db = prisma();
  if (options.fromScratch) {
    await db.$executeRawUnsafe(`TRUNCATE call_answers, call_events, calls, contacts, campaigns, call_rollups`);
  }
  const total = Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(DISTINCT call_id) AS n FROM deliveries`)[0]?.n ?? 0);
  const deliveries = Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM deliveries`)[0]?.n ?? 0);
  let done = 0;
  let after = "";
  for (;;) {
    const ids = await db.$queryRaw<{ call_id: string }[]>`
      SELECT DISTINCT call_id FROM deliveries WHERE call_id > ${after} ORDER BY call_id LIMIT ${BATCH}`;
    if (ids.length === 0) break;
    for (const { call_id: callId } of ids) {
      await db.$transaction(async (tx) => {
        await lockCall(tx, callId);
        const state = await loadCallState(tx, callId);
        if (state) await writeCallState(tx, state);
      });
      done++;
    }
    after = ids[ids.length - 1]!.call_id;
    options.onProgress?.(done, total);
  }
  return { calls: done, deliveries };
}
