// /live – calls in progress right now (latest stage DIALING, CONNECTED or FORWARDED) with how long
// each has been going; a call moves out as its HANG_UP (or any later stage) arrives.
import Link from "next/link";
import { requireViewer } from "@/lib/auth/require-viewer";
import { LIST_PHONE_VIEW } from "@/lib/calls/phone-view";
import { listLiveCalls, STALE_HOURS } from "@/lib/live/list-live-calls";
import { LiveRefresh } from "@/components/live/live-refresh";
import { Elapsed } from "@/components/live/elapsed";
import { LocalTime } from "@/components/local-time";

export const dynamic = "force-dynamic";
export const metadata = { title: "Live" };

const STAGE_TITLES: Record<string, string> = { DIALING: "Dialing", CONNECTED: "Connected", FORWARDED: "Forwarded" };
const cell = "px-3 py-2 align-top";

export default async function LivePage() {
  await requireViewer();
  const { calls, more } = await listLiveCalls(LIST_PHONE_VIEW);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-xl font-semibold">Live</h1>
        <LiveRefresh types={["call.created", "call.updated"]} everyMs={1000} />
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <span data-live-count>{calls.length}{more ? "+" : ""}</span> {calls.length === 1 && !more ? "call" : "calls"} in progress. A call whose
          last delivery is over {STALE_HOURS} hours old is not shown.
        </p>
      </div>
      {calls.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No call is in progress. Calls appear here when Voxia sends their DIALING or CONNECTED webhook.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800">
          <table className="w-full text-sm">
            <caption className="sr-only">Calls in progress</caption>
            <thead className="bg-slate-50 text-left text-xs text-slate-600 dark:bg-slate-900 dark:text-slate-400">
              <tr>
                <th scope="col" className={cell}>Contact</th>
                <th scope="col" className={cell}>Campaign</th>
                <th scope="col" className={cell}>Stage</th>
                <th scope="col" className={cell}>Going for</th>
                <th scope="col" className={cell}>Started</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((call) => (
                <tr key={call.id} data-live-call={call.id} className="border-t border-slate-200 dark:border-slate-800">
                  <td className={cell}>
                    <Link href={`/calls/${encodeURIComponent(call.id)}`} className="font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">
                      {call.contactName || call.phoneNumber || call.id}
                    </Link>
                    {call.contactName && call.phoneNumber && <span className="block text-xs text-slate-600 dark:text-slate-400">{call.phoneNumber}</span>}
                    {call.isTestCall && <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">Test</span>}
                  </td>
                  <td className={cell}>{call.campaign ? (call.campaign.name ?? call.campaign.id) : "—"}</td>
                  <td className={cell}>
                    <span className="inline-flex items-center gap-1.5">
                      <span aria-hidden className={`h-2 w-2 rounded-full ${call.stage === "DIALING" ? "bg-amber-500" : "animate-pulse bg-emerald-500"}`} />
                      {STAGE_TITLES[call.stage] ?? call.stage}
                    </span>
                  </td>
                  <td className={cell}>
                    <Elapsed since={call.firstReceivedAt} label="First delivery received" />
                  </td>
                  <td className={cell}>
                    <LocalTime iso={call.createdAt} withSeconds />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
