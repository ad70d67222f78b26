// One campaign by Voxia's id, or null when no call ever named it.
import { prisma } from "@/lib/db/client";

export type CampaignInfo = { id: string; name: string | null; lastCallAt: Date };

export async function getCampaign(id: string): Promise<CampaignInfo | null> {
  return prisma().campaign.findUnique({ where: { id }, select: { id: true, name: true, lastCallAt: true } });
}
