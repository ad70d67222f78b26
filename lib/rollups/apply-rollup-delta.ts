// Keeps call_rollups in step with `calls` inside the ingest transaction: the call's old contribution
// (read before its row is rewritten) is subtracted and the new one added, in one statement. It runs
// under the call's advisory lock, so no other transaction changes this call in between.
import { Prisma } from "@/lib/generated/prisma/client";
import type { CallState } from "@/lib/voxia/merge-call-state";

type Tx = Prisma.TransactionClient;

/** What one call adds to its rollup row. */
export type RollupContribution = {
  day: string;
  campaignId: string | null;
  status: string | null;
  callStatus: string | null;
  isTestCall: boolean;
  duration: number | null;
  totalDuration: number | null;
  interested: boolean;
  callMeLater: boolean;
  doNotCall: boolean;
  wrongNumber: boolean;
};

export function rollupContribution(state: CallState): RollupContribution {
  return {
    // created_at is stored to the millisecond, like a JS Date, so this is the row's UTC day.
    day: state.createdAt.toISOString().slice(0, 10),
    campaignId: state.campaignId,
    status: state.status,
    callStatus: state.callStatus,
    isTestCall: state.isTestCall,
    duration: state.duration,
    totalDuration: state.totalDuration,
    interested: state.interestedReached === true,
    callMeLater: state.callMeLater === true,
    doNotCall: state.doNotCall === true,
    wrongNumber: state.wrongNumber === true,
  };
}

/** The contribution of the call as currently stored; null when the call is new. */
export async function readRollupContribution(tx: Tx, callId: string): Promise<RollupContribution | null> {
  const rows = await tx.$queryRaw<RollupContribution[]>`
    SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, campaign_id AS "campaignId", status,
           call_status AS "callStatus", is_test_call AS "isTestCall", duration, total_duration AS "totalDuration",
           interested_reached IS TRUE AS interested, call_me_later IS TRUE AS "callMeLater",
           do_not_call IS TRUE AS "doNotCall", wrong_number IS TRUE AS "wrongNumber"
    FROM calls WHERE id = ${callId}`;
  return rows[0] ?? null;
}

export async function applyRollupDelta(tx: Tx, before: RollupContribution | null, after: RollupContribution): Promise<void> {
  if (before && sameContribution(before, after)) return;
  const rows = [...(before ? [{ sign: -1, c: before }] : []), { sign: 1, c: after }];
  const values = rows.map(
    ({ sign, c }) => Prisma.sql`(${c.day}::date, ${c.campaignId}::text, ${c.status}::text, ${c.callStatus}::text,
      ${c.isTestCall}::boolean, ${sign}::int, ${c.duration}::float8, ${c.totalDuration}::float8, ${c.interested}::boolean,
      ${c.callMeLater}::boolean, ${c.doNotCall}::boolean, ${c.wrongNumber}::boolean)`,
  );
  // Rows are written in key order, so two transactions touching the same two rows cannot deadlock.
  await tx.$executeRaw`
    INSERT INTO call_rollups AS r (day, campaign_id, status, call_status, is_test_call, calls, duration_sum, duration_count,
      total_duration_sum, interested, call_me_later, do_not_call, wrong_number)
    SELECT day, campaign_id, status, call_status, is_test_call, sum(sign), COALESCE(sum(sign * duration::numeric), 0),
      sum(sign * (duration IS NOT NULL)::int), COALESCE(sum(sign * total_duration::numeric), 0),
      sum(sign * interested::int), sum(sign * call_me_later::int), sum(sign * do_not_call::int), sum(sign * wrong_number::int)
    FROM (VALUES ${Prisma.join(values)}) AS d(day, campaign_id, status, call_status, is_test_call, sign, duration,
      total_duration, interested, call_me_later, do_not_call, wrong_number)
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT call_rollups_key DO UPDATE SET
      calls = r.calls + EXCLUDED.calls,
      duration_sum = r.duration_sum + EXCLUDED.duration_sum,
      duration_count = r.duration_count + EXCLUDED.duration_count,
      total_duration_sum = r.total_duration_sum + EXCLUDED.total_duration_sum,
      interested = r.interested + EXCLUDED.interested,
      call_me_later = r.call_me_later + EXCLUDED.call_me_later,
      do_not_call = r.do_not_call + EXCLUDED.do_not_call,
      wrong_number = r.wrong_number + EXCLUDED.wrong_number`;
}

function sameContribution(a: RollupContribution, b: RollupContribution): boolean {
  return (Object.keys(a) as (keyof RollupContribution)[]).every((key) => a[key] === b[key]);
}
