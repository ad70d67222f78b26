// The date range of the dashboard pages (Overview, Campaigns): the call filters from the URL, with
// "the last 30 days" when the URL names no range. Days are days of the viewer's time zone (or the
// URL's `tz`), as `from`/`to` date-only parameters are in call-filters.ts, so a bar for a day links
// to exactly the calls it counts.
import { parseCallFiltersLeniently, type CallFilters } from "@/lib/calls/call-filters";
import { dayIn, nextDay, startOfDayIn } from "@/lib/time/time-zone";

const DEFAULT_RANGE_DAYS = 30;

export type DashboardRange = {
  /** The filters with `from` always set, so every figure covers a bounded range. */
  filters: CallFilters;
  /** Inclusive start and exclusive end of the range as shown (the end is tomorrow when `to` is open). */
  start: Date;
  end: Date;
  isDefault: boolean;
};

type RangeOptions = { timeZone?: string; now?: Date };

/** The last `days` days of `zone`, today included. */
export function lastDays(days: number, zone: string, now = new Date()): { from: Date; to: null } {
  return { from: startOfDayIn(nextDay(dayIn(now, zone), -(days - 1)), zone), to: null };
}

export function dashboardRange(params: Parameters<typeof parseCallFiltersLeniently>[0], options: RangeOptions = {}): DashboardRange {
  const parsed = parseCallFiltersLeniently(params, { timeZone: options.timeZone });
  const zone = parsed.timeZone;
  const now = options.now ?? new Date();
  const end = parsed.to ?? startOfDayIn(nextDay(dayIn(now, zone)), zone);
  const isDefault = !parsed.from && !parsed.to;
  // The 30 days that end with the range's last day (calendar days: a DST day is 23 or 25 hours).
  const lastDay = dayIn(new Date(end.getTime() - 1), zone);
  const from = parsed.from ?? startOfDayIn(nextDay(lastDay, -(DEFAULT_RANGE_DAYS - 1)), zone);
  return { filters: { ...parsed, from }, start: startOfDayIn(dayIn(from, zone), zone), end, isDefault };
}
