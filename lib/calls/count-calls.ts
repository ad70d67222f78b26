// How many calls match the filters, for the list's "357 calls" and GET /api/calls' `total`. Never a
// wrong number, exact wherever that is fast:
// from the rollups when the filters are theirs to answer (campaign, status, callStatus, range, test
// flag, and one answer condition), exact at any size; otherwise counted over the calls within a time budget (lib/db/bounded-count.ts).
import type { CallFilters } from "./call-filters";
import { answerCallRollupsCanAnswer, callWhereSql, rollupsCanAnswer, wholeDays } from "./call-filters-sql";
import { aggregateCalls } from "./aggregate-calls";
import { boundedCount, type BoundedCount } from "@/lib/db/bounded-count";
import { Prisma } from "@/lib/generated/prisma/client";

export type CallCount = BoundedCount;

export async function countCalls(filters: CallFilters): Promise<CallCount> {
  if (rollupsCanCount(filters)) {
    const { rows } = await aggregateCalls(filters, []);
    return { total: rows[0]?.calls ?? 0, isLowerBound: false };
  }
  return boundedCount(Prisma.sql`FROM calls c WHERE ${callWhereSql(filters)}`);
}

/** Whether countCalls counts `filters` from the rollups (exact at any size) rather than over calls. */
export function rollupsCanCount(filters: CallFilters): boolean {
  // answer_call_rollups are per UTC day: a range without a whole one is counted over calls, within its budget.
  return rollupsCanAnswer(filters, "calls") || (answerCallRollupsCanAnswer(filters) && wholeDays(filters) !== null);
}
