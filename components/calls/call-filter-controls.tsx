"use client";
// The calls filters. They live in the URL only (same parameters as GET /api/calls): every change
// pushes a new URL, the server page re-renders with it, and back/forward step through past views.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { parseCallFiltersLeniently, serializeCallFilters, type CallFilters, type TestCalls } from "@/lib/calls/call-filters";
import { humanize } from "@/lib/voxia/vocabulary";
import { dayIn, nextDay, startOfDayIn } from "@/lib/time/time-zone";
import { MultiSelectFilter } from "./multi-select-filter";

type Props = {
  /** The current filters as URL parameters (serializeCallFilters). */
  query: string;
  campaigns: { id: string; name: string | null }[];
  statuses: string[];
  callStatuses: string[];
};

const inputClass =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900 dark:[color-scheme:dark]";

export function CallFilterControls({ query, campaigns, statuses, callStatuses, timeZone }: Props & { timeZone: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [shownQuery, setShownQuery] = useState(`${timeZone} ${query}`);
  const [draft, setDraft] = useState(() => parseCallFiltersLeniently(new URLSearchParams(query), { timeZone }));
  // Back/forward or a link changed the URL, or the viewer changed zones: show what it says.
  if (shownQuery !== `${timeZone} ${query}`) {
    setShownQuery(`${timeZone} ${query}`);
    setDraft(parseCallFiltersLeniently(new URLSearchParams(query), { timeZone }));
  }

  function apply(next: CallFilters) {
    setDraft(next);
    const qs = serializeCallFilters(next, { timeZone }).toString();
    startTransition(() => router.push(qs ? `/calls?${qs}` : "/calls", { scroll: false }));
  }

  // Values in the URL but not among the options (an old link, a value Voxia added) stay selectable.
  const withSelected = (values: string[], selected: string[]) => [...values, ...selected.filter((s) => !values.includes(s))];
  const campaignChoices = withSelected(campaigns.map((c) => c.id), draft.campaign).map((id) => {
    const name = campaigns.find((c) => c.id === id)?.name;
    return { value: id, label: name ? name : id };
  });
  const statusChoices = withSelected(statuses, draft.status).map((s) => ({ value: s, label: humanize(s) }));
  const callStatusChoices = withSelected(callStatuses, draft.callStatus).map((s) => ({ value: s, label: humanize(s) }));

  return (
    <form
      role="search"
      aria-label="Filter calls"
      aria-busy={pending}
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        const q = new FormData(e.currentTarget).get("q");
        apply({ ...draft, q: typeof q === "string" && q.trim() ? q.trim() : null });
      }}
    >
      <div className="flex min-w-64 flex-1 basis-64 gap-2">
        <label className="flex flex-1 flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
          Search name, phone or transcript
          <input
            key={draft.q ?? ""}
            name="q"
            type="search"
            defaultValue={draft.q ?? ""}
            placeholder="e.g. demo, +1555…, Smith"
            className={`${inputClass} text-slate-900 dark:text-slate-100`}
          />
        </label>
        <button type="submit" className="self-end rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600">
          Search
        </button>
      </div>
      <MultiSelectFilter legend="Campaign" choices={campaignChoices} selected={draft.campaign} onChange={(campaign) => apply({ ...draft, campaign })} />
      <MultiSelectFilter legend="Status" choices={statusChoices} selected={draft.status} onChange={(status) => apply({ ...draft, status })} />
      <MultiSelectFilter legend="Call status" choices={callStatusChoices} selected={draft.callStatus} onChange={(callStatus) => apply({ ...draft, callStatus })} />
      <DateInput label={`From (${draft.timeZone})`} zone={draft.timeZone} value={draft.from} isEnd={false} onChange={(from) => apply({ ...draft, from })} />
      <DateInput label={`To (${draft.timeZone})`} zone={draft.timeZone} value={draft.to} isEnd onChange={(to) => apply({ ...draft, to })} />
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
        Test calls
        <select
          className={`${inputClass} text-slate-900 dark:text-slate-100`}
          value={draft.test}
          onChange={(e) => apply({ ...draft, test: e.target.value as TestCalls })}
        >
          <option value="exclude">Hide test calls</option>
          <option value="include">Include test calls</option>
          <option value="only">Only test calls</option>
        </select>
      </label>
    </form>
  );
}

/** A day picker for a date bound; "to" is inclusive of its day, as the URL's date-only `to` is. */
function DateInput({ label, zone, value, isEnd, onChange }: { label: string; zone: string; value: Date | null; isEnd: boolean; onChange: (date: Date | null) => void }) {
  const shown = value ? dayIn(new Date(value.getTime() - (isEnd ? 1 : 0)), zone) : "";
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
      {label}
      <input
        type="date"
        className={`${inputClass} text-slate-900 dark:text-slate-100`}
        value={shown}
        onChange={(e) => {
          const day = e.target.value;
          if (!day) return onChange(null);
          if (Number.isNaN(new Date(`${day}T00:00:00.000Z`).getTime())) return;
          onChange(startOfDayIn(isEnd ? nextDay(day) : day, zone));
        }}
      />
    </label>
  );
}
