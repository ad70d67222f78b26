// One page of the calls table, newest first, reached by keyset in either direction: `older` takes the
// page after a cursor (as listCalls does), `newer` the page before one, so "Newer"/"Older" links work
// without offsets however deep the reader has gone.
import type { CallFilters } from "./call-filters";
import type { CallSummaryJson } from "./call-json";
import type { PhoneView } from "./phone-view";
import { encodeCursor, findCallsPage, type CallCursor } from "./list-calls";

export type CallsPage = {
  calls: CallSummaryJson[];
  /** Cursor for the next (older) page, if there is one. */
  olderCursor: string | null;
  /** Cursor for the previous (newer) page, if there is one. */
  newerCursor: string | null;
};

export async function listCallsPage(
  filters: CallFilters,
  page: { older?: CallCursor | null; newer?: CallCursor | null; limit: number },
  view: PhoneView,
): Promise<CallsPage> {
  const goingNewer = !page.older && !!page.newer;
  const rows = await findCallsPage(filters, {
    cursor: page.older ?? page.newer ?? null,
    direction: goingNewer ? "newer" : "older",
    limit: page.limit + 1,
  }, view);
  const hasMore = rows.length > page.limit;
  const pageRows = hasMore ? rows.slice(0, page.limit) : rows;
  if (goingNewer) pageRows.reverse();
  const first = pageRows[0];
  const last = pageRows[pageRows.length - 1];
  // Going older from a cursor, newer rows exist (the cursor's own row at least); likewise the other way.
  const moreOlder = goingNewer ? true : hasMore;
  const moreNewer = goingNewer ? hasMore : !!page.older;
  const cursorOf = (row: CallSummaryJson) => encodeCursor({ createdAt: new Date(row.createdAt), id: row.id });
  return {
    calls: pageRows,
    olderCursor: moreOlder && last ? cursorOf(last) : null,
    newerCursor: moreNewer && first ? cursorOf(first) : null,
  };
}
