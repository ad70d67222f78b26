"use client";
// A follow-up queue's items as cards: who to call (the full number as a tel: link for members, masked
// for viewers), what they said, how long they have waited, why the item came back. Members act on
// one item or, with the checkboxes, on several at once.
//
// The page refreshes live (someone else's change, a new call), but never under a person's hands: an
// item someone has selected or opened a form on is kept, at its position and at the version they
// started from, until they finish — so a change someone else made meanwhile is reported by the
// version check (409), not silently taken in, and a half-written note is not lost. The card says
// that it changed, or that it left this list.
import { KeyAnswers } from "@/components/key-answers";
import Link from "next/link";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import type { FollowUpJson } from "@/lib/follow-ups/follow-up-json";
import { FOLLOW_UP_OUTCOMES, OUTCOME_TITLES, type FollowUpOutcome } from "@/lib/follow-ups/follow-up-vocabulary";
import { formatWaiting } from "@/lib/ui/format";
import { LocalTime } from "@/components/local-time";
import { StatusBadge } from "@/components/status-badge";
import { useTimeZone } from "@/components/time-zone-context";
import { FollowUpStateBadge } from "./follow-up-state-badge";
import { FollowUpActions, buttonClass, inputClass } from "./follow-up-actions";
import { changeFollowUps, snoozeInstant } from "./follow-up-requests";
import { tomorrowIn } from "./tomorrow";

const nameOf = (item: FollowUpJson) => item.contact.name || item.contact.phoneNumber || item.contact.id;

/** An item a person is working on: as it was when they started, and how (selected, a form open). */
type Held = { item: FollowUpJson; selected: boolean; form: boolean };
/** A card: the item as the server shows it now (or, gone from the list, as it was), and the copy acted on. */
type Shown = { item: FollowUpJson; actOn: FollowUpJson; gone: boolean; changed: boolean; selected: boolean };

export function FollowUpQueue({ items, canAct, empty }: { items: FollowUpJson[]; canAct: boolean; empty: React.ReactNode }) {
  const [held, setHeld] = useState<ReadonlyMap<string, Held>>(new Map());
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  // The order cards are shown in: the server's, with held items that left it kept where they were.
  const [order, setOrder] = useState({ items, ids: items.map((i) => i.id) });
  if (order.items !== items) {
    const ids = items.map((i) => i.id);
    const now = new Set(ids);
    order.ids.forEach((id, index) => {
      if (held.has(id) && !now.has(id)) ids.splice(Math.min(index, ids.length), 0, id);
    });
    setOrder({ items, ids });
  }
  const current = new Map(items.map((i) => [i.id, i]));
  const shown: Shown[] = order.ids.flatMap((id) => {
    const now = current.get(id);
    const h = held.get(id);
    if (!now && !h) return [];
    const actOn = h?.item ?? now!;
    return [{ item: now ?? actOn, actOn, gone: !now, changed: !!now && now.version !== actOn.version, selected: !!h?.selected }];
  });

  const hold = (item: FollowUpJson, how: "selected" | "form", on: boolean) => setHeld((before) => {
    const next = new Map(before);
    const h = { ...(before.get(item.id) ?? { item, selected: false, form: false }), [how]: on };
    if (h.selected || h.form) next.set(item.id, h);
    else next.delete(item.id);
    return next;
  });
  const selectAll = (all: boolean) => setHeld((before) => {
    const next = new Map<string, Held>();
    for (const s of shown) {
      const h = before.get(s.item.id) ?? { item: s.actOn, selected: false, form: false };
      if (all || h.form) next.set(s.item.id, { ...h, selected: all });
    }
    return next;
  });
  const report = (text: string, error: boolean) => setNotice({ text, error });
  const chosen = shown.filter((s) => s.selected);
  if (shown.length === 0) return empty;
  return (
    <div className="space-y-3">
      {canAct && (
        <BulkBar
          shown={shown}
          chosen={chosen}
          onSelectAll={selectAll}
          onDone={() => selectAll(false)}
          onResult={report}
        />
      )}
      <p role="status" aria-live="polite" className={`text-sm font-medium empty:hidden ${notice?.error ? "rounded-md border border-red-300 bg-red-50 p-2 text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-200" : "text-green-800 dark:text-green-300"}`} data-notice>
        {notice?.text}
      </p>
      <ul className="space-y-3" aria-label="Items">
        {shown.map((s) => (
          <FollowUpCard
            key={s.item.id}
            shown={s}
            canAct={canAct}
            onToggle={() => hold(s.actOn, "selected", !s.selected)}
            onWorking={(working) => hold(s.actOn, "form", working)}
            onResult={report}
          />
        ))}
      </ul>
    </div>
  );
}

