// Per campaign: how many calls match the filters, and how many of them have each status.
// Exact figures from the rollups (lib/calls/aggregate-calls.ts); a `q` search falls back to a scan.
import { prisma } from "@/lib/db/client";
import type { CallFilters } from "./call-filters";
import { aggregateCalls } from "./aggregate-calls";

export type CampaignStats = {
  campaign: { id: string | null; name: string | null };
  total: number;
  byStatus: Record<string, number>;
};

export async function getCallStats(filters: CallFilters): Promise<{ total: number; campaigns: CampaignStats[] }> {
  const { rows: groups } = await aggregateCalls(filters, ["campaign", "status"]);
  const campaignIds = [...new Set(groups.map((g) => g.campaignId).filter((id): id is string => typeof id === "string"))];
  const names = new Map(
    (await prisma().campaign.findMany({ where: { id: { in: campaignIds } }, select: { id: true, name: true } })).map((c) => [c.id, c.name]),
  );
  const byCampaign = new Map<string | null, CampaignStats>();
  for (const group of groups) {
    const campaignId = group.campaignId ?? null;
    let stats = byCampaign.get(campaignId);
    if (!stats) {
      stats = { campaign: { id: campaignId, name: campaignId ? (names.get(campaignId) ?? null) : null }, total: 0, byStatus: {} };
      byCampaign.set(campaignId, stats);
    }
    stats.total += group.calls;
    const status = group.status ?? "(none)";
    stats.byStatus[status] = (stats.byStatus[status] ?? 0) + group.calls;
  }
  const campaigns = [...byCampaign.values()].sort((a, b) => b.total - a.total);
  return { total: campaigns.reduce((n, c) => n + c.total, 0), campaigns };
}
