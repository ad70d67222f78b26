// How many webhook requests were refused, per reason, since the database was created.
import { prisma } from "@/lib/db/client";

export type RejectionCountRow = { code: string; count: number; lastAt: Date };

export async function listRejectionCounts(): Promise<RejectionCountRow[]> {
  const rows = await prisma().rejectionCount.findMany({ orderBy: { count: "desc" } });
  return rows.map((r) => ({ code: r.code, count: Number(r.count), lastAt: r.lastAt }));
}
