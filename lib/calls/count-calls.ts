// How many calls match the filters, for the list's "357 calls" and GET /api/calls' `total`. Exact from
// the rollups when the filters are theirs to answer; otherwise counted over the calls, up to
// COUNT_LIMIT, beyond which the answer is a lower bound ("10,000+ calls"), never a wrong number.
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CallFilters } from "./call-filters";
import { callWhereSql, rollupsCanAnswer } from "./call-filters-sql";
import { aggregateCalls } from "./aggregate-calls";

export const COUNT_LIMIT = 10_000;

export type CallCount = { total: number; isLowerBound: boolean };

export async function countCalls(filters: CallFilters): Promise<CallCount> {
  if (rollupsCanAnswer(filters, "calls")) {
    const { rows } = await aggregateCalls(filters, []);
    return { total: rows[0]?.calls ?? 0, isLowerBound: false };
  }
  const [row] = await prisma().$queryRaw<{ n: number }[]>(Prisma.sql`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM calls c WHERE ${callWhereSql(filters)} LIMIT ${COUNT_LIMIT + 1}) AS matched`);
  const n = row?.n ?? 0;
  return n > COUNT_LIMIT ? { total: COUNT_LIMIT, isLowerBound: true } : { total: n, isLowerBound: false };
}
