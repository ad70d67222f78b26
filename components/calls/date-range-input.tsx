"use client";
// The From/To day inputs of the calls filter. Typing a date goes through partial years (0002, 0020,
// 0202, 2025), so a date is applied only when the person is done with it: Enter, leaving the field, or
// Apply. One applied date is one navigation and one history entry. All date logic of the bar is here.
import { useState } from "react";
import { dayIn, nextDay, startOfDayIn } from "@/lib/time/time-zone";
import { useHydrated } from "./use-hydrated";

type Props = {
  from: Date | null;
  /** Exclusive; shown as the day before (the inclusive last day), as the URL's date-only `to` is read. */
  to: Date | null;
  /** The IANA zone the days are in. */
  timeZone: string;
  onApply: (range: { from: Date | null; to: Date | null }) => void;
};

const inputClass =
  "h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:[color-scheme:dark]";

const dayOf = (date: Date | null, isEnd: boolean, zone: string) => (date ? (isEnd ? nextDay(dayIn(date, zone), -1) : dayIn(date, zone)) : "");

/** A complete, real day (`2025-05-12`), or "" for none; partial input (year 0002) is null. */
function parseDay(day: string): string | null {
  if (day === "") return "";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day < "1900") return null;
  const date = new Date(`${day}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? null : day;
}

export function DateRangeInput({ from, to, timeZone, onApply }: Props) {
  const applied = { from: dayOf(from, false, timeZone), to: dayOf(to, true, timeZone) };
  const [draft, setDraft] = useState(applied);
  const [shown, setShown] = useState(applied);
  // The URL changed (back/forward, a link, Clear all): show what it says.
  if (shown.from !== applied.from || shown.to !== applied.to) {
    setShown(applied);
    setDraft(applied);
  }
  const hydrated = useHydrated();
  const pending = draft.from !== applied.from || draft.to !== applied.to;

  function apply() {
    const fromDay = parseDay(draft.from);
    const toDay = parseDay(draft.to);
    if (fromDay === null || toDay === null || !pending) return;
    onApply({
      from: fromDay ? startOfDayIn(fromDay, timeZone) : null,
      to: toDay ? startOfDayIn(nextDay(toDay), timeZone) : null,
    });
  }

  const zoneName = timeZone === "UTC" ? "UTC" : timeZone;
  const field = (name: "from" | "to", label: string) => (
    <label className="flex min-w-0 flex-1 items-center gap-1.5 text-xs font-medium text-slate-600 sm:flex-none dark:text-slate-400">
      <span>{label}</span>
      <input
        type="date"
        aria-label={`${label} (${zoneName})`}
        disabled={!hydrated}
        className={`${inputClass} min-w-0 flex-1 px-1.5 sm:w-36 sm:flex-none sm:px-2`}
        value={draft[name]}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            apply();
          }
        }}
      />
    </label>
  );

  return (
    <div role="group" aria-label={`Date range (${zoneName})`} className="flex w-full items-center gap-2 sm:w-auto">
      {field("from", "From")}
      {field("to", "To")}
      <span aria-hidden className="hidden shrink-0 text-xs text-slate-500 sm:inline dark:text-slate-400">{zoneName}</span>
      {pending && (
        <button
          type="button"
          onClick={apply}
          className="h-8 shrink-0 rounded-md bg-blue-700 px-2.5 text-xs font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          Apply dates
        </button>
      )}
    </div>
  );
}
