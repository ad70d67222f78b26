// Per campaign: how many calls match the filters, and how many of them have each status.
import { prisma } from "@/lib/db/client";
import { callWhere, type CallFilters } from "./call-filters";

export type CampaignStats = {
  campaign: { id: string | null; name: string | null };
  total: number;
  byStatus: Record<string, number>;
};

export async function getCallStats(filters: CallFilters): Promise<{ total: number; campaigns: CampaignStats[] }> {
  const groups = await prisma().call.groupBy({
    by: ["campaignId", "status"],
    where: callWhere(filters),
    _count: { _all: true },
  });
  const campaignIds = [...new Set(groups.map((g) => g.campaignId).filter((id): id is string => id !== null))];
  const names = new Map(
    (await prisma().campaign.findMany({ where: { id: { in: campaignIds } }, select: { id: true, name: true } })).map((c) => [c.id, c.name]),
  );
  const byCampaign = new Map<string | null, CampaignStats>();
  for (const group of groups) {
    let stats = byCampaign.get(group.campaignId);
    if (!stats) {
      stats = { campaign: { id: group.campaignId, name: group.campaignId ? (names.get(group.campaignId) ?? null) : null }, total: 0, byStatus: {} };
      byCampaign.set(group.campaignId, stats);
    }
    const count = group._count._all;
    stats.total += count;
    const status = group.status ?? "(none)";
    stats.byStatus[status] = (stats.byStatus[status] ?? 0) + count;
  }
  const campaigns = [...byCampaign.values()].sort((a, b) => b.total - a.total);
  return { total: campaigns.reduce((n, c) => n + c.total, 0), campaigns };
}
