// The glossary's figures (lib/measures/glossary.ts) for a set of calls: KPI cards, funnel, campaigns
// list and /api/stats read this. Served by aggregateCalls, so from the rollups (exact, kept by the
// ingest transaction) unless a filter the rollups cannot answer forces a scan.
import { aggregateCalls, type AggregateDimension } from "@/lib/calls/aggregate-calls";
import type { CallFilters } from "@/lib/calls/call-filters";
import { measureValues, ROLLUP_MEASURES_OF_GLOSSARY, type MeasureValues } from "@/lib/measures/glossary";

export type CallKpis = MeasureValues;

export async function getCallKpis(filters: CallFilters): Promise<CallKpis> {
  const { rows } = await aggregateCalls(filters, [], ROLLUP_MEASURES_OF_GLOSSARY);
  return measureValues(rows[0]);
}

/** The glossary's figures per campaign (null: calls that named no campaign). */
export async function getCallKpisByCampaign(filters: CallFilters): Promise<Map<string | null, CallKpis>> {
  const by: AggregateDimension[] = ["campaign"];
  const { rows } = await aggregateCalls(filters, by, ROLLUP_MEASURES_OF_GLOSSARY);
  return new Map(rows.map((row) => [row.campaignId ?? null, measureValues(row)]));
}
