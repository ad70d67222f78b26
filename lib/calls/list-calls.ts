// Calls matching the filters, newest first, one keyset page at a time.
import { prisma } from "@/lib/db/client";
import type { CallFilters } from "./call-filters";
import { matchingCallIdsSql, type CallCursor } from "./call-filters-sql";
import { CALL_LIST_SELECT, callSummaryJson, type CallSummaryJson } from "./call-json";
import type { PhoneView } from "./phone-view";

export type { CallCursor } from "./call-filters-sql";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export function encodeCursor(cursor: CallCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString("base64url");
}

export function decodeCursor(value: string): CallCursor | null {
  const decoded = Buffer.from(value, "base64url").toString("utf8");
  const separator = decoded.indexOf("|");
  if (separator < 0) return null;
  const createdAt = new Date(decoded.slice(0, separator));
  const id = decoded.slice(separator + 1);
  return Number.isNaN(createdAt.getTime()) || !id ? null : { createdAt, id };
}

/**
 * Up to `limit` calls matching the filters from the cursor on, in the direction's order: the ids by
 * the one SQL condition (call-filters-sql.ts), then their list columns by primary key.
 */
export async function findCallsPage(
  filters: CallFilters,
  page: { cursor?: CallCursor | null; direction?: "older" | "newer"; limit: number },
  view: PhoneView,
): Promise<CallSummaryJson[]> {
  const ids = await prisma().$queryRaw<{ id: string; createdAt: Date }[]>(matchingCallIdsSql(filters, page));
  if (ids.length === 0) return [];
  const rows = await prisma().call.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: CALL_LIST_SELECT });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap(({ id }) => {
    const row = byId.get(id);
    return row ? [callSummaryJson(row, view)] : [];
  });
}

export async function listCalls(
  filters: CallFilters,
  page: { cursor?: CallCursor | null; limit?: number },
  view: PhoneView,
): Promise<{ calls: CallSummaryJson[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(page.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const rows = await findCallsPage(filters, { cursor: page.cursor, limit: limit + 1 }, view);
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    calls: pageRows,
    nextCursor: hasMore && last ? encodeCursor({ createdAt: new Date(last.createdAt), id: last.id }) : null,
  };
}
