// Calls matching the filters, newest first, one keyset page at a time.
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { callWhere, type CallFilters } from "./call-filters";
import { CALL_LIST_SELECT, callSummaryJson, type CallSummaryJson } from "./call-json";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export type CallCursor = { createdAt: Date; id: string };

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
 * Rows strictly after the cursor in (createdAt desc, id desc) order. The redundant `lte` bound is what
 * lets Postgres start the index scan at the cursor: with the OR alone it reads every newer row first
 * (measured at 1M calls: 708 ms for a cursor half-way down, 0.08 ms with the bound).
 */
export function afterCursor(cursor: CallCursor): Prisma.CallWhereInput {
  return {
    createdAt: { lte: cursor.createdAt },
    OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
  };
}

export async function listCalls(
  filters: CallFilters,
  page: { cursor?: CallCursor | null; limit?: number } = {},
): Promise<{ calls: CallSummaryJson[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(page.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const where = callWhere(filters);
  const rows = await prisma().call.findMany({
    where: page.cursor ? { AND: [where, afterCursor(page.cursor)] } : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: CALL_LIST_SELECT,
  });
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    calls: pageRows.map(callSummaryJson),
    nextCursor: hasMore && last ? encodeCursor(last) : null,
  };
}
