// Exact counts and sums over the calls matching the filters, grouped by any of day, campaign, status,
// callStatus and test flag. Served from call_rollups (one row per UTC day × group) whenever the filters
// allow it; a `q` search, which rollups cannot answer, scans the matching calls instead. A from/to
// that cuts a day in two is exact too: whole days come from rollups, the cut days from calls.
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CallFilters } from "./call-filters";
import { callWhereSql } from "./call-filters-sql";

export type AggregateDimension = "day" | "campaign" | "status" | "callStatus" | "isTestCall";

export type CallAggregate = {
  /** UTC day, YYYY-MM-DD (when grouped by day). */
  day?: string;
  campaignId?: string | null;
  status?: string | null;
  callStatus?: string | null;
  isTestCall?: boolean;
  calls: number;
  /** Sum and count of the calls that report a duration, for averages. */
  durationSum: number;
  durationCount: number;
  totalDurationSum: number;
  interested: number;
  callMeLater: number;
  doNotCall: number;
  wrongNumber: number;
};

// Column of the rollup table and output name of each dimension; the calls table uses the same column
// names, except the day, which is derived from created_at.
const DIMENSIONS: Record<AggregateDimension, { column: string; alias: string }> = {
  day: { column: "day", alias: "day" },
  campaign: { column: "campaign_id", alias: "campaignId" },
  status: { column: "status", alias: "status" },
  callStatus: { column: "call_status", alias: "callStatus" },
  isTestCall: { column: "is_test_call", alias: "isTestCall" },
};

const MEASURES_FROM_CALLS = Prisma.raw(`1::bigint AS calls, COALESCE(duration::numeric, 0) AS duration_sum,
  (duration IS NOT NULL)::int::bigint AS duration_count, COALESCE(total_duration::numeric, 0) AS total_duration_sum,
  (interested_reached IS TRUE)::int::bigint AS interested, (call_me_later IS TRUE)::int::bigint AS call_me_later,
  (do_not_call IS TRUE)::int::bigint AS do_not_call, (wrong_number IS TRUE)::int::bigint AS wrong_number`);
const MEASURES_FROM_ROLLUPS = Prisma.raw(
  `calls, duration_sum, duration_count, total_duration_sum, interested, call_me_later, do_not_call, wrong_number`,
);

export async function aggregateCalls(
  filters: CallFilters,
  by: AggregateDimension[],
): Promise<{ rows: CallAggregate[]; source: "rollups" | "scan" }> {
  const dims = [...new Set(by)];
  const keyColumns = dims.map((d) => DIMENSIONS[d].column);
  const callKeys = Prisma.raw(
    [...keyColumns.map((c) => (c === "day" ? `(created_at AT TIME ZONE 'UTC')::date AS day` : c)), ""].join(", "),
  );
  const rollupKeys = Prisma.raw([...keyColumns, ""].join(", "));

  let source: Prisma.Sql;
  let sourceKind: "rollups" | "scan";
  const days = filters.q ? null : wholeDays(filters);
  if (!days) {
    sourceKind = "scan";
    source = Prisma.sql`SELECT ${callKeys} ${MEASURES_FROM_CALLS} FROM calls c WHERE ${callWhereSql(filters)}`;
  } else {
    sourceKind = "rollups";
    const parts = [Prisma.sql`SELECT ${rollupKeys} ${MEASURES_FROM_ROLLUPS} FROM call_rollups WHERE ${rollupCondition(filters, days)}`];
    // The parts of a cut first or last day that the whole days leave out.
    const edges: Prisma.Sql[] = [];
    if (filters.from && days.from && filters.from < days.from) edges.push(Prisma.sql`created_at < ${days.from}`);
    if (filters.to && days.to && filters.to > days.to) edges.push(Prisma.sql`created_at >= ${days.to}`);
    if (edges.length > 0) {
      parts.push(
        Prisma.sql`SELECT ${callKeys} ${MEASURES_FROM_CALLS} FROM calls c
          WHERE ${callWhereSql(filters)} AND (${Prisma.join(edges, " OR ")})`,
      );
    }
    source = Prisma.join(parts, " UNION ALL ");
  }

  const outputKeys = dims.map((d) =>
    d === "day" ? `to_char(day, 'YYYY-MM-DD') AS "day"` : `${DIMENSIONS[d].column} AS "${DIMENSIONS[d].alias}"`,
  );
  const groupBy = dims.length > 0 ? Prisma.raw(`GROUP BY ${keyColumns.join(", ")} ORDER BY ${keyColumns.join(", ")}`) : Prisma.empty;
  const rows = await prisma().$queryRaw<Record<string, unknown>[]>`
    SELECT ${Prisma.raw([...outputKeys, ""].join(", "))}
      sum(calls)::text AS calls, sum(duration_sum)::text AS "durationSum", sum(duration_count)::text AS "durationCount",
      sum(total_duration_sum)::text AS "totalDurationSum", sum(interested)::text AS interested,
      sum(call_me_later)::text AS "callMeLater", sum(do_not_call)::text AS "doNotCall", sum(wrong_number)::text AS "wrongNumber"
    FROM (${source}) AS matched
    ${groupBy}`;

  return {
    source: sourceKind,
    rows: rows
      .filter((row) => row.calls !== null && Number(row.calls) > 0)
      .map((row) => {
        const aggregate: CallAggregate = {
          calls: Number(row.calls),
          durationSum: Number(row.durationSum),
          durationCount: Number(row.durationCount),
          totalDurationSum: Number(row.totalDurationSum),
          interested: Number(row.interested),
          callMeLater: Number(row.callMeLater),
          doNotCall: Number(row.doNotCall),
          wrongNumber: Number(row.wrongNumber),
        };
        for (const d of dims) (aggregate as Record<string, unknown>)[DIMENSIONS[d].alias] = row[DIMENSIONS[d].alias];
        return aggregate;
      }),
  };
}

/** The whole UTC days inside [from, to); null when the range lies within one day (scan it instead). */
function wholeDays(filters: CallFilters): { from: Date | null; to: Date | null } | null {
  const from = filters.from ? ceilDay(filters.from) : null;
  const to = filters.to ? floorDay(filters.to) : null;
  if (from && to && from >= to) return null;
  return { from, to };
}

function floorDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function ceilDay(date: Date): Date {
  const floor = floorDay(date);
  return floor.getTime() === date.getTime() ? floor : new Date(floor.getTime() + 86_400_000);
}

function rollupCondition(filters: CallFilters, days: { from: Date | null; to: Date | null }): Prisma.Sql {
  const and: Prisma.Sql[] = [Prisma.sql`calls <> 0`];
  if (filters.campaign.length > 0) and.push(Prisma.sql`campaign_id IN (${Prisma.join(filters.campaign)})`);
  if (filters.status.length > 0) and.push(Prisma.sql`status IN (${Prisma.join(filters.status)})`);
  if (filters.callStatus.length > 0) and.push(Prisma.sql`call_status IN (${Prisma.join(filters.callStatus)})`);
  if (days.from) and.push(Prisma.sql`day >= ${days.from.toISOString().slice(0, 10)}::date`);
  if (days.to) and.push(Prisma.sql`day < ${days.to.toISOString().slice(0, 10)}::date`);
  if (filters.test === "exclude") and.push(Prisma.sql`is_test_call = false`);
  if (filters.test === "only") and.push(Prisma.sql`is_test_call = true`);
  return Prisma.join(and, " AND ");
}
