// Dialed → connected → completed → interested, each step as a share of the calls dialed.
import Link from "next/link";
import type { CallFilters } from "@/lib/calls/call-filters";
import { callsHref } from "@/lib/dashboard/calls-link";
import { formatPercent } from "@/lib/ui/format";
import { kpisOnce } from "./kpi-cards";
import { Panel } from "./panel";

export const FUNNEL_TITLE = "Funnel";

export async function Funnel({ filters, locale }: { filters: CallFilters; locale?: string }) {
  const k = await kpisOnce(filters);
  const number = new Intl.NumberFormat(locale);
  // Only steps the calls list can select exactly get a link.
  const steps = [
    { name: "Dialed", count: k.calls, href: callsHref(filters) },
    { name: "Connected", count: k.connected, href: null },
    { name: "Completed", count: k.completed, href: null },
    { name: "Interested", count: k.interested, href: callsHref(filters, { status: ["INTERESTED"] }) },
  ];
  return (
    <Panel title={FUNNEL_TITLE} description="Each step as a share of the calls dialed.">
      <ol className="space-y-3">
        {steps.map((step, i) => {
          const previous = i > 0 ? steps[i - 1]!.count : null;
          return (
            <li key={step.name} data-funnel-step={step.name} data-count={step.count}>
              <div className="flex items-baseline justify-between gap-2 text-sm">
                <span className="font-medium">{step.name}</span>
                <span className="tabular-nums">
                  {step.href ? <Link href={step.href} className="underline">{number.format(step.count)}</Link> : number.format(step.count)}
                  <span className="ml-2 text-slate-500 dark:text-slate-400">{formatPercent(step.count, k.calls, locale)}</span>
                </span>
              </div>
              <div className="mt-1 h-2.5 w-full rounded-full bg-slate-100 dark:bg-slate-800">
                <div
                  className="h-full rounded-full bg-sky-600 dark:bg-sky-500"
                  style={{ width: k.calls > 0 ? `${(step.count / k.calls) * 100}%` : "0%" }}
                />
              </div>
              {previous !== null && previous > 0 ? (
                <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">{formatPercent(step.count, previous, locale)} of the step before</p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </Panel>
  );
}
