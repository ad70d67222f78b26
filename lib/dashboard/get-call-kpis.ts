// The headline figures for a set of calls, in one pass over them: the KPI cards and the campaign
// funnel read this. (A later rollup table can replace the body without touching any page.)
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { callWhereSql } from "@/lib/calls/call-filters-sql";
import type { CallFilters } from "@/lib/calls/call-filters";
import { callbackSql, completedSql, connectedSql, doNotCallSql, interestedSql } from "./call-outcome-sql";

export type CallKpis = {
  calls: number;
  connected: number;
  completed: number;
  interested: number;
  /** Seconds, over connected calls that report a duration; null when there are none. */
  averageDuration: number | null;
  callbacks: number;
  doNotCall: number;
};

export async function getCallKpis(filters: CallFilters): Promise<CallKpis> {
  const rows = await prisma().$queryRaw<
    { calls: number; connected: number; completed: number; interested: number; average_duration: number | null; callbacks: number; do_not_call: number }[]
  >(Prisma.sql`
    SELECT
      count(*)::int AS calls,
      count(*) FILTER (WHERE ${connectedSql()})::int AS connected,
      count(*) FILTER (WHERE ${completedSql()})::int AS completed,
      count(*) FILTER (WHERE ${interestedSql()})::int AS interested,
      avg(c.duration) FILTER (WHERE ${connectedSql()} AND c.duration > 0)::float8 AS average_duration,
      count(*) FILTER (WHERE ${callbackSql()})::int AS callbacks,
      count(*) FILTER (WHERE ${doNotCallSql()})::int AS do_not_call
    FROM calls c
    WHERE ${callWhereSql(filters)}`);
  const row = rows[0]!;
  return {
    calls: row.calls,
    connected: row.connected,
    completed: row.completed,
    interested: row.interested,
    averageDuration: row.average_duration,
    callbacks: row.callbacks,
    doNotCall: row.do_not_call,
  };
}