function FollowUpCard({ shown, canAct, onToggle, onWorking, onResult }: {
  shown: Shown;
  canAct: boolean;
  onToggle: () => void;
  onWorking: (working: boolean) => void;
  onResult: (text: string, error: boolean) => void;
}) {
  const { item, selected } = shown;
  const name = nameOf(item);
  const checkId = useId();
  const call = item.call;
  return (
    <li
      data-follow-up={item.id}
      data-contact={item.contact.id}
      className={`rounded-lg border bg-white p-4 dark:bg-slate-900 ${selected ? "border-blue-500 ring-1 ring-blue-500" : "border-slate-200 dark:border-slate-800"}`}
    >
      <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
        {canAct && (
          <input id={checkId} type="checkbox" checked={selected} onChange={onToggle} className="mt-1.5 size-4" aria-label={`Select ${name}`} />
        )}
        <div className="min-w-0 flex-1 space-y-1">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <Link href={`/contacts/${encodeURIComponent(item.contact.id)}`} className="text-base font-semibold text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">
              {name}
            </Link>
            {item.contact.phoneNumber &&
              (item.contact.phoneNumberMasked ? (
                <span className="font-mono text-sm text-slate-600 dark:text-slate-400" title="Numbers are shown in full to members">{item.contact.phoneNumber}</span>
              ) : (
                <a href={`tel:${item.contact.phoneNumber}`} className="font-mono text-sm text-blue-700 underline dark:text-blue-300" data-tel>
                  {item.contact.phoneNumber}
                </a>
              ))}
            {item.state === "open" && <span className="text-sm font-medium text-slate-700 dark:text-slate-300" data-waiting>{formatWaiting(item.waitingSeconds)}</span>}
            {item.state !== "open" && <FollowUpStateBadge state={item.state} outcome={item.outcome} />}
            {item.state === "snoozed" && item.snoozeUntil && <span className="text-sm text-slate-600 dark:text-slate-400">until <LocalTime iso={item.snoozeUntil} dateOnly /></span>}
          </div>
          {(shown.gone || shown.changed) && (
            <p className="rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-sm font-medium text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200" data-changed-elsewhere={shown.gone ? "gone" : "changed"}>
              {shown.gone
                ? "Changed by someone else since you started: it has left this list. Saving will say what changed."
                : "Changed since you started (someone else, or a new call). Saving will say what changed."}
            </p>
          )}
          {item.reopenedReason && item.state === "open" && (
            <p className="text-sm font-medium text-amber-800 dark:text-amber-300" data-reopened>Reopened: {item.reopenedReason}</p>
          )}
          {call && (
            <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600 dark:text-slate-400">
              <StatusBadge value={call.status} />
              <span>{call.campaign ? (call.campaign.name ?? call.campaign.id) : "No campaign"}</span>
              {call.createdAt && (
                <Link href={`/calls/${encodeURIComponent(call.id)}`} className="underline-offset-2 hover:underline">
                  <LocalTime iso={call.createdAt} />
                </Link>
              )}
              {item.contact.calls > 1 && <span>· {item.contact.calls} calls</span>}
            </p>
          )}
          {call?.interestedDescription && (
            <p className="text-sm text-slate-800 dark:text-slate-200"><span className="text-slate-600 dark:text-slate-400">Interest: </span>{call.interestedDescription}</p>
          )}
          {call && <KeyAnswers answers={call.answers} />}
          {item.state === "done" && (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              {item.updatedBy ?? "Someone"}, <LocalTime iso={item.updatedAt} />{item.note ? <>: “{item.note}”</> : null}
            </p>
          )}
        </div>
        {canAct && (
          <div className="w-full sm:w-auto sm:max-w-md">
            <FollowUpActions item={shown.actOn} name={name} onResult={onResult} onWorking={onWorking} />
          </div>
        )}
      </div>
    </li>
  );
}

