// Exact counts and sums over the calls matching the filters, grouped by any of day, campaign, status,
// callStatus and test flag. Served from the rollups whenever the filters allow it; a `q` search, which
// rollups cannot answer, scans the matching calls instead. One `answer` condition (beside what the
// call rollups answer) reads answer_call_rollups per UTC day, the cut days at a range's ends from
// calls. Two rollup tables hold the same sums per group: call_rollups per UTC hour,
// call_rollups_daily per UTC day (24 times fewer rows).
// - A figure that needs no hour — not grouped by day, or by days of UTC itself, which are the daily
//   rows one for one — reads the range's whole UTC days from call_rollups_daily, the whole hours at
//   its ends outside those days from call_rollups, and the parts of cut hours from calls.
// - Grouped by day in another zone, over a bounded range: the same, each UTC day counted on the local
//   day of its noon and its hours that fall on another local day moved there from call_rollups (5 a
//   day in New York), an hour that the zone's midnight cuts (zones offset by :30 or :45) from calls.
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CallFilters } from "./call-filters";
import {
  answerCallRollupsCanAnswer,
  answeredRowMatchesSql,
  callWhereSql,
  cutDaysSql,
  rollupsCanAnswer,
  rollupWhereSql,
  wholeDays,
} from "./call-filters-sql";
import { ROLLUP_MEASURES, ROLLUP_MEASURE_COLUMNS } from "@/lib/rollups/rollup-sql";
import { dayIn, nextDay, startOfDayIn } from "@/lib/time/time-zone";
import { startOfUtcDay } from "@/lib/time/utc-day";

const HOUR_MS = 3_600_000;

export type AggregateDimension = "day" | "campaign" | "status" | "callStatus" | "isTestCall";

