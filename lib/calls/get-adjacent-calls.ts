// The calls either side of one call in the calls list's order (newest first), within the reader's
// filters, for "Newer"/"Older" links on a call's page.
import { prisma } from "@/lib/db/client";
import type { CallFilters } from "./call-filters";
import { matchingCallIdsSql, type CallCursor } from "./call-filters-sql";

export async function getAdjacentCalls(filters: CallFilters, call: CallCursor): Promise<{ newerId: string | null; olderId: string | null }> {
  const [newer, older] = await Promise.all(
    (["newer", "older"] as const).map((direction) =>
      prisma().$queryRaw<{ id: string }[]>(matchingCallIdsSql(filters, { cursor: call, direction, limit: 1 })),
    ),
  );
  return { newerId: newer?.[0]?.id ?? null, olderId: older?.[0]?.id ?? null };
}
