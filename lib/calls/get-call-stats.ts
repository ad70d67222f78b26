// Per campaign: how many calls match the filters, how many of them have each status, and (when asked)
// the glossary's figures — all from one aggregate, grouped by campaign and status. Exact figures from
// the rollups (lib/calls/aggregate-calls.ts); a filter they cannot answer (`q`, `answer`, …) scans the
// matching calls, once.
import { prisma } from "@/lib/db/client";
import { measureValues, ROLLUP_MEASURES_OF_GLOSSARY, type MeasureValues } from "@/lib/measures/glossary";
import type { CallFilters } from "./call-filters";
import { aggregateCalls, type Measure as RollupMeasure } from "./aggregate-calls";

export type CampaignStats = {
  campaign: { id: string | null; name: string | null };
  total: number;
  byStatus: Record<string, number>;
};
export type CallStats = { total: number; campaigns: CampaignStats[] };
export type CallStatsWithMeasures = { total: number; measures: MeasureValues; campaigns: (CampaignStats & { measures: MeasureValues })[] };

export async function getCallStats(filters: CallFilters): Promise<CallStats> {
  return (await callStats(filters, [])).stats;
}

/** getCallStats with the glossary's figures in total and per campaign, from the same one aggregate. */
export async function getCallStatsWithMeasures(filters: CallFilters): Promise<CallStatsWithMeasures> {
  const { stats, sums } = await callStats(filters, ROLLUP_MEASURES_OF_GLOSSARY);
  const total = new Map<RollupMeasure, number>();
  for (const campaignSums of sums.values()) for (const [measure, n] of campaignSums) total.set(measure, (total.get(measure) ?? 0) + n);
  return {
    total: stats.total,
    measures: measureValues(Object.fromEntries(total)),
    campaigns: stats.campaigns.map((c) => ({ ...c, measures: measureValues(Object.fromEntries(sums.get(c.campaign.id) ?? [])) })),
  };
}

async function callStats(filters: CallFilters, measures: readonly RollupMeasure[]) {
  const { rows: groups } = await aggregateCalls(filters, ["campaign", "status"], measures);
  const campaignIds = [...new Set(groups.map((g) => g.campaignId).filter((id): id is string => typeof id === "string"))];
  const names = new Map(
    (await prisma().campaign.findMany({ where: { id: { in: campaignIds } }, select: { id: true, name: true } })).map((c) => [c.id, c.name]),
  );
  const byCampaign = new Map<string | null, CampaignStats>();
  // Each campaign's sums over its statuses: counts and duration sums add up exactly.
  const sums = new Map<string | null, Map<RollupMeasure, number>>();
  for (const group of groups) {
    const campaignId = group.campaignId ?? null;
    let stats = byCampaign.get(campaignId);
    if (!stats) {
      stats = { campaign: { id: campaignId, name: campaignId ? (names.get(campaignId) ?? null) : null }, total: 0, byStatus: {} };
      byCampaign.set(campaignId, stats);
      sums.set(campaignId, new Map());
    }
    stats.total += group.calls;
    const status = group.status ?? "(none)";
    stats.byStatus[status] = (stats.byStatus[status] ?? 0) + group.calls;
    const campaignSums = sums.get(campaignId)!;
    for (const measure of ["calls", ...measures] as const) campaignSums.set(measure, (campaignSums.get(measure) ?? 0) + group[measure]);
  }
  const campaigns = [...byCampaign.values()].sort((a, b) => b.total - a.total);
  return { stats: { total: campaigns.reduce((n, c) => n + c.total, 0), campaigns }, sums };
}
