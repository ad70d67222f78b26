"use client";
// One item's actions for members: mark done (an outcome and a note), snooze until a day, reopen.
// Each posts the version of the item as it was when the person started (`item` is the queue's copy
// of that moment while a form is open, `onWorking`); on success the page refreshes and the item
// leaves its list; if someone else changed it first, the person is told and the form closes.
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import type { FollowUpJson } from "@/lib/follow-ups/follow-up-json";
import { FOLLOW_UP_OUTCOMES, OUTCOME_TITLES, type FollowUpOutcome } from "@/lib/follow-ups/follow-up-vocabulary";
import { useTimeZone } from "@/components/time-zone-context";
import { changeFollowUp, snoozeInstant, type FollowUpChange } from "./follow-up-requests";
import { tomorrowIn } from "./tomorrow";

export const buttonClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700";
export const primaryClass = "rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50";
export const inputClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900";

/** `onResult` reports to the queue, which outlives this card: after a change the item may leave the list. */
export function FollowUpActions({ item, name, onResult, onWorking }: {
  item: FollowUpJson;
  name: string;
  onResult: (text: string, error: boolean) => void;
  /** A form opened (true) or closed (false): the queue keeps the item, at this version, meanwhile. */
  onWorking: (working: boolean) => void;
}) {
  const router = useRouter();
  const zone = useTimeZone();
  const [open, setOpenState] = useState<"done" | "snooze" | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { outcome: useId(), note: useId(), until: useId() };
  const setOpen = (next: "done" | "snooze" | null) => {
    setOpenState(next);
    onWorking(next !== null);
  };

  async function send(change: FollowUpChange) {
    setBusy(true);
    const result = await changeFollowUp(item, change);
    setBusy(false);
    if (!result.ok) {
      onResult(`${name}: ${result.message}`, true);
      // Told what changed, the person starts again from the item as it is; any other failure keeps the form.
      if (result.conflict) setOpen(null);
    } else {
      setOpen(null);
      onResult(`${name}: ${change.state === "done" ? "marked done" : change.state === "snoozed" ? "snoozed" : "reopened"}.`, false);
    }
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {item.state !== "done" && (
          <button type="button" className={buttonClass} aria-expanded={open === "done"} onClick={() => setOpen(open === "done" ? null : "done")}>
            Done…<span className="sr-only"> with {name}</span>
          </button>
        )}
        {item.state !== "done" && (
          <button type="button" className={buttonClass} aria-expanded={open === "snooze"} onClick={() => setOpen(open === "snooze" ? null : "snooze")}>
            Snooze…<span className="sr-only"> {name}</span>
          </button>
        )}
        {item.state !== "open" && (
          <button type="button" className={buttonClass} disabled={busy} onClick={() => void send({ state: "open" })}>
            Reopen<span className="sr-only"> {name}</span>
          </button>
        )}
      </div>
      {open === "done" && (
        <form
          className="flex flex-wrap items-end gap-2"
          aria-label={`Mark ${name} done`}
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            const raw = form.get("note");
            const note = typeof raw === "string" ? raw : "";
            void send({ state: "done", outcome: form.get("outcome") as FollowUpOutcome, ...(note.trim() ? { note } : {}) });
          }}
        >
          <label htmlFor={ids.outcome} className="text-sm">
            <span className="block text-xs text-slate-600 dark:text-slate-400">Outcome</span>
            <select id={ids.outcome} name="outcome" required defaultValue="" className={inputClass}>
              <option value="" disabled>Choose…</option>
              {FOLLOW_UP_OUTCOMES.map((o) => <option key={o} value={o}>{OUTCOME_TITLES[o]}</option>)}
            </select>
          </label>
          <label htmlFor={ids.note} className="min-w-48 flex-1 text-sm">
            <span className="block text-xs text-slate-600 dark:text-slate-400">Note (optional)</span>
            <textarea id={ids.note} name="note" rows={1} maxLength={4000} className={`${inputClass} w-full`} />
          </label>
          <button type="submit" className={primaryClass} disabled={busy}>Mark done</button>
        </form>
      )}
      {open === "snooze" && (
        <form
          className="flex flex-wrap items-end gap-2"
          aria-label={`Snooze ${name}`}
          onSubmit={(e) => {
            e.preventDefault();
            const until = new FormData(e.currentTarget).get("until");
            const day = typeof until === "string" ? until : "";
            void send({ state: "snoozed", snoozeUntil: snoozeInstant(day, zone) });
          }}
        >
          <label htmlFor={ids.until} className="text-sm">
            <span className="block text-xs text-slate-600 dark:text-slate-400">Until</span>
            <input id={ids.until} name="until" type="date" required min={tomorrowIn(zone)} defaultValue={tomorrowIn(zone)} className={inputClass} />
          </label>
          <button type="submit" className={primaryClass} disabled={busy}>Snooze</button>
        </form>
      )}
    </div>
  );
}
