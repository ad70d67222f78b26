// One page of the calls table, newest first, reached by keyset in either direction: `older` takes the
// page after a cursor (as listCalls does), `newer` the page before one, so "Newer"/"Older" links work
// without offsets however deep the reader has gone.
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { callWhere, type CallFilters } from "./call-filters";
import { CALL_LIST_SELECT, callSummaryJson, type CallSummaryJson } from "./call-json";
import { afterCursor, encodeCursor, type CallCursor } from "./list-calls";

/** Rows strictly before the cursor in (createdAt desc, id desc) order, i.e. newer ones. */
export function beforeCursor(cursor: CallCursor): Prisma.CallWhereInput {
  // The `gte` bound lets the index scan start at the cursor (see afterCursor).
  return {
    createdAt: { gte: cursor.createdAt },
    OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { gt: cursor.id } }],
  };
}

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
): Promise<CallsPage> {
  const where = callWhere(filters);
  const goingNewer = !page.older && !!page.newer;
  const bound = page.older ? afterCursor(page.older) : page.newer ? beforeCursor(page.newer) : null;
  const order = goingNewer ? "asc" : "desc";
  const rows = await prisma().call.findMany({
    where: bound ? { AND: [where, bound] } : where,
    orderBy: [{ createdAt: order }, { id: order }],
    take: page.limit + 1,
    select: CALL_LIST_SELECT,
  });
  const hasMore = rows.length > page.limit;
  const pageRows = hasMore ? rows.slice(0, page.limit) : rows;
  if (goingNewer) pageRows.reverse();
  const first = pageRows[0];
  const last = pageRows[pageRows.length - 1];
  // Going older from a cursor, newer rows exist (the cursor's own row at least); likewise the other way.
  const moreOlder = goingNewer ? true : hasMore;
  const moreNewer = goingNewer ? hasMore : !!page.older;
  return {
    calls: pageRows.map(callSummaryJson),
    olderCursor: moreOlder && last ? encodeCursor(last) : null,
    newerCursor: moreNewer && first ? encodeCursor(first) : null,
  };
}
