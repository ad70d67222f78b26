// How a campaign's calls ended, one bar per status, each a link to those calls.
import Link from "next/link";
import { getCallStats } from "@/lib/calls/get-call-stats";
import type { CallFilters } from "@/lib/calls/call-filters";
import { statusHref } from "@/lib/dashboard/calls-link";
import { orderStatuses } from "@/lib/dashboard/status-order";
import { formatPercent } from "@/lib/ui/format";
import { outcomeColors } from "@/lib/ui/outcome-colors";
import { Panel } from "./panel";
import { statusLabel } from "./status-series";

export const OUTCOME_DISTRIBUTION_TITLE = "Outcome distribution";

export async function OutcomeDistribution({ filters, locale }: { filters: CallFilters; locale?: string }) {
  const { total, campaigns } = await getCallStats(filters);
  const byStatus: Record<string, number> = {};
  for (const c of campaigns) for (const [s, n] of Object.entries(c.byStatus)) byStatus[s] = (byStatus[s] ?? 0) + n;
  const statuses = orderStatuses(Object.keys(byStatus)).sort((a, b) => (byStatus[b] ?? 0) - (byStatus[a] ?? 0));
  const colors = outcomeColors(orderStatuses(statuses));
  const max = Math.max(1, ...Object.values(byStatus));
  const number = new Intl.NumberFormat(locale);
  return (
    <Panel title={OUTCOME_DISTRIBUTION_TITLE} description="Status of each call; click one to see those calls.">
      {statuses.length === 0 ? (
        <p className="py-8 text-center text-sm text-slate-500 dark:text-slate-400">No calls in this range.</p>
      ) : (
        <ul className="space-y-2">
          {statuses.map((status) => {
            const count = byStatus[status] ?? 0;
            const href = statusHref(filters, status);
            const bar = (
              <>
                <span className="flex items-baseline justify-between gap-2 text-sm">
                  <span>{statusLabel(status)}</span>
                  <span className="tabular-nums">
                    {number.format(count)} <span className="text-slate-500 dark:text-slate-400">{formatPercent(count, total, locale)}</span>
                  </span>
                </span>
                <span className="mt-1 block h-2.5 w-full rounded-full bg-slate-100 dark:bg-slate-800">
                  <span className="block h-full rounded-full" style={{ width: `${(count / max) * 100}%`, background: colors.get(status) }} />
                </span>
              </>
            );
            return (
              <li key={status} data-status={status} data-count={count}>
                {href ? <Link href={href} className="block rounded hover:bg-slate-50 dark:hover:bg-slate-800/60">{bar}</Link> : bar}
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}
