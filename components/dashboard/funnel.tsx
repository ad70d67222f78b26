// Calls → connected → interested, each step a share of the step before it. "Completed" is not a
// step: every connected call Voxia finishes is completed, so it could only repeat "Connected".
import Link from "next/link";
import type { CallFilters } from "@/lib/calls/call-filters";
import { callsHref } from "@/lib/dashboard/calls-link";
import { CONNECTED_RATE, COUNTS, countFilters, INTEREST_RATE, type CountKey } from "@/lib/measures/glossary";
import { formatPercent } from "@/lib/ui/format";
import { kpisOnce } from "./kpi-cards";
import { Panel } from "./panel";

export const FUNNEL_TITLE = "Funnel";

const STEPS: { key: CountKey; rate: string | null }[] = [
  { key: "calls", rate: null },
  { key: "connected", rate: CONNECTED_RATE.label.toLowerCase() },
  { key: "interested", rate: INTEREST_RATE.label.toLowerCase() },
];

export async function Funnel({ filters, locale }: { filters: CallFilters; locale?: string }) {
  const k = await kpisOnce(filters);
  const number = new Intl.NumberFormat(locale);
  return (
    <Panel title={FUNNEL_TITLE} description="Each step as a share of the step before it; the bars are drawn to the scale of all calls.">
      <ol className="space-y-3">
        {STEPS.map((step, i) => {
          const definition = COUNTS[step.key];
          const count = k[step.key];
          const previous = i > 0 ? k[STEPS[i - 1]!.key] : null;
          const descriptionId = `funnel-${step.key}-description`;
          return (
            <li key={step.key} data-funnel-step={definition.label} data-count={count} title={definition.description}>
              <div className="flex items-baseline justify-between gap-2 text-sm">
                <span className="font-medium">{definition.label}</span>
                <span className="tabular-nums">
                  <Link href={callsHref(countFilters(filters, step.key))} className="underline" aria-describedby={descriptionId}>
                    {number.format(count)}
                  </Link>
                  {previous !== null ? (
                    <span className="ml-2 text-slate-500 dark:text-slate-400">
                      {formatPercent(count, previous, locale)} of {COUNTS[STEPS[i - 1]!.key].label.toLowerCase()}
                      {step.rate ? <span className="sr-only"> ({step.rate})</span> : null}
                    </span>
                  ) : null}
                </span>
              </div>
              <div className="mt-1 h-2.5 w-full rounded-full bg-slate-100 dark:bg-slate-800" aria-hidden>
                <div className="h-full rounded-full bg-sky-600 dark:bg-sky-500" style={{ width: k.calls > 0 ? `${(count / k.calls) * 100}%` : "0%" }} />
              </div>
              <p id={descriptionId} className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">{definition.description}</p>
            </li>
          );
        })}
      </ol>
    </Panel>
  );
}
