// A campaign's outcome mix as one thin stacked bar; each segment links to those calls.
import Link from "next/link";
import type { CallFilters } from "@/lib/calls/call-filters";
import { statusHref } from "@/lib/dashboard/calls-link";
import { orderStatuses } from "@/lib/dashboard/status-order";
import { outcomeColors } from "@/lib/ui/outcome-colors";
import { statusLabel } from "./status-series";

/** filters: the calls the bar counts, for its links; null when the calls list cannot select them. */
type Props = { byStatus: Record<string, number>; filters: CallFilters | null; campaignName: string; locale?: string };

export function OutcomeMixBar({ byStatus, filters, campaignName, locale }: Props) {
  const total = Object.values(byStatus).reduce((n, c) => n + c, 0);
  if (total === 0) return <div className="h-3 w-full rounded-full bg-slate-100 dark:bg-slate-800" aria-label="No calls" role="img" />;
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const statuses = orderStatuses(Object.keys(byStatus));
  const colors = outcomeColors(statuses);
  return (
    <div className="flex h-3 w-full overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800">
      {statuses.map((status) => {
        const count = byStatus[status] ?? 0;
        const href = filters ? statusHref(filters, status) : null;
        const label = `${campaignName}: ${statusLabel(status)}, ${number.format(count)} ${count === 1 ? "call" : "calls"} (${percent.format(count / total)})`;
        const style = { width: `${(count / total) * 100}%`, background: colors.get(status) };
        const common = { title: label, "data-status": status, "data-count": count, style, className: "block h-full min-w-0.5 hover:opacity-80 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-slate-900 dark:focus-visible:outline-white" };
        return href ? <Link key={status} href={href} aria-label={label} {...common} /> : <span key={status} role="img" aria-label={label} {...common} />;
      })}
    </div>
  );
}
