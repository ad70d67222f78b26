// Calls per day (week, month for long ranges) stacked by status.
import type { CallFilters } from "@/lib/calls/call-filters";
import { statusHref, withinRange } from "@/lib/dashboard/calls-link";
import { getCallsOverTime } from "@/lib/dashboard/get-calls-over-time";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { ChartDataTable } from "@/components/charts/chart-data-table";
import { StatusLegend } from "@/components/charts/status-legend";
import type { ChartRow } from "@/components/charts/chart-types";
import { Panel } from "./panel";
import { legendItems, statusSeries } from "./status-series";
import { nextDay, startOfDayIn } from "@/lib/time/time-zone";

export function callsOverTimeTitle(unit: "day" | "week" | "month" = "day") {
  return `Calls per ${unit} by outcome`;
}

export async function CallsOverTime({ filters, range, locale, title }: { filters: CallFilters; range: { start: Date; end: Date }; locale?: string; title?: string }) {
  const { unit, buckets } = await getCallsOverTime(filters, range);
  const rows: ChartRow[] = buckets.map((b) => {
    const bucketRange = withinRange(filters, startOfDayIn(b.start, filters.timeZone), startOfDayIn(nextDay(b.last), filters.timeZone));
    return {
      key: b.start,
      label: b.start,
      values: b.byStatus,
      hrefs: Object.fromEntries(Object.keys(b.byStatus).map((s) => [s, statusHref(filters, s, bucketRange)])),
    };
  });
  const counts = rows.map((r) => r.values);
  const series = statusSeries(counts);
  const heading = title ?? callsOverTimeTitle(unit);
  const empty = rows.every((r) => Object.keys(r.values).length === 0);
  return (
    <Panel title={heading} description={`${unit[0]!.toUpperCase()}${unit.slice(1)}s in ${filters.timeZone}. Click a segment to see those calls.`}>
      {empty ? (
        <p className="py-8 text-center text-sm text-slate-500 dark:text-slate-400">No calls in this range.</p>
      ) : (
        <StackedBarChart title={heading} rows={rows} series={series} orientation="columns" labelFormat={unit} />
      )}
      <StatusLegend items={legendItems(series, counts, filters)} locale={locale} />
      <ChartDataTable caption={heading} rowHeader={unit === "day" ? "Day" : unit === "week" ? "Week" : "Month"} rows={rows} series={series} labelFormat={unit} locale={locale} />
    </Panel>
  );
}