function BulkBar({ shown, chosen, onSelectAll, onDone, onResult }: { shown: Shown[]; chosen: Shown[]; onSelectAll: (all: boolean) => void; onDone: () => void; onResult: (text: string, error: boolean) => void }) {
  const router = useRouter();
  const zone = useTimeZone();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<FollowUpOutcome | "">("");
  const [until, setUntil] = useState("");
  const ids = { all: useId(), outcome: useId(), until: useId() };
  const allSelected = shown.length > 0 && chosen.length === shown.length;
  const canChangeState = chosen.length > 0 && chosen.every((s) => s.actOn.state !== "done");

  async function apply(change: Parameters<typeof changeFollowUps>[1]) {
    setBusy(true);
    const result = await changeFollowUps(chosen.map((s) => ({ id: s.actOn.id, version: s.actOn.version })), change);
    setBusy(false);
    if (!result.ok) onResult(result.message, true);
    else {
      const names = (list: string[]) => list.map((id) => { const s = shown.find((x) => x.item.id === id); return s ? nameOf(s.item) : id; }).join(", ");
      const parts = [`${result.updated.length} ${result.updated.length === 1 ? "item" : "items"} changed.`];
      if (result.conflicts.length > 0) parts.push(`Someone else changed ${result.conflicts.length === 1 ? "this item" : "these items"} first, so they were left alone: ${names(result.conflicts)}.`);
      if (result.missing.length > 0) parts.push(`No longer there: ${names(result.missing)}.`);
      onResult(parts.join(" "), result.conflicts.length + result.missing.length > 0);
      onDone();
    }
    router.refresh();
  }

  return (
    <div role="region" aria-label="Act on selected items" className="sticky top-0 z-10 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-slate-100 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-800">
      <label htmlFor={ids.all} className="flex items-center gap-2">
        <input id={ids.all} type="checkbox" className="size-4" checked={allSelected} onChange={(e) => onSelectAll(e.target.checked)} />
        {chosen.length > 0 ? `${chosen.length} selected` : "Select all"}
      </label>
      {chosen.length > 0 && (
        <>
          <form className="flex flex-wrap items-center gap-2" aria-label="Mark selected done" onSubmit={(e) => { e.preventDefault(); if (outcome) void apply({ state: "done", outcome }); }}>
            <label htmlFor={ids.outcome} className="sr-only">Outcome for the selected items</label>
            <select id={ids.outcome} required value={outcome} onChange={(e) => setOutcome(e.target.value as FollowUpOutcome)} className={inputClass}>
              <option value="" disabled>Outcome…</option>
              {FOLLOW_UP_OUTCOMES.map((o) => <option key={o} value={o}>{OUTCOME_TITLES[o]}</option>)}
            </select>
            <button type="submit" className={buttonClass} disabled={busy || !canChangeState}>Mark done</button>
          </form>
          <form className="flex flex-wrap items-center gap-2" aria-label="Snooze selected" onSubmit={(e) => { e.preventDefault(); if (until) void apply({ state: "snoozed", snoozeUntil: snoozeInstant(until, zone) }); }}>
            <label htmlFor={ids.until} className="sr-only">Snooze the selected items until</label>
            <input id={ids.until} type="date" required min={tomorrowIn(zone)} value={until} onChange={(e) => setUntil(e.target.value)} className={inputClass} />
            <button type="submit" className={buttonClass} disabled={busy || !canChangeState}>Snooze</button>
          </form>
        </>
      )}
    </div>
  );
}
