// Every campaign a call ever named, for the campaign selector of the Overview and Campaigns pages.
import { prisma } from "@/lib/db/client";

export async function listCampaignOptions(): Promise<{ id: string; name: string | null }[]> {
  return prisma().campaign.findMany({ select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}
