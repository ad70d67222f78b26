// /suppression – the numbers that must not be called again (the do-not-call list) and the wrong
// numbers, one row per normalised number with why, since when and the call it came from; members
// download either list as CSV for re-import into Voxia or a CRM.
import Link from "next/link";
import { requireViewer } from "@/lib/auth/require-viewer";
import { hasRole } from "@/lib/auth/viewer";
import { phoneViewFor } from "@/lib/calls/phone-view";
import { getOne } from "@/lib/calls/call-filters";
import { countSuppressedNumbers, decodeSuppressionCursor, listSuppressedNumbers, REASON_TITLES, SUPPRESSION_LISTS, suppressedNumberJson, type SuppressionList } from "@/lib/suppression/suppressed-numbers";
import { LocalTime } from "@/components/local-time";
import { KeysetPagination } from "@/components/keyset-pagination";

export const dynamic = "force-dynamic";
export const metadata = { title: "Do not call" };

const PAGE_SIZE = 100;
const LIST_TITLES: Record<SuppressionList, string> = { do_not_call: "Do not call", wrong_number: "Wrong numbers" };
const LIST_HELP: Record<SuppressionList, string> = {
  do_not_call: "Numbers that asked not to be called, or are on a do-not-call registry. They never appear in a follow-up queue.",
  wrong_number: "Numbers that reached someone else: the person the campaign meant is not at this number.",
};

const cell = "block break-words md:[overflow-wrap:anywhere] px-3 py-1 md:table-cell md:py-2 md:align-top before:mr-2 before:text-xs before:font-medium before:text-slate-500 before:whitespace-nowrap before:content-[attr(data-label)] md:before:content-none dark:before:text-slate-400";

export default async function SuppressionPage({ searchParams }: PageProps<"/suppression">) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const requested = getOne(params, "list");
  const list: SuppressionList = (SUPPRESSION_LISTS as readonly string[]).includes(requested ?? "") ? (requested as SuppressionList) : "do_not_call";
  const cursorParam = getOne(params, "cursor");
  const beforeParam = getOne(params, "before");
  const cursor = cursorParam ? decodeSuppressionCursor(cursorParam) : null;
  const before = !cursor && beforeParam ? decodeSuppressionCursor(beforeParam) : null;
  const [counts, page] = await Promise.all([
    Promise.all(SUPPRESSION_LISTS.map((l) => countSuppressedNumbers(l))),
    listSuppressedNumbers(list, { cursor, before, limit: PAGE_SIZE }),
  ]);
  const numbers = page.numbers.map((row) => suppressedNumberJson(row, phoneViewFor(viewer)));
  const count = counts[SUPPRESSION_LISTS.indexOf(list)]!;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-baseline gap-3">
          <h1 className="text-xl font-semibold">Do not call</h1>
          <p className="text-sm text-slate-600 tabular-nums dark:text-slate-400" data-suppressed-count={count} aria-live="polite">
            {count.toLocaleString("en-US")} {count === 1 ? "number" : "numbers"}
          </p>
        </div>
        {hasRole(viewer, "member") && (
          <a
            href={`/api/suppression/export?list=${list}`}
            download
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
          >
            Download CSV<span className="sr-only"> of the {LIST_TITLES[list].toLowerCase()} list</span>
          </a>
        )}
      </div>
      <nav aria-label="Lists" className="flex flex-wrap gap-2 border-b border-slate-200 dark:border-slate-800">
        {SUPPRESSION_LISTS.map((l, i) => (
          <Link
            key={l}
            href={`/suppression?list=${l}`}
            aria-current={l === list ? "page" : undefined}
            className={`-mb-px inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium ${l === list ? "border-blue-600 text-blue-800 dark:border-blue-400 dark:text-blue-200" : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"}`}
          >
            {LIST_TITLES[l]}
            <span className="rounded-full bg-slate-200 px-2 text-xs tabular-nums text-slate-800 dark:bg-slate-700 dark:text-slate-100">{counts[i]!.toLocaleString("en-US")}</span>
          </Link>
        ))}
      </nav>
      <p className="text-sm text-slate-600 dark:text-slate-400">{LIST_HELP[list]}</p>
      {numbers.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
          <p className="font-medium">{cursor || before ? "No more numbers." : "No numbers on this list."}</p>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">A number is added as soon as a call says so.</p>
        </div>
      ) : (
        <table className="block w-full text-left text-sm md:table">
          <caption className="sr-only">{LIST_TITLES[list]}, most recently added first</caption>
          <thead className="sr-only md:not-sr-only">
            <tr className="border-b border-slate-200 text-xs tracking-wide text-slate-500 uppercase dark:border-slate-800 dark:text-slate-400">
              {["Number", "Name", "Reason", "First seen", "Last seen", "Calls"].map((h) => (
                <th key={h} scope="col" className={`px-3 py-2 font-medium ${h === "Calls" ? "md:text-right" : ""}`}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody className="block space-y-3 md:table-row-group md:space-y-0">
            {numbers.map((n) => (
              <tr key={n.phone + n.callId} data-number={n.callId} className="grid grid-cols-2 rounded-lg border border-slate-200 bg-white py-2 md:table-row md:rounded-none md:border-0 md:border-b md:bg-transparent md:py-0 dark:border-slate-800 dark:bg-slate-900 md:dark:bg-transparent">
                <td className={`${cell} col-span-2 font-mono`} data-label="Number">{n.phone}</td>
                <td className={`${cell} col-span-2`} data-label="Name">
                  {n.contactId ? (
                    <Link href={`/contacts/${encodeURIComponent(n.contactId)}`} className="font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">{n.name || "Contact"}</Link>
                  ) : (n.name ?? <span className="text-slate-500">—</span>)}
                </td>
                <td className={`${cell} col-span-2`} data-label="Reason" title={n.reason}>{REASON_TITLES[n.reason] ?? n.reason}</td>
                <td className={`${cell} col-span-2 md:whitespace-nowrap`} data-label="First seen">
                  <Link href={`/calls/${encodeURIComponent(n.callId)}`} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300" title="The call that put it on the list">
                    <LocalTime iso={n.firstSeenAt} />
                  </Link>
                </td>
                <td className={`${cell} col-span-2 text-slate-600 md:whitespace-nowrap dark:text-slate-300`} data-label="Last seen"><LocalTime iso={n.lastSeenAt} /></td>
                <td className={`${cell} tabular-nums md:text-right`} data-label="Calls">{n.calls}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <KeysetPagination
        path="/suppression"
        query={`list=${list}`}
        label="Pages of numbers"
        nextCursor={page.nextCursor}
        prevCursor={page.prevCursor}
        onFirstPage={!cursor && !before}
        firstLabel="Most recent"
        prevLabel="Later"
        nextLabel="Earlier"
      />
    </div>
  );
}
