// Calls per day (per week or month for long ranges) and status, for the "calls over time" charts.
// Buckets are calendar days of the filters' time zone (the viewer's), so each one maps onto a
// `from`/`to` date-only filter of the calls list read in that zone.
import { aggregateCalls } from "@/lib/calls/aggregate-calls";
import type { CallFilters } from "@/lib/calls/call-filters";
import { dayIn, nextDay } from "@/lib/time/time-zone";
import { NO_STATUS } from "./status-order";

export type BucketUnit = "day" | "week" | "month";

export type TimeBucket = {
  /** First day of the bucket in the filters' zone, YYYY-MM-DD. */
  start: string;
  /** Last day of the bucket, YYYY-MM-DD (inclusive, as the calls list's `to` is). */
  last: string;
  byStatus: Record<string, number>;
};

export function bucketUnitFor(start: Date, end: Date): BucketUnit {
  const days = (end.getTime() - start.getTime()) / 86_400_000;
  return days <= 92 ? "day" : days <= 731 ? "week" : "month";
}

export async function getCallsOverTime(filters: CallFilters, range: { start: Date; end: Date }): Promise<{ unit: BucketUnit; buckets: TimeBucket[] }> {
  const unit = bucketUnitFor(range.start, range.end);
  const zone = filters.timeZone;
  // Exact per-day counts from the rollups the webhook keeps (UTC days from the daily rows, days of
  // another zone from the hourly ones; a text search counts matching calls); weeks and months are
  // sums of their days.
  const { rows } = await aggregateCalls(filters, ["day", "status"]);
  const buckets = new Map(emptyBuckets(unit, dayIn(range.start, zone), dayIn(new Date(range.end.getTime() - 1), zone)).map((b) => [b.start, b]));
  for (const row of rows) {
    const start = truncate(unit, row.day!);
    // A call outside the shown range (an open-ended `to` with future-dated calls) gets its own bucket.
    let bucket = buckets.get(start);
    if (!bucket) {
      bucket = { start, last: lastDay(unit, start), byStatus: {} };
      buckets.set(start, bucket);
    }
    const status = row.status ?? NO_STATUS;
    bucket.byStatus[status] = (bucket.byStatus[status] ?? 0) + row.calls;
  }
  return { unit, buckets: [...buckets.values()].sort((a, b) => a.start.localeCompare(b.start)) };
}

/** The first day of the week (Monday, as in Postgres) or month that `day` is in. */
function truncate(unit: BucketUnit, day: string): string {
  if (unit === "month") return `${day.slice(0, 8)}01`;
  if (unit === "week") return nextDay(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
  return day;
}

function next(unit: BucketUnit, day: string): string {
  if (unit === "day") return nextDay(day);
  if (unit === "week") return nextDay(day, 7);
  const [y, m] = day.split("-").map(Number);
  return new Date(Date.UTC(y!, m, 1)).toISOString().slice(0, 10);
}

function lastDay(unit: BucketUnit, start: string): string {
  return nextDay(next(unit, start), -1);
}

/** Every bucket from the one holding `firstDay` to the one holding `lastDayOfRange`, so days without calls show as gaps. */
export function emptyBuckets(unit: BucketUnit, firstDay: string, lastDayOfRange: string): TimeBucket[] {
  const buckets: TimeBucket[] = [];
  for (let d = truncate(unit, firstDay); d <= lastDayOfRange && buckets.length < 1000; d = next(unit, d)) {
    buckets.push({ start: d, last: lastDay(unit, d), byStatus: {} });
  }
  return buckets;
}
