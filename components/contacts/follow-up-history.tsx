// A contact's follow-up items, each with every change made to it, newest first: who did what when,
// with the outcome and note, or the call that opened or reopened it.
import Link from "next/link";
import type { ContactDetail } from "@/lib/contacts/get-contact";
import { FOLLOW_UP_QUEUES } from "@/lib/contacts/contact-state-sql";
import { OUTCOME_TITLES, type FollowUpOutcome } from "@/lib/follow-ups/follow-up-vocabulary";
import { formatWaiting } from "@/lib/ui/format";
import { LocalTime } from "@/components/local-time";
import { FollowUpStateBadge } from "@/components/follow-ups/follow-up-state-badge";

export function FollowUpHistory({ items }: { items: ContactDetail["followUps"] }) {
  if (items.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">This contact has never been in a follow-up queue.</p>;
  return (
    <div className="space-y-4">
      {items.map((item) => (
        <article key={item.id} data-follow-up={item.id} data-queue={item.queue} className="space-y-2">
          <header className="flex flex-wrap items-center gap-2">
            <h3 className="font-medium">{FOLLOW_UP_QUEUES[item.queue]?.title ?? item.queue}</h3>
            <FollowUpStateBadge state={item.state} outcome={item.outcome} />
            {item.state === "snoozed" && item.snoozeUntil && (
              <span className="text-sm text-slate-600 dark:text-slate-400">until <LocalTime iso={item.snoozeUntil} dateOnly /></span>
            )}
            {item.state === "open" && item.inQueue && <span className="text-sm text-slate-600 dark:text-slate-400">{formatWaiting(item.waitingSeconds)}</span>}
            {!item.inQueue && <span className="text-sm text-slate-600 dark:text-slate-400">(not in the queue now: {item.contact.suppressed ? "the number is on the do-not-call list" : "the latest call no longer qualifies"})</span>}
            {item.inQueue && item.state !== "done" && (
              <Link href={`/follow-ups?queue=${item.queue}&state=${item.state}`} className="text-sm text-blue-700 underline dark:text-blue-300">Open the queue</Link>
            )}
          </header>
          <ol className="space-y-1.5 border-l-2 border-slate-200 pl-4 text-sm dark:border-slate-700" aria-label={`History of the ${FOLLOW_UP_QUEUES[item.queue]?.title ?? item.queue} item`}>
            {(item.changes ?? []).map((change, i) => (
              <li key={i} data-change={change.state}>
                <span className="text-slate-600 dark:text-slate-400"><LocalTime iso={change.at} /></span>
                {" · "}
                <span className="font-medium">{change.by ?? "Callboard"}</span>
                {" · "}
                <FollowUpStateBadge state={change.state as never} outcome={change.outcome as FollowUpOutcome | null} />
                {change.state === "snoozed" && change.snoozeUntil && <> until <LocalTime iso={change.snoozeUntil} dateOnly /></>}
                {change.reason && (
                  <span className="text-slate-700 dark:text-slate-300">
                    {" "}— {change.reason}
                    {change.callId && <> (<Link href={`/calls/${encodeURIComponent(change.callId)}`} className="text-blue-700 underline dark:text-blue-300">the call</Link>)</>}
                  </span>
                )}
                {change.note && <p className="mt-0.5 whitespace-pre-wrap text-slate-800 dark:text-slate-200" data-note>“{change.note}”</p>}
                {change.state === "done" && change.outcome && !OUTCOME_TITLES[change.outcome as FollowUpOutcome] && <span> ({change.outcome})</span>}
              </li>
            ))}
          </ol>
        </article>
      ))}
    </div>
  );
}
