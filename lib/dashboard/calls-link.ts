// Links from a figure to the calls it counts: the page's filters with one part narrowed, written by
// serializeCallFilters so the calls list reads them with the same definition.
import { serializeCallFilters, type CallFilters } from "@/lib/calls/call-filters";
import { NO_STATUS } from "./status-order";

export function callsHref(filters: CallFilters, narrow: Partial<CallFilters> = {}): string {
  const query = serializeCallFilters({ ...filters, ...narrow }).toString();
  return query ? `/calls?${query}` : "/calls";
}

/** Calls of one status (null for calls without one: the list cannot select those, so no link). */
export function statusHref(filters: CallFilters, status: string, narrow: Partial<CallFilters> = {}): string | null {
  if (status === NO_STATUS) return null;
  return callsHref(filters, { ...narrow, status: [status] });
}

/** The part of [from, to) that is also inside the filters' own range. */
export function withinRange(filters: CallFilters, from: Date, to: Date): Pick<CallFilters, "from" | "to"> {
  return {
    from: filters.from && filters.from > from ? filters.from : from,
    to: filters.to && filters.to < to ? filters.to : to,
  };
}
