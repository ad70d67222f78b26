// Campaigns (/campaigns): every campaign's calls in the range and its outcome mix.
import Link from "next/link";
import { NONE } from "@/lib/calls/call-filters";
import { dashboardRange } from "@/lib/dashboard/dashboard-range";
import { EMPTY_FILTERS, serializeCallFilters } from "@/lib/calls/call-filters";
import { viewerTimeZone } from "@/lib/time/viewer-time-zone";
import { callsHref } from "@/lib/dashboard/calls-link";
import { COUNTS, countFilters, INTEREST_RATE, type CountKey } from "@/lib/measures/glossary";
import { CampaignSelect } from "@/components/dashboard/campaign-select";
import { listCampaigns } from "@/lib/dashboard/list-campaigns";
import { requestLocale } from "@/lib/dashboard/request-locale";
import { formatPercent } from "@/lib/ui/format";
import { LocalTime } from "@/components/local-time";
import { OutcomeMixBar } from "@/components/dashboard/outcome-mix-bar";
import { RangeForm, rangeText } from "@/components/dashboard/range-form";
import { requireViewer } from "@/lib/auth/require-viewer";

export const dynamic = "force-dynamic";
export const metadata = { title: "Campaigns" };

// Each a figure of the glossary (lib/measures/glossary.ts), linked to exactly its calls.
const COLUMNS: CountKey[] = ["calls", "connected", "interested"];

export default async function CampaignsPage({ searchParams }: PageProps<"/campaigns">) {
  await requireViewer();
  const { zone } = await viewerTimeZone();
  const range = dashboardRange(await searchParams, { timeZone: zone });
  const filters = { ...range.filters, status: [], callStatus: [], q: null };
  const [campaigns, locale] = await Promise.all([listCampaigns(filters), requestLocale()]);
  const number = new Intl.NumberFormat(locale);
  // The range as days of the page's zone (`tz` only when the URL chose another than the viewer's).
  const rangeQuery = serializeCallFilters(
    { ...EMPTY_FILTERS, timeZone: filters.timeZone, test: filters.test, ...(range.isDefault ? {} : { from: filters.from, to: filters.to }) },
    { timeZone: zone },
  );
  const campaignHref = (id: string) => `/campaigns/${encodeURIComponent(id)}${rangeQuery.size > 0 ? `?${rangeQuery}` : ""}`;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Campaigns</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{rangeText(range.start, range.end, locale, filters.timeZone)}</p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {INTEREST_RATE.label}: {INTEREST_RATE.description.charAt(0).toLowerCase() + INTEREST_RATE.description.slice(1)}
        </p>
      </div>
      <div className="flex flex-col gap-3">
        <RangeForm action="/campaigns" filters={filters} viewerZone={zone} keep={["campaign"]} />
        <CampaignSelect action="/campaigns" filters={filters} />
      </div>
      {campaigns.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm dark:border-slate-700">
          <p>No campaigns yet. Campaigns appear here with their first call.</p>
          <p className="mt-2">
            <Link className="underline" href="/settings/webhook">Connect Voxia</Link> to start receiving calls.
          </p>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Campaigns with their calls and outcome mix in the selected range</caption>
            <thead className="text-xs text-slate-500 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-2 py-2 sm:px-4 font-medium">Campaign</th>
                {COLUMNS.map((key) => (
                  <th key={key} scope="col" className="px-2 py-2 sm:px-4 text-right font-medium" title={COUNTS[key].description}>
                    {COUNTS[key].label}
                    <span className="sr-only">: {COUNTS[key].description}</span>
                  </th>
                ))}
                <th scope="col" className="w-1/4 px-4 py-2 font-medium sm:w-2/5">Outcome mix</th>
                <th scope="col" className="hidden px-2 py-2 font-medium md:table-cell">Last call</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => {
                const name = c.name ?? c.id ?? "No campaign";
                const campaignFilters = { ...filters, campaign: [c.id ?? NONE] };
                return (
                  <tr key={c.id ?? ""} data-campaign={c.id ?? ""} className="border-t border-slate-200 dark:border-slate-800">
                    <th scope="row" className="px-2 py-2 sm:px-4 font-medium">
                      {c.id ? (
                        <Link className="underline-offset-2 hover:underline" href={campaignHref(c.id)}>{name}</Link>
                      ) : (
                        <span className="text-slate-500 dark:text-slate-400">Calls without a campaign</span>
                      )}
                      {c.id && c.name ? <span className="block text-xs font-normal break-all text-slate-500 dark:text-slate-400">{c.id}</span> : null}
                    </th>
                    {COLUMNS.map((key) => {
                      const count = c.measures[key];
                      return (
                        <td key={key} className="px-2 py-2 sm:px-4 text-right tabular-nums" data-measure={key} data-count={count} {...(key === "calls" ? { "data-total": c.total } : {})}>
                          {count > 0 ? <Link className="underline" href={callsHref(countFilters(campaignFilters, key))}>{number.format(count)}</Link> : number.format(count)}
                          {key === "interested" ? (
                            <span className="ml-1 block text-xs text-slate-500 sm:inline dark:text-slate-400" title={INTEREST_RATE.description}>
                              {formatPercent(c.measures.interested, c.measures.connected, locale)}<span className="sr-only"> of connected calls</span>
                            </span>
                          ) : null}
                        </td>
                      );
                    })}
                    <td className="px-2 py-2 sm:px-4">
                      <OutcomeMixBar byStatus={c.byStatus} filters={campaignFilters} campaignName={name} locale={locale} />
                    </td>
                    <td className="hidden px-2 py-2 whitespace-nowrap text-slate-600 md:table-cell dark:text-slate-400">
                      {c.lastCallAt ? <LocalTime iso={c.lastCallAt.toISOString()} /> : "—"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
