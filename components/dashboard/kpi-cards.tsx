// The headline figures, each card streaming in its own <Suspense>. The cards share one query per
// request (React cache), so six cards cost one pass over the calls.
import Link from "next/link";
import { cache, Suspense } from "react";
import type { CallFilters } from "@/lib/calls/call-filters";
import { callsHref } from "@/lib/dashboard/calls-link";
import { getCallKpis, type CallKpis } from "@/lib/dashboard/get-call-kpis";
import { formatDuration, formatPercent } from "@/lib/ui/format";
import { KpiSkeleton } from "./skeletons";

/** getCallKpis, once per request and filters object. */
export const kpisOnce = cache(getCallKpis);

export type KpiName = "calls" | "connectedRate" | "interestedRate" | "averageDuration" | "callbacks" | "doNotCall";

const LABELS: Record<KpiName, string> = {
  calls: "Calls",
  connectedRate: "Connected rate",
  interestedRate: "Interested rate",
  averageDuration: "Average duration",
  callbacks: "Callbacks requested",
  doNotCall: "Do-not-call requests",
};

const ALL_KPIS: KpiName[] = ["calls", "connectedRate", "interestedRate", "averageDuration", "callbacks", "doNotCall"];

export function KpiCards({ filters, locale, kpis = ALL_KPIS }: { filters: CallFilters; locale?: string; kpis?: KpiName[] }) {
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
      {kpis.map((name) => (
        <Suspense key={name} fallback={<KpiSkeleton label={LABELS[name]} />}>
          <KpiCard name={name} filters={filters} locale={locale} />
        </Suspense>
      ))}
    </div>
  );
}

async function KpiCard({ name, filters, locale }: { name: KpiName; filters: CallFilters; locale?: string }) {
  const kpis = await kpisOnce(filters);
  const { value, detail, href } = figure(name, kpis, filters, new Intl.NumberFormat(locale), locale);
  return (
    <div data-kpi={name} className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <p className="text-sm text-slate-600 dark:text-slate-400">{LABELS[name]}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums" data-kpi-value>
        {href ? <Link href={href} className="hover:underline">{value}</Link> : value}
      </p>
      <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{detail}</p>
    </div>
  );
}

function figure(name: KpiName, k: CallKpis, filters: CallFilters, n: Intl.NumberFormat, locale?: string): { value: string; detail: string; href: string | null } {
  switch (name) {
    case "calls":
      return { value: n.format(k.calls), detail: k.calls === 1 ? "call in range" : "calls in range", href: callsHref(filters) };
    case "connectedRate":
      return { value: formatPercent(k.connected, k.calls, locale), detail: `${n.format(k.connected)} of ${n.format(k.calls)} calls answered`, href: null };
    case "interestedRate":
      return {
        value: formatPercent(k.interested, k.connected, locale),
        detail: `${n.format(k.interested)} interested of ${n.format(k.connected)} connected`,
        href: callsHref(filters, { status: ["INTERESTED"] }),
      };
    case "averageDuration":
      return { value: formatDuration(k.averageDuration), detail: "per connected call (m:ss)", href: null };
    case "callbacks":
      return { value: n.format(k.callbacks), detail: "asked to be called later", href: callsHref(filters, { status: ["CALL_ME_LATER"] }) };
    case "doNotCall":
      return { value: n.format(k.doNotCall), detail: "asked not to be called", href: callsHref(filters, { status: ["DO_NOT_CALL"] }) };
  }
}