export type CallAggregate<M extends Measure = "calls"> = {
  /** Day in the filters' time zone, YYYY-MM-DD (when grouped by day). */
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
  const measuresFromRollupsNegated = Prisma.raw(columns.map((column) => `-${column} AS ${column}`).join(", "));
  const sums = Prisma.raw(names.map((name) => `sum(${MEASURES[name]})::text AS "${name}"`).join(", "));
  const keyColumns = dims.map((d) => DIMENSIONS[d].column);
  // Days are the filters' zone's (the viewer's, or the URL's `tz`), as date-only from/to are.
  const zone = filters.timeZone;
  const dayOf = (timeColumn: string) => Prisma.sql`(${Prisma.raw(timeColumn)} AT TIME ZONE ${zone})::date`;
  const keys = (day: Prisma.Sql) =>
    keyColumns.length === 0
      ? Prisma.empty
      : Prisma.sql`${Prisma.join(keyColumns.map((c) => (c === "day" ? Prisma.sql`${day} AS day` : Prisma.raw(c))), ", ")},`;
  const callKeys = keys(dayOf("c.created_at"));
  const hourlyKeys = keys(dayOf("r.hour"));

  let source: Prisma.Sql;
  let sourceKind: "rollups" | "scan";
  const hours = rollupsCanAnswer(filters, "calls") ? wholeHours(filters) : null;
  // One answer condition: answer_call_rollups per UTC day, when the figure needs no other days.
  const answerDays =
    !hours && answerCallRollupsCanAnswer(filters) && (!dims.includes("day") || isUtc(zone)) ? wholeDays(filters) : null;
  if (answerDays) {
    sourceKind = "rollups";
    const [answer] = filters.answer;
    const parts = [
      Prisma.sql`SELECT ${keys(Prisma.sql`a.day`)} ${measuresFromRollups} FROM answer_call_rollups a
        WHERE a.calls <> 0 AND ${rollupWhereSql({ ...filters, answer: [] }, "calls", answerDays, "a")} AND ${answeredRowMatchesSql(answer!)}`,
    ];
    // The parts of a cut first or last day, from the calls.
    const cut = cutDaysSql(filters, answerDays, "c");
    if (cut) parts.push(Prisma.sql`SELECT ${callKeys} ${measuresFromCalls} FROM calls c WHERE ${callWhereSql(filters)} AND ${cut}`);
    source = Prisma.join(parts, " UNION ALL ");
  } else if (!hours) {
    sourceKind = "scan";
    source = Prisma.sql`SELECT ${callKeys} ${measuresFromCalls} FROM calls c WHERE ${callWhereSql(filters)}`;
  } else {
    sourceKind = "rollups";
    const byDay = dims.includes("day");
    const zoned = byDay && !isUtc(zone);
    // By days of another zone, the range's open ends closed at the rollups' first and last hour.
    const bounded = zoned ? await boundedByRollups(hours) : null;
    // Hours that local midnight cuts in two (zones offset by :30 or :45) are read from calls.
    const cuts = bounded ? hoursCutByMidnight(bounded, zone) : [];
    const notCut = cuts.length > 0 ? Prisma.sql`AND r.hour NOT IN (${Prisma.join(cuts)})` : Prisma.empty;
    // The range's whole UTC days, from the daily rows; by days of another zone, each UTC day counted
    // on the local day most of its hours fall on, and its other hours moved (see localDays).
    const wholeUtcDays = wholeDays(filters);
    const local = bounded && wholeUtcDays ? localDays(wholeUtcDays, bounded, zone, cuts) : null;
    // An open end: the daily rows only as far as localDays looked, the hours beyond from call_rollups.
    const days = zoned ? (local && wholeUtcDays ? { from: wholeUtcDays.from ?? local.from, to: wholeUtcDays.to ?? local.to } : null) : wholeUtcDays;
    const groupsSql = rollupWhereSql(filters, "calls");
    const parts: Prisma.Sql[] = [];
    if (days) {
      const and = [Prisma.sql`r.calls <> 0`, rollupWhereSql(filters, "calls", days)];
      const dayKey = local?.shift ? Prisma.sql`(r.day + ${local.shift}::int)` : Prisma.sql`r.day`;
      parts.push(Prisma.sql`SELECT ${keys(dayKey)} ${measuresFromRollups} FROM call_rollups_daily r WHERE ${Prisma.join(and, " AND ")}`);
      if (local && local.moved.length + local.cut.length > 0) {
        // Each moved hour: taken off the day its UTC day was counted on, added to its own local day;
        // a cut hour only taken off (its calls are added from calls below).
        const countedOn = Prisma.sql`((r.hour AT TIME ZONE 'UTC')::date + ${local.shift}::int)`;
        parts.push(Prisma.sql`SELECT ${keys(countedOn)} ${measuresFromRollupsNegated} FROM call_rollups r
          WHERE r.calls <> 0 AND ${groupsSql} AND r.hour IN (${Prisma.join([...local.moved, ...local.cut])})`);
        if (local.moved.length > 0) {
          parts.push(Prisma.sql`SELECT ${hourlyKeys} ${measuresFromRollups} FROM call_rollups r
            WHERE r.calls <> 0 AND ${groupsSql} AND r.hour IN (${Prisma.join(local.moved)})`);
        }
      }
      // The whole hours before the first whole day and after the last.
      const ends: Prisma.Sql[] = [];
      if (hours.from && days.from && hours.from < days.from) ends.push(Prisma.sql`(r.hour >= ${hours.from} AND r.hour < ${days.from})`);
      if (hours.to && days.to && hours.to > days.to) ends.push(Prisma.sql`(r.hour >= ${days.to} AND r.hour < ${hours.to})`);
      if (!hours.to && days.to) ends.push(Prisma.sql`r.hour >= ${days.to}`);
      if (!hours.from && days.from) ends.push(Prisma.sql`r.hour < ${days.from}`);
      if (ends.length > 0) {
        parts.push(Prisma.sql`SELECT ${hourlyKeys} ${measuresFromRollups} FROM call_rollups r
          WHERE r.calls <> 0 AND ${groupsSql} AND (${Prisma.join(ends, " OR ")}) ${notCut}`);
      }
    } else {
      const and = [Prisma.sql`r.calls <> 0`, groupsSql];
      if (hours.from) and.push(Prisma.sql`r.hour >= ${hours.from}`);
      if (hours.to) and.push(Prisma.sql`r.hour < ${hours.to}`);
      // One parameter per hour: a text[]::timestamptz[] cast is not folded and was parsed for every row.
      parts.push(Prisma.sql`SELECT ${hourlyKeys} ${measuresFromRollups} FROM call_rollups r WHERE ${Prisma.join(and, " AND ")} ${notCut}`);
    }
    // The parts of a cut first or last hour that the whole hours leave out.
    const edges: Prisma.Sql[] = [];
    if (filters.from && hours.from && filters.from < hours.from) edges.push(Prisma.sql`c.created_at < ${hours.from}`);
    if (filters.to && hours.to && filters.to > hours.to) edges.push(Prisma.sql`c.created_at >= ${hours.to}`);
    if (edges.length > 0) {
      parts.push(
        Prisma.sql`SELECT ${callKeys} ${measuresFromCalls} FROM calls c
          WHERE ${callWhereSql(filters)} AND (${Prisma.join(edges, " OR ")})`,
      );
    }
    if (cuts.length > 0) {
      // One index range per cut hour (a join on unnest was planned as a scan of every call). The cut
      // hours lie inside the range, so the range itself is left out: ANDed in, the planner read the
      // whole range's index entries beside the hours' (218,000 of them in 30 days at 1M calls, 22 ms).
      const cutRanges = cuts.map((cut) => Prisma.sql`(c.created_at >= ${cut} AND c.created_at < ${new Date(cut.getTime() + HOUR_MS)})`);
      parts.push(
        Prisma.sql`SELECT ${callKeys} ${measuresFromCalls} FROM calls c
          WHERE ${callWhereSql({ ...filters, from: null, to: null })} AND (${Prisma.join(cutRanges, " OR ")})`,
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

// Names of UTC itself (offset 0 all year): their days are UTC days, the daily rollup rows one for one.
const UTC_ZONES = new Set([
  "UTC", "Etc/UTC", "UCT", "Etc/UCT", "Universal", "Etc/Universal", "Zulu", "Etc/Zulu",
  "GMT", "Etc/GMT", "GMT0", "Etc/GMT0", "GMT+0", "Etc/GMT+0", "GMT-0", "Etc/GMT-0", "Greenwich", "Etc/Greenwich",
]);
const isUtc = (zone: string) => UTC_ZONES.has(zone);

/** The whole UTC hours inside [from, to); null when the range lies within one hour (scan it instead). */
function wholeHours(filters: CallFilters): { from: Date | null; to: Date | null } | null {
  const from = filters.from ? new Date(Math.ceil(filters.from.getTime() / HOUR_MS) * HOUR_MS) : null;
  const to = filters.to ? new Date(Math.floor(filters.to.getTime() / HOUR_MS) * HOUR_MS) : null;
  if (from && to && from >= to) return null;
  return { from, to };
}

/** A range's open ends closed at the rollups' first and last hour (null: no rollups at all). */
async function boundedByRollups(range: { from: Date | null; to: Date | null }): Promise<{ from: Date; to: Date } | null> {
  if (range.from && range.to) return { from: range.from, to: range.to };
  const [bounds] = await prisma().$queryRaw<{ first: Date | null; last: Date | null }[]>`
    SELECT min(hour) AS first, max(hour) AS last FROM call_rollups`;
  if (!bounds?.first || !bounds.last) return null;
  return { from: range.from ?? bounds.first, to: range.to ?? new Date(bounds.last.getTime() + HOUR_MS) };
}

/**
 * How the whole UTC days [days.from, days.to) count towards days of `zone`: each UTC day on the local
 * day of its noon (`shift` days after it: 0, or 1 east of +12:00), which most of its hours fall on;
 * `moved`, its whole hours that fall on another local day (New York: 00:00–04:00 UTC, the evening
 * before); `cut`, its hours that a local midnight cuts (Kolkata's 18:00 UTC), whose calls are counted
 * from calls. A New York chart then reads 5 hourly rows a day instead of 24. An open end is closed
 * as `bounded` (boundedByRollups) closes it; `from` and `to` are the UTC days covered, outside which
 * the caller reads hours (a call may arrive on a new day meanwhile). Null (read hours instead) where the
 * shift is not the same all through the range.
 */
function localDays(
  range: { from: Date | null; to: Date | null },
  bounded: { from: Date; to: Date },
  zone: string,
  cuts: Date[],
): { shift: number; moved: Date[]; cut: Date[]; from: Date; to: Date } | null {
  const days = { from: range.from ?? startOfUtcDay(bounded.from), to: range.to ?? bounded.to };
  const cutTimes = new Set(cuts.map((cut) => cut.getTime()));
  const moved: Date[] = [];
  const cut: Date[] = [];
  let shift: number | null = null;
  let day = days.from.getTime();
  for (; day < days.to.getTime(); day += 24 * HOUR_MS) {
    const utcDay = new Date(day).toISOString().slice(0, 10);
    const countedOn = dayIn(new Date(day + 12 * HOUR_MS), zone);
    const dayShift = countedOn === utcDay ? 0 : countedOn === nextDay(utcDay) ? 1 : null;
    if (dayShift === null || (shift !== null && dayShift !== shift)) return null;
    shift = dayShift;
    for (let hour = day; hour < day + 24 * HOUR_MS; hour += HOUR_MS) {
      if (cutTimes.has(hour)) cut.push(new Date(hour));
      else if (dayIn(new Date(hour), zone) !== countedOn) moved.push(new Date(hour));
    }
  }
  return shift === null ? null : { shift, moved, cut, from: days.from, to: new Date(day) };
}

/**
 * The UTC hours within [from, to) in which a day of `zone` begins other than on the hour (every day
 * in Asia/Kolkata, +05:30; none in a zone of whole-hour offsets, DST days included).
 */
function hoursCutByMidnight({ from, to }: { from: Date; to: Date }, zone: string): Date[] {
  const cuts: Date[] = [];
  for (let day = dayIn(from, zone); ; day = nextDay(day)) {
    const start = startOfDayIn(day, zone).getTime();
    if (start >= to.getTime()) break;
    if (start > from.getTime() && start % HOUR_MS !== 0) cuts.push(new Date(Math.floor(start / HOUR_MS) * HOUR_MS));
  }
  return cuts;
}

