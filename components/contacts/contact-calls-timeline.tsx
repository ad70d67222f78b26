// Every call with one person, newest first, across campaigns: outcome, duration, campaign, key
// answers and the start of the transcript, each linking to its call page.
import { KeyAnswers } from "@/components/key-answers";
import Link from "next/link";
import type { ContactDetail } from "@/lib/contacts/get-contact";
import { formatDuration } from "@/lib/ui/format";
import { LocalTime } from "@/components/local-time";
import { StatusBadge } from "@/components/status-badge";

export function ContactCallsTimeline({ calls }: { calls: ContactDetail["calls"] }) {
  return (
    <ol className="space-y-3" aria-label="Calls with this contact, newest first">
      {calls.map((call) => (
        <li key={call.id} data-call={call.id} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <Link href={`/calls/${encodeURIComponent(call.id)}`} className="font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">
              <LocalTime iso={call.createdAt} />
            </Link>
            <StatusBadge value={call.status} />
            <span className="tabular-nums text-slate-600 dark:text-slate-400">{formatDuration(call.duration)}</span>
            <span className="text-slate-600 dark:text-slate-400">{call.campaign ? (call.campaign.name ?? call.campaign.id) : "No campaign"}</span>
            {call.isTestCall && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">Test</span>}
          </div>
          <KeyAnswers answers={call.answers} className="mt-2" />
          {call.transcriptExcerpt && (
            <p className="mt-2 line-clamp-2 text-sm text-slate-700 italic dark:text-slate-300">{call.transcriptExcerpt}{call.transcriptExcerpt.length >= 240 ? "…" : ""}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
