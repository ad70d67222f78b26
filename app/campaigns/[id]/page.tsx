// A campaign (/campaigns/{id}): its figures, funnel, outcomes over time and key-question answers.
import Link from "next/link";
import { notFound } from "next/navigation";
import { isSignedIn, requireViewer } from "@/lib/auth/require-viewer";
import { cache, Suspense } from "react";
import { serializeCallFilters, type CallFilters } from "@/lib/calls/call-filters";
import { callsHref } from "@/lib/dashboard/calls-link";
import { dashboardRange } from "@/lib/dashboard/dashboard-range";
import { viewerTimeZone } from "@/lib/time/viewer-time-zone";
import { getCampaign } from "@/lib/dashboard/get-campaign";
import { requestLocale } from "@/lib/dashboard/request-locale";
import { LocalTime } from "@/components/local-time";
import { CallsOverTime } from "@/components/dashboard/calls-over-time";
import { Funnel, FUNNEL_TITLE } from "@/components/dashboard/funnel";
import { KeyQuestions, KEY_QUESTIONS_TITLE } from "@/components/dashboard/key-questions";
import { KpiCards } from "@/components/dashboard/kpi-cards";
import { OutcomeDistribution, OUTCOME_DISTRIBUTION_TITLE } from "@/components/dashboard/outcome-distribution";
import { RangeForm, rangeText } from "@/components/dashboard/range-form";
import { ChartSkeleton } from "@/components/dashboard/skeletons";

export const dynamic = "force-dynamic";

const OUTCOMES_OVER_TIME_TITLE = "Outcomes over time";
// The metadata and the page both need the campaign: one lookup per request.
const campaignOnce = cache(getCampaign);

export async function generateMetadata({ params }: PageProps<"/campaigns/[id]">) {
  if (!(await isSignedIn())) return { title: "Campaign" };
  const campaign = await campaignOnce(decodeURIComponent((await params).id));
  return { title: campaign ? (campaign.name ?? campaign.id) : "Campaign not found" };
}

export default async function CampaignPage({ params, searchParams }: PageProps<"/campaigns/[id]">) {
  await requireViewer();
  const id = decodeURIComponent((await params).id);
  const { zone } = await viewerTimeZone();
  const [campaign, range, locale] = await Promise.all([campaignOnce(id), searchParams.then((p) => dashboardRange(p, { timeZone: zone })), requestLocale()]);
  if (!campaign) notFound();
  // This page is about one campaign: only the range and the test-call choice come from the URL.
  const filters: CallFilters = { ...range.filters, campaign: [campaign.id], status: [], callStatus: [], q: null };
  const key = serializeCallFilters(filters).toString();
  const action = `/campaigns/${encodeURIComponent(campaign.id)}`;

  return (
    <div className="space-y-6">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
          <Link href="/campaigns" className="hover:underline">Campaigns</Link> <span aria-hidden>/</span>
        </nav>
        <h1 className="mt-1 text-xl font-semibold break-words">{campaign.name ?? campaign.id}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          <span className="break-all">{campaign.id}</span> · last call <LocalTime iso={campaign.lastCallAt.toISOString()} /> ·{" "}
          <Link className="underline" href={callsHref(filters)}>calls in this range</Link>
        </p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{rangeText(range.start, range.end, locale, filters.timeZone)}</p>
      </div>
      <RangeForm action={action} filters={filters} viewerZone={zone} />
      <KpiCards key={`kpis-${key}`} filters={filters} locale={locale} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Suspense key={`funnel-${key}`} fallback={<ChartSkeleton title={FUNNEL_TITLE} height="h-48" />}>
          <Funnel filters={filters} locale={locale} />
        </Suspense>
        <Suspense key={`outcomes-${key}`} fallback={<ChartSkeleton title={OUTCOME_DISTRIBUTION_TITLE} height="h-48" />}>
          <OutcomeDistribution filters={filters} locale={locale} />
        </Suspense>
      </div>
      <Suspense key={`time-${key}`} fallback={<ChartSkeleton title={OUTCOMES_OVER_TIME_TITLE} />}>
        <CallsOverTime filters={filters} range={range} locale={locale} title={OUTCOMES_OVER_TIME_TITLE} />
      </Suspense>
      <Suspense key={`questions-${key}`} fallback={<ChartSkeleton title={KEY_QUESTIONS_TITLE} height="h-40" />}>
        <KeyQuestions filters={filters} locale={locale} />
      </Suspense>
    </div>
  );
}
