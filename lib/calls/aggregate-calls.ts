// Exact counts and sums over the calls matching the filters, grouped by any of day, campaign, status,
// callStatus and test flag. Served from call_rollups (one row per UTC day × group) whenever the filters
// allow it; a `q` search, which rollups cannot answer, scans the matching calls instead. A from/to
// that cuts a day in two is exact too: whole days come from rollups, the cut days from calls.
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CallFilters } from "./call-filters";
import { callWhereSql, rollupsCanAnswer, rollupWhereSql } from "./call-filters-sql";
import { ROLLUP_MEASURES, ROLLUP_MEASURE_COLUMNS } from "@/lib/rollups/rollup-sql";
import { DAY_MS, startOfUtcDay } from "@/lib/time/utc-day";

export type AggregateDimension = "day" | "campaign" | "status" | "callStatus" | "isTestCall";

export type CallAggregate<M extends Measure = "calls"> = {
  /** UTC day, YYYY-MM-DD (when grouped by day). */
  day?: string;
  campaignId?: string | null;
  status?: string | null;
  callStatus?: string | null;
  isTestCall?: boolean;
} & Record<M | "calls", number>;

// Each rollup measure column (lib/rollups/rollup-sql.ts) under its name in CallAggregate.
const MEASURES = {
  calls: "calls",
  /** Sum and count of the calls that report a duration, for averages. */
  durationSum: "duration_sum",
  durationCount: "duration_count",
  totalDurationSum: "total_duration_sum",
  interested: "interested",
  callMeLater: "call_me_later",
  doNotCall: "do_not_call",
  wrongNumber: "wrong_number",
  // The KPI definitions of lib/rollups/call-outcome-sql.ts.
  connected: "connected",
  completed: "completed",
  outcomeInterested: "outcome_interested",
  callbacks: "callbacks",
  outcomeDoNotCall: "outcome_do_not_call",
  connectedDurationSum: "connected_duration_sum",
  connectedDurationCount: "connected_duration_count",
  voicemail: "voicemail",
} as const satisfies Record<string, (typeof ROLLUP_MEASURE_COLUMNS)[number]>;
export type Measure = keyof typeof MEASURES;

// Column of the rollup table and output name of each dimension; the calls table uses the same column
// names, except the day, which is derived from created_at.
const DIMENSIONS: Record<AggregateDimension, { column: string; alias: string }> = {
  day: { column: "day", alias: "day" },
  campaign: { column: "campaign_id", alias: "campaignId" },
  status: { column: "status", alias: "status" },
  callStatus: { column: "call_status", alias: "callStatus" },
  isTestCall: { column: "is_test_call", alias: "isTestCall" },
};

const EXPRESSION_OF = new Map(ROLLUP_MEASURES);

/** Sums only the `measures` asked for (and `calls`): each one more costs the query a sum per row. */
export async function aggregateCalls<M extends Measure = "calls">(
  filters: CallFilters,
  by: AggregateDimension[],
  measures: readonly M[] = [],
): Promise<{ rows: CallAggregate<M>[]; source: "rollups" | "scan" }> {
  const dims = [...new Set(by)];
  const names = [...new Set<Measure>(["calls", ...measures])];
  const columns = names.map((name) => MEASURES[name]);
  // A matching call's own contribution (the scan and the cut edges of a range), or a rollup row's sums.
  const measuresFromCalls = Prisma.raw(columns.map((column) => `${EXPRESSION_OF.get(column)} AS ${column}`).join(", "));
  const measuresFromRollups = Prisma.raw(columns.join(", "));
  const sums = Prisma.raw(names.map((name) => `sum(${MEASURES[name]})::text AS "${name}"`).join(", "));
  const keyColumns = dims.map((d) => DIMENSIONS[d].column);
  const callKeys = Prisma.raw(
    [...keyColumns.map((c) => (c === "day" ? `(created_at AT TIME ZONE 'UTC')::date AS day` : c)), ""].join(", "),
  );
  const rollupKeys = Prisma.raw([...keyColumns, ""].join(", "));

  let source: Prisma.Sql;
  let sourceKind: "rollups" | "scan";
  const days = rollupsCanAnswer(filters, "calls") ? wholeDays(filters) : null;
  if (!days) {
    sourceKind = "scan";
    source = Prisma.sql`SELECT ${callKeys} ${measuresFromCalls} FROM calls c WHERE ${callWhereSql(filters)}`;
  } else {
    sourceKind = "rollups";
    const parts = [Prisma.sql`SELECT ${rollupKeys} ${measuresFromRollups} FROM call_rollups r WHERE r.calls <> 0 AND ${rollupWhereSql(filters, "calls", days)}`];
    // The parts of a cut first or last day that the whole days leave out.
    const edges: Prisma.Sql[] = [];
    if (filters.from && days.from && filters.from < days.from) edges.push(Prisma.sql`created_at < ${days.from}`);
    if (filters.to && days.to && filters.to > days.to) edges.push(Prisma.sql`created_at >= ${days.to}`);
    if (edges.length > 0) {
      parts.push(
        Prisma.sql`SELECT ${callKeys} ${measuresFromCalls} FROM calls c
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
    SELECT ${Prisma.raw([...outputKeys, ""].join(", "))} ${sums}
    FROM (${source}) AS matched
    ${groupBy}`;

  return {
    source: sourceKind,
    rows: rows
      .filter((row) => row.calls !== null && Number(row.calls) > 0)
      .map((row) => {
        const aggregate: Record<string, unknown> = {};
        for (const name of names) aggregate[name] = Number(row[name]);
        for (const d of dims) aggregate[DIMENSIONS[d].alias] = row[DIMENSIONS[d].alias];
        return aggregate as CallAggregate<M>;
      }),
  };
}

/** The whole UTC days inside [from, to); null when the range lies within one day (scan it instead). */
export function wholeDays(filters: CallFilters): { from: Date | null; to: Date | null } | null {
  const from = filters.from ? ceilDay(filters.from) : null;
  const to = filters.to ? startOfUtcDay(filters.to) : null;
  if (from && to && from >= to) return null;
  return { from, to };
}

function ceilDay(date: Date): Date {
  const floor = startOfUtcDay(date);
  return floor.getTime() === date.getTime() ? floor : new Date(floor.getTime() + DAY_MS);
}
