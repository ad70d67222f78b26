// GET /api/stats: per campaign and in total, the calls by status and every figure of the glossary
// (lib/measures/glossary.ts), for the same filters as GET /api/calls.
import type { CallFilters } from "@/lib/calls/call-filters";
import { getCallStats, type CampaignStats } from "@/lib/calls/get-call-stats";
import { getCallKpis, getCallKpisByCampaign } from "@/lib/dashboard/get-call-kpis";
import { measureValues, type MeasureValues } from "./glossary";

export type Stats = { total: number; measures: MeasureValues; campaigns: (CampaignStats & { measures: MeasureValues })[] };

export async function getStats(filters: CallFilters): Promise<Stats> {
  const [stats, measures, byCampaign] = await Promise.all([getCallStats(filters), getCallKpis(filters), getCallKpisByCampaign(filters)]);
  return {
    total: stats.total,
    measures,
    campaigns: stats.campaigns.map((c) => ({ ...c, measures: byCampaign.get(c.campaign.id) ?? measureValues(undefined) })),
  };
}
