// The date range of the dashboard pages (Overview, Campaigns): the call filters from the URL, with
// "the last 30 days" when the URL names no range. Days are UTC days, as `from`/`to` date-only
// parameters are in call-filters.ts, so a bar for a day links to exactly the calls it counts.
import { parseCallFiltersLeniently, type CallFilters } from "@/lib/calls/call-filters";
import { DAY_MS, startOfUtcDay } from "@/lib/time/utc-day";

const DEFAULT_RANGE_DAYS = 30;

export type DashboardRange = {
  /** The filters with `from` always set, so every figure covers a bounded range. */
  filters: CallFilters;
  /** Inclusive start and exclusive end of the range as shown (the end is tomorrow when `to` is open). */
  start: Date;
  end: Date;
  isDefault: boolean;
};

/** The last `days` UTC days, today included. */
export function lastDays(days: number, now = new Date()): { from: Date; to: null } {
  return { from: new Date(startOfUtcDay(now).getTime() - (days - 1) * DAY_MS), to: null };
}

export function dashboardRange(params: Parameters<typeof parseCallFiltersLeniently>[0], now = new Date()): DashboardRange {
  const parsed = parseCallFiltersLeniently(params);
  const end = parsed.to ?? new Date(startOfUtcDay(now).getTime() + DAY_MS);
  const isDefault = !parsed.from && !parsed.to;
  const from = parsed.from ?? new Date(end.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
  return { filters: { ...parsed, from }, start: startOfUtcDay(from), end, isDefault };
}
