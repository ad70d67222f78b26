// Links from a figure to the calls it counts: the page's filters with one part narrowed, written by
// serializeCallFilters so the calls list reads them with the same definition.
import { NONE, serializeCallFilters, type AnswerFilter, type CallFilters } from "@/lib/calls/call-filters";
import { NO_STATUS } from "./status-order";

export function callsHref(filters: CallFilters, narrow: Partial<CallFilters> = {}): string {
  const query = serializeCallFilters({ ...filters, ...narrow }).toString();
  return query ? `/calls?${query}` : "/calls";
}

/** Calls of one status; NO_STATUS is the filter's NONE, the calls without one. */
export function statusHref(filters: CallFilters, status: string, narrow: Partial<CallFilters> = {}): string | null {
  return callsHref(filters, { ...narrow, status: [status === NO_STATUS ? NONE : status] });
}

/** The part of [from, to) that is also inside the filters' own range. */
export function withinRange(filters: CallFilters, from: Date, to: Date): Pick<CallFilters, "from" | "to"> {
  return {
    from: filters.from && filters.from > from ? filters.from : from,
    to: filters.to && filters.to < to ? filters.to : to,
  };
}

/** Calls whose answer to a key question meets `answer` (besides the page's own filters). */
export function answerHref(filters: CallFilters, ...answers: AnswerFilter[]): string {
  return callsHref(filters, { answer: [...filters.answer, ...answers] });
}
