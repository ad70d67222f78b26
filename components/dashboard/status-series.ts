// Turns per-status counts into chart series and legend items: one colour per status (the shared
// outcome colours), statuses in the shared order, links to the calls list with that status.
import type { CallFilters } from "@/lib/calls/call-filters";
import { statusHref } from "@/lib/dashboard/calls-link";
import { NO_STATUS, orderStatuses } from "@/lib/dashboard/status-order";
import { OUTCOME_GROUPS, outcomeColors, outcomeGroup } from "@/lib/ui/outcome-colors";
import { humanize } from "@/lib/voxia/vocabulary";
import type { ChartSeries } from "@/components/charts/chart-types";
import type { LegendItem } from "@/components/charts/status-legend";

export function statusLabel(status: string): string {
  return status === NO_STATUS ? "No status" : humanize(status);
}

export function statusSeries(countsList: Record<string, number>[]): ChartSeries[] {
  const statuses = orderStatuses(countsList.flatMap((counts) => Object.keys(counts)));
  const colors = outcomeColors(statuses);
  return statuses.map((status) => ({ key: status, label: statusLabel(status), color: colors.get(status)! }));
}

export function legendItems(series: ChartSeries[], countsList: Record<string, number>[], filters: CallFilters): LegendItem[] {
  return series.map((s) => ({
    ...s,
    total: countsList.reduce((n, counts) => n + (counts[s.key] ?? 0), 0),
    href: statusHref(filters, s.key),
    group: OUTCOME_GROUPS[s.key === NO_STATUS ? "other" : outcomeGroup(s.key)],
  }));
}
