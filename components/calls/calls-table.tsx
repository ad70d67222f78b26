// The calls table. Below the md breakpoint each row becomes a card of labelled fields, two to a line,
// so it reads on a phone without sideways scrolling.
import Link from "next/link";
import type { CallSummaryJson } from "@/lib/calls/call-json";
import { formatDuration } from "@/lib/ui/format";
import { humanize } from "@/lib/voxia/vocabulary";
import { LocalTime } from "@/components/local-time";
import { StatusBadge } from "@/components/status-badge";

const cell = "block break-words md:[overflow-wrap:anywhere] px-3 py-1 md:table-cell md:py-2 md:align-top before:mr-2 before:text-xs before:font-medium before:text-slate-500 before:whitespace-nowrap before:content-[attr(data-label)] md:before:content-none dark:before:text-slate-400";

export function CallsTable({ calls, query }: { calls: CallSummaryJson[]; query: string }) {
  return (
    <table className="block w-full text-left text-sm md:table">
      <caption className="sr-only">Calls, newest first</caption>
      <thead className="sr-only md:not-sr-only">
        <tr className="border-b border-slate-200 text-xs tracking-wide text-slate-500 uppercase dark:border-slate-800 dark:text-slate-400">
          {["Time", "Contact", "Campaign", "Status", "Call status", "Hang-up reason", "Duration", "Interested"].map((h) => (
            <th key={h} scope="col" className={`px-3 py-2 font-medium ${h === "Duration" ? "md:text-right" : ""}`}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody className="block space-y-3 md:table-row-group md:space-y-0">
        {calls.map((call) => (
          <tr
            key={call.id}
            className="grid grid-cols-2 rounded-lg border border-slate-200 bg-white py-2 md:table-row md:rounded-none md:border-0 md:border-b md:bg-transparent md:py-0 dark:border-slate-800 dark:bg-slate-900 md:dark:bg-transparent"
          >
            <td className={`${cell} col-span-2 whitespace-nowrap text-slate-600 dark:text-slate-300`} data-label="Time">
              <LocalTime iso={call.createdAt} />
            </td>
            <td className={`${cell} col-span-2`} data-label="Contact">
              <Link
                href={`/calls/${encodeURIComponent(call.id)}${query ? `?${query}` : ""}`}
                className="font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-300"
              >
                {call.contact.name || call.contact.phoneNumber || call.id}
              </Link>
              {call.contact.name && call.contact.phoneNumber && (
                <span className="ml-2 font-mono text-xs text-slate-500 md:ml-0 md:block dark:text-slate-400">{call.contact.phoneNumber}</span>
              )}
              {call.isTestCall && (
                <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">Test</span>
              )}
            </td>
            <td className={cell} data-label="Campaign">
              {call.campaign ? (call.campaign.name ?? <span className="font-mono text-xs">{call.campaign.id}</span>) : <span className="text-slate-500">—</span>}
            </td>
            <td className={cell} data-label="Status">
              <StatusBadge value={call.status} />
            </td>
            <td className={cell} data-label="Call status">
              {call.callStatus ? humanize(call.callStatus) : <span className="text-slate-500">—</span>}
            </td>
            <td className={cell} data-label="Hang-up reason">
              {call.hangUpReason ? humanize(call.hangUpReason) : <span className="text-slate-500">—</span>}
            </td>
            <td className={`${cell} tabular-nums md:text-right`} data-label="Duration">
              {formatDuration(call.duration)}
            </td>
            <td className={cell} data-label="Interested">
              <YesNo value={call.interested.reached} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function YesNo({ value }: { value: boolean | null }) {
  if (value === null) return <span className="text-slate-500">—</span>;
  return value ? <span className="font-medium text-green-700 dark:text-green-400">Yes</span> : <span>No</span>;
}
