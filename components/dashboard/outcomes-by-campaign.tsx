// Outcome counts per campaign, stacked: which campaign produced what.
import { getCallStats } from "@/lib/calls/get-call-stats";
import type { CallFilters } from "@/lib/calls/call-filters";
import { statusHref } from "@/lib/dashboard/calls-link";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { ChartDataTable } from "@/components/charts/chart-data-table";
import { StatusLegend } from "@/components/charts/status-legend";
import type { ChartRow } from "@/components/charts/chart-types";
import { Panel } from "./panel";
import { legendItems, statusSeries } from "./status-series";

const MAX_BARS = 15;
export const OUTCOMES_BY_CAMPAIGN_TITLE = "Outcomes per campaign";

export async function OutcomesByCampaign({ filters, locale }: { filters: CallFilters; locale?: string }) {
  const { campaigns } = await getCallStats(filters);
  const rows: ChartRow[] = campaigns.map((c) => ({
    key: c.campaign.id ?? "",
    label: c.campaign.name ?? c.campaign.id ?? "No campaign",
    values: c.byStatus,
    // Calls without a campaign cannot be selected in the calls list by campaign, so they get no links.
    hrefs: Object.fromEntries(
      Object.keys(c.byStatus).map((s) => [s, c.campaign.id ? statusHref(filters, s, { campaign: [c.campaign.id] }) : null]),
    ),
  }));
  const counts = rows.map((r) => r.values);
  const series = statusSeries(counts);
  const shown = rows.slice(0, MAX_BARS);
  return (
    <Panel
      title={OUTCOMES_BY_CAMPAIGN_TITLE}
      description={rows.length > MAX_BARS ? `The ${MAX_BARS} busiest of ${rows.length} campaigns; the table lists all.` : "Click a segment to see those calls."}
    >
      {rows.length === 0 ? (
        <p className="py-8 text-center text-sm text-slate-500 dark:text-slate-400">No calls in this range.</p>
      ) : (
        <StackedBarChart title={`${OUTCOMES_BY_CAMPAIGN_TITLE}, stacked by status`} rows={shown} series={series} orientation="rows" labelFormat="text" />
      )}
      <StatusLegend items={legendItems(series, counts, filters)} locale={locale} />
      <ChartDataTable caption={OUTCOMES_BY_CAMPAIGN_TITLE} rowHeader="Campaign" rows={rows} series={series} labelFormat="text" locale={locale} />
    </Panel>
  );
}
