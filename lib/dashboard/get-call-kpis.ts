// The glossary's figures (lib/measures/glossary.ts) for a set of calls: KPI cards, funnel, campaigns
// list and /api/stats read this. Served by aggregateCalls, so from the rollups (exact, kept by the
// ingest transaction) unless a filter the rollups cannot answer forces a scan.
import { aggregateCalls } from "@/lib/calls/aggregate-calls";
import type { CallFilters } from "@/lib/calls/call-filters";
import { measureValues, ROLLUP_MEASURES_OF_GLOSSARY, type MeasureValues } from "@/lib/measures/glossary";

export type CallKpis = MeasureValues;

export async function getCallKpis(filters: CallFilters): Promise<CallKpis> {
  const { rows } = await aggregateCalls(filters, [], ROLLUP_MEASURES_OF_GLOSSARY);
  return measureValues(rows[0]);
}
