// Every campaign with its calls in the range, per status: the Campaigns table. Campaigns without
// calls in the range are listed too (with zeros), so a quiet campaign does not vanish.
import { prisma } from "@/lib/db/client";
import { getCallStatsWithMeasures } from "@/lib/calls/get-call-stats";
import type { CallFilters } from "@/lib/calls/call-filters";
import { measureValues, type MeasureValues } from "@/lib/measures/glossary";

export type CampaignRow = {
  /** null: calls that named no campaign. */
  id: string | null;
  name: string | null;
  lastCallAt: Date | null;
  total: number;
  byStatus: Record<string, number>;
  /** The glossary's figures for the campaign's calls (lib/measures/glossary.ts). */
  measures: MeasureValues;
};

export async function listCampaigns(filters: CallFilters): Promise<CampaignRow[]> {
  const [campaigns, stats] = await Promise.all([
    prisma().campaign.findMany({ select: { id: true, name: true, lastCallAt: true }, orderBy: { lastCallAt: "desc" } }),
    getCallStatsWithMeasures(filters),
  ]);
  const statsById = new Map(stats.campaigns.map((s) => [s.campaign.id, s]));
  const rows: CampaignRow[] = campaigns
    .filter((c) => filters.campaign.length === 0 || filters.campaign.includes(c.id))
    .map((c) => {
      const s = statsById.get(c.id);
      return { id: c.id, name: c.name, lastCallAt: c.lastCallAt, total: s?.total ?? 0, byStatus: s?.byStatus ?? {}, measures: s?.measures ?? measureValues(undefined) };
    });
  const orphans = statsById.get(null);
  if (orphans) rows.push({ id: null, name: null, lastCallAt: null, total: orphans.total, byStatus: orphans.byStatus, measures: orphans.measures });
  // Busiest first; among equals, the most recently active.
  return rows.sort((a, b) => b.total - a.total || (b.lastCallAt?.getTime() ?? 0) - (a.lastCallAt?.getTime() ?? 0));
}
