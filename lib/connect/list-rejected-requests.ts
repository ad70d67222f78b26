// The newest refused webhook requests with their reason (bodies are stored with credentials removed).
import { prisma } from "@/lib/db/client";

export type RejectedRequestRow = {
  id: string;
  receivedAt: Date;
  httpStatus: number;
  code: string;
  message: string;
  contentType: string | null;
  bodyExcerpt: string | null;
  bodyBytes: number | null;
};

export async function listRejectedRequests(limit = 20): Promise<RejectedRequestRow[]> {
  const rows = await prisma().rejectedRequest.findMany({ orderBy: { id: "desc" }, take: limit });
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}
