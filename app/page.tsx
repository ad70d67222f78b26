// Overview (/): the headline figures and charts for a date range (default: the last 30 days).
import { searchFor } from "@/lib/calls/phone-view";
import { LiveRefresh } from "@/components/live/live-refresh";
import { Suspense } from "react";
import { serializeCallFilters } from "@/lib/calls/call-filters";
import { dashboardRange } from "@/lib/dashboard/dashboard-range";
import { bucketUnitFor } from "@/lib/dashboard/get-calls-over-time";
import { requestLocale } from "@/lib/dashboard/request-locale";
import { KpiCards } from "@/components/dashboard/kpi-cards";
import { OutcomesByCampaign, OUTCOMES_BY_CAMPAIGN_TITLE } from "@/components/dashboard/outcomes-by-campaign";
import { CallsOverTime, callsOverTimeTitle } from "@/components/dashboard/calls-over-time";
import { CampaignSelect } from "@/components/dashboard/campaign-select";
import { RangeForm, rangeText } from "@/components/dashboard/range-form";
import { ChartSkeleton } from "@/components/dashboard/skeletons";
import { requireViewer } from "@/lib/auth/require-viewer";
import { viewerTimeZone } from "@/lib/time/viewer-time-zone";

export const dynamic = "force-dynamic";
export const metadata = { title: "Overview" };

export default async function OverviewPage({ searchParams }: PageProps<"/">) {
  const viewer = await requireViewer();
  const { zone } = await viewerTimeZone();
  const range = dashboardRange(await searchParams, { timeZone: zone });
  const filters = searchFor(range.filters, viewer);
  const locale = await requestLocale();
  // Keyed by the filters so the skeletons come back while a new range loads.
  const key = serializeCallFilters(filters).toString();
  const narrowed = filters.status.length > 0 || filters.callStatus.length > 0 || filters.q;

  return (
    <div className="space-y-6">
      <div>
        <div className="flex items-baseline gap-3">
          <h1 className="text-xl font-semibold">Overview</h1>
          <LiveRefresh types={["call.created", "call.updated"]} everyMs={5000} />
        </div>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {rangeText(range.start, range.end, locale, filters.timeZone)}
          {filters.test === "exclude" ? " · test calls excluded" : filters.test === "only" ? " · test calls only" : " · test calls included"}
          {narrowed ? " · narrowed by the filters in the address" : ""}
        </p>
      </div>
      <div className="flex flex-col gap-3">
        <RangeForm action="/" filters={filters} viewerZone={zone} keep={["campaign", "status", "callStatus", "q"]} />
        <CampaignSelect action="/" filters={filters} />
      </div>
      <KpiCards key={`kpis-${key}`} filters={filters} locale={locale} />
      <div className="grid gap-6 xl:grid-cols-2">
        <Suspense key={`campaigns-${key}`} fallback={<ChartSkeleton title={OUTCOMES_BY_CAMPAIGN_TITLE} />}>
          <OutcomesByCampaign filters={filters} locale={locale} />
        </Suspense>
        <Suspense key={`days-${key}`} fallback={<ChartSkeleton title={callsOverTimeTitle(bucketUnitFor(range.start, range.end))} />}>
          <CallsOverTime filters={filters} range={range} locale={locale} />
        </Suspense>
      </div>
    </div>
  );
}
