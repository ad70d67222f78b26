// Choices for the calls filters: campaigns from the campaigns table; statuses from Voxia's documented
// vocabulary plus any other value calls actually carry (Voxia may add values; they must be findable).
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { CALL_STATUSES, STATUSES } from "@/lib/voxia/vocabulary";

export type FilterOptions = {
  campaigns: { id: string; name: string | null }[];
  statuses: string[];
  callStatuses: string[];
};

export async function listFilterOptions(): Promise<FilterOptions> {
  const [campaigns, statusRows] = await Promise.all([
    prisma().campaign.findMany({ orderBy: [{ lastCallAt: "desc" }, { id: "asc" }], select: { id: true, name: true }, take: 1000 }),
    // Distinct statuses by skip scan over the (status, created_at) index: one index probe per value
    // rather than a pass over every call.
    prisma().$queryRaw<{ status: string }[]>(Prisma.sql`
      WITH RECURSIVE s(status) AS (
        (SELECT status FROM calls WHERE status IS NOT NULL ORDER BY status LIMIT 1)
        UNION ALL
        SELECT (SELECT status FROM calls WHERE status > s.status ORDER BY status LIMIT 1) FROM s WHERE s.status IS NOT NULL
      )
      SELECT status FROM s WHERE status IS NOT NULL`),
  ]);
  const known = new Set<string>(STATUSES);
  const unknown = statusRows.map((r) => r.status).filter((s) => !known.has(s));
  return { campaigns, statuses: [...STATUSES, ...unknown], callStatuses: [...CALL_STATUSES] };
}
