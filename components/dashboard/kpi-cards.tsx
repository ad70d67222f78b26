// The headline figures, each card streaming in its own <Suspense>. The cards share one query per
// request (React cache), so six cards cost one pass over the calls. Labels, the sentence under each
// figure and the calls each links to come from the glossary (lib/measures/glossary.ts).
import Link from "next/link";
import { cache, Suspense } from "react";
import type { CallFilters } from "@/lib/calls/call-filters";
import { callsHref } from "@/lib/dashboard/calls-link";
import { getCallKpis, type CallKpis } from "@/lib/dashboard/get-call-kpis";
import { AVERAGE_DURATION, CONNECTED_RATE, COUNTS, countFilters, INTEREST_RATE, type CountKey } from "@/lib/measures/glossary";
import { formatDuration, formatPercent } from "@/lib/ui/format";
import { KpiSkeleton } from "./skeletons";

/** getCallKpis, once per request and filters object. */
export const kpisOnce = cache(getCallKpis);

export type KpiName = "calls" | "connectedRate" | "interestRate" | "averageDuration" | "callbacks" | "doNotCall";

const DEFINITIONS: Record<KpiName, { label: string; description: string }> = {
  calls: COUNTS.calls,
  connectedRate: CONNECTED_RATE,
  interestRate: INTEREST_RATE,
  averageDuration: AVERAGE_DURATION,
  callbacks: COUNTS.callbacks,
  doNotCall: COUNTS.doNotCall,
};

const ALL_KPIS: KpiName[] = ["calls", "connectedRate", "interestRate", "averageDuration", "callbacks", "doNotCall"];

export function KpiCards({ filters, locale, kpis = ALL_KPIS }: { filters: CallFilters; locale?: string; kpis?: KpiName[] }) {
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
      {kpis.map((name) => (
        <Suspense key={name} fallback={<KpiSkeleton label={DEFINITIONS[name].label} />}>
          <KpiCard name={name} filters={filters} locale={locale} />
        </Suspense>
      ))}
    </div>
  );
}

type Figure = { value: string; detail: React.ReactNode; href: string | null; count: number | null };

async function KpiCard({ name, filters, locale }: { name: KpiName; filters: CallFilters; locale?: string }) {
  const kpis = await kpisOnce(filters);
  const { value, detail, href, count } = figure(name, kpis, filters, new Intl.NumberFormat(locale), locale);
  const { label, description } = DEFINITIONS[name];
  const descriptionId = `kpi-${name}-description`;
  return (
    <div data-kpi={name} title={description} className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <p className="text-sm text-slate-600 dark:text-slate-400">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums" data-kpi-value data-count={count ?? undefined}>
        {href ? <Link href={href} className="hover:underline" aria-describedby={descriptionId}>{value}</Link> : value}
      </p>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">{detail}</p>
      <p id={descriptionId} className="mt-1 text-xs text-slate-500 dark:text-slate-400">{description}</p>
    </div>
  );
}

function countLink(filters: CallFilters, key: CountKey, n: Intl.NumberFormat, k: CallKpis) {
  return (
    <Link className="underline" href={callsHref(countFilters(filters, key))} data-measure={key} data-count={k[key]}>
      {n.format(k[key])} {COUNTS[key].label.toLowerCase()}
    </Link>
  );
}

function figure(name: KpiName, k: CallKpis, filters: CallFilters, n: Intl.NumberFormat, locale?: string): Figure {
  switch (name) {
    case "calls":
      return { value: n.format(k.calls), detail: k.calls === 1 ? "call in range" : "calls in range", href: callsHref(filters), count: k.calls };
    case "connectedRate":
      return {
        value: formatPercent(k.connected, k.calls, locale),
        detail: <>{countLink(filters, "connected", n, k)} of {n.format(k.calls)} calls</>,
        href: null,
        count: null,
      };
    case "interestRate":
      return {
        value: formatPercent(k.interested, k.connected, locale),
        detail: <>{countLink(filters, "interested", n, k)} of {n.format(k.connected)} connected</>,
        href: null,
        count: null,
      };
    case "averageDuration":
      return { value: formatDuration(k.averageDuration), detail: "m:ss per connected call", href: null, count: null };
    case "callbacks":
      return { value: n.format(k.callbacks), detail: "asked to be called later", href: callsHref(countFilters(filters, "callbacks")), count: k.callbacks };
    case "doNotCall":
      return { value: n.format(k.doNotCall), detail: "asked not to be called", href: callsHref(countFilters(filters, "doNotCall")), count: k.doNotCall };
  }
}
