// The date range and test-call choice of a dashboard page, as a plain GET form: the URL parameters
// are the calls list's own (from, to, test), so the page works without JavaScript and links share.
import Link from "next/link";
import { EMPTY_FILTERS, serializeCallFilters, type CallFilters } from "@/lib/calls/call-filters";
import { lastDays } from "@/lib/dashboard/dashboard-range";
import { dayIn } from "@/lib/time/time-zone";

const PRESETS = [7, 30, 90, 365] as const;

type Props = {
  /** The page the form submits to. */
  action: string;
  filters: CallFilters;
  /** Filters other than the range that the page keeps (e.g. campaign on the Overview). */
  keep?: ("campaign" | "status" | "callStatus" | "q")[];
  /** The viewer's zone (lib/time/viewer-time-zone.ts): the form's days are the filters' zone, named in the URL only when it differs. */
  viewerZone: string;
};

export function RangeForm({ action, filters, keep = [], viewerZone }: Props) {
  const zone = filters.timeZone;
  const kept: CallFilters = {
    ...EMPTY_FILTERS,
    campaign: keep.includes("campaign") ? filters.campaign : [],
    status: keep.includes("status") ? filters.status : [],
    callStatus: keep.includes("callStatus") ? filters.callStatus : [],
    q: keep.includes("q") ? filters.q : null,
    test: filters.test,
    from: null,
    to: null,
    timeZone: zone,
  };
  const hidden = [...serializeCallFilters({ ...kept, test: "exclude" }).entries()];
  // The form's dates are days of `zone`; a URL that chose another zone than the viewer's keeps it.
  if (zone !== viewerZone) hidden.push(["tz", zone]);
  const fromValue = filters.from ? dayIn(filters.from, zone) : "";
  const toValue = filters.to ? dayIn(new Date(filters.to.getTime() - 1), zone) : "";
  const presetFrom = (days: number) => dayIn(lastDays(days, zone).from, zone);
  const input =
    "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900 dark:[color-scheme:dark]";

  return (
    <div className="flex flex-col gap-3 lg:flex-row lg:items-end lg:justify-between">
      <nav aria-label="Date range presets" className="flex flex-wrap gap-1 text-sm">
        {PRESETS.map((days) => {
          const href = `${action}?${serializeCallFilters({ ...kept, ...lastDays(days, zone) }, { timeZone: viewerZone }).toString()}`;
          const current = !filters.to && fromValue === presetFrom(days);
          return (
            <Link
              key={days}
              href={href}
              aria-current={current ? "true" : undefined}
              className={`rounded-md border px-2.5 py-1 ${
                current
                  ? "border-slate-900 bg-slate-900 text-white dark:border-slate-100 dark:bg-slate-100 dark:text-slate-900"
                  : "border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
              }`}
            >
              {days === 365 ? "12 months" : `${days} days`}
            </Link>
          );
        })}
      </nav>
      <form method="get" action={action} className="flex flex-wrap items-end gap-2 text-sm">
        {hidden.map(([name, value], i) => (
          <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
        ))}
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-600 dark:text-slate-400">From</span>
          <input type="date" name="from" defaultValue={fromValue} className={input} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-600 dark:text-slate-400">To (inclusive)</span>
          <input type="date" name="to" defaultValue={toValue} className={input} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-600 dark:text-slate-400">Test calls</span>
          <select name="test" defaultValue={filters.test} className={input}>
            <option value="exclude">Excluded</option>
            <option value="include">Included</option>
            <option value="only">Only test calls</option>
          </select>
        </label>
        <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-white">
          Apply
        </button>
      </form>
    </div>
  );
}

/** "Nov 1, 2026 – Nov 25, 2026 (days in Europe/Berlin)", for the page's subtitle. */
export function rangeText(start: Date, end: Date, locale: string | undefined, zone: string): string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: zone });
  return `${format.format(start)} – ${format.format(new Date(end.getTime() - 1))} (days in ${zone})`;
}
