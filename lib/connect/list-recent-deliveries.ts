// The newest webhook deliveries accepted, for the Connect page ("is Voxia reaching us?").
import { prisma } from "@/lib/db/client";

export type RecentDelivery = { id: string; callId: string; webhookEvent: string | null; receivedAt: Date };

export async function listRecentDeliveries(limit = 20): Promise<RecentDelivery[]> {
  const rows = await prisma().delivery.findMany({
    select: { id: true, callId: true, webhookEvent: true, receivedAt: true },
    orderBy: { receivedAt: "desc" },
    take: limit,
  });
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}
