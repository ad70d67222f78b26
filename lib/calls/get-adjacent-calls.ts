// The calls either side of one call in the calls list's order (newest first), within the reader's
// filters, for "Newer"/"Older" links on a call's page.
import { prisma } from "@/lib/db/client";
import { callWhere, type CallFilters } from "./call-filters";
import { afterCursor, type CallCursor } from "./list-calls";
import { beforeCursor } from "./list-calls-page";

export async function getAdjacentCalls(filters: CallFilters, call: CallCursor): Promise<{ newerId: string | null; olderId: string | null }> {
  const where = callWhere(filters);
  const [newer, older] = await Promise.all([
    prisma().call.findFirst({
      where: { AND: [where, beforeCursor(call)] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true },
    }),
    prisma().call.findFirst({
      where: { AND: [where, afterCursor(call)] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    }),
  ]);
  return { newerId: newer?.id ?? null, olderId: older?.id ?? null };
}
