// Calls per day (per week or month for long ranges) and status, for the "calls over time" charts.
// Buckets are UTC days so each one maps onto a `from`/`to` date-only filter of the calls list.
import { aggregateCalls } from "@/lib/calls/aggregate-calls";
import type { CallFilters } from "@/lib/calls/call-filters";
import { DAY_MS, startOfUtcDay } from "@/lib/time/utc-day";
import { NO_STATUS } from "./status-order";

export type BucketUnit = "day" | "week" | "month";

export type TimeBucket = {
  /** UTC date of the bucket's first day, YYYY-MM-DD. */
  start: string;
  /** UTC date of the bucket's last day, YYYY-MM-DD (inclusive, as the calls list's `to` is). */
  last: string;
  byStatus: Record<string, number>;
};

export function bucketUnitFor(start: Date, end: Date): BucketUnit {
  const days = (end.getTime() - start.getTime()) / DAY_MS;
  return days <= 92 ? "day" : days <= 731 ? "week" : "month";
}

export async function getCallsOverTime(filters: CallFilters, range: { start: Date; end: Date }): Promise<{ unit: BucketUnit; buckets: TimeBucket[] }> {
  const unit = bucketUnitFor(range.start, range.end);
  // Exact per-day counts from the rollups the webhook keeps (a text search counts matching calls);
  // weeks and months are sums of their days.
  const { rows } = await aggregateCalls(filters, ["day", "status"]);
  const buckets = new Map(emptyBuckets(unit, range.start, range.end).map((b) => [b.start, b]));
  for (const row of rows) {
    const start = isoDay(truncate(unit, new Date(`${row.day}T00:00:00Z`)));
    // A call outside the shown range (an open-ended `to` with future-dated calls) gets its own bucket.
    let bucket = buckets.get(start);
    if (!bucket) {
      bucket = { start, last: lastDay(unit, new Date(`${start}T00:00:00Z`)), byStatus: {} };
      buckets.set(start, bucket);
    }
    const status = row.status ?? NO_STATUS;
    bucket.byStatus[status] = (bucket.byStatus[status] ?? 0) + row.calls;
  }
  return { unit, buckets: [...buckets.values()].sort((a, b) => a.start.localeCompare(b.start)) };
}

function truncate(unit: BucketUnit, date: Date): Date {
  const d = startOfUtcDay(date);
  if (unit === "week") d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7)); // Postgres weeks start on Monday
  if (unit === "month") d.setUTCDate(1);
  return d;
}

function next(unit: BucketUnit, date: Date): Date {
  const d = new Date(date);
  if (unit === "day") d.setUTCDate(d.getUTCDate() + 1);
  if (unit === "week") d.setUTCDate(d.getUTCDate() + 7);
  if (unit === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  return d;
}

function lastDay(unit: BucketUnit, start: Date): string {
  return isoDay(new Date(next(unit, start).getTime() - DAY_MS));
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Every bucket of the range, so days without calls show as gaps rather than disappearing. */
export function emptyBuckets(unit: BucketUnit, start: Date, end: Date): TimeBucket[] {
  const buckets: TimeBucket[] = [];
  for (let d = truncate(unit, start); d < end && buckets.length < 1000; d = next(unit, d)) {
    buckets.push({ start: isoDay(d), last: lastDay(unit, d), byStatus: {} });
  }
  return buckets;
}
