"use client";
// The calls filters. They live in the URL only (same parameters as GET /api/calls): every change
// pushes a new URL, the server page re-renders with it, and back/forward step through past views.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { EMPTY_FILTERS, parseCallFiltersLeniently, serializeCallFilters, type CallFilters, type TestCalls } from "@/lib/calls/call-filters";
import type { FilterOptions } from "@/lib/calls/list-filter-options";
import { DateRangeInput } from "./date-range-input";
import { FilterBar } from "./filter-bar";
import { useHydrated } from "./use-hydrated";

type Props = {
  /** The current filters as URL parameters (serializeCallFilters). */
  query: string;
  options: FilterOptions;
};

const inputClass =
  "h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:[color-scheme:dark]";

export function CallFilterControls({ query, options, timeZone }: Props & { timeZone: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
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

  return (
    <div aria-busy={pending} className="space-y-2.5">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <form
          role="search"
          aria-label="Search calls"
          className="flex min-w-64 flex-1 basis-72 gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const q = new FormData(e.currentTarget).get("q");
            apply({ ...draft, q: typeof q === "string" && q.trim() ? q.trim() : null });
          }}
        >
          <input
            key={draft.q ?? ""}
            name="q"
            type="search"
            aria-label="Search name, phone or transcript"
            title="Also finds a call id, a contact id, or text in the contact's data (an email, a company)"
            defaultValue={draft.q ?? ""}
            placeholder="Search name, phone, transcript, email, call id…"
            className={`${inputClass} min-w-0 flex-1`}
          />
          <button type="submit" className="h-8 rounded-md bg-blue-700 px-3 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600">
            Search
          </button>
        </form>
        <DateRangeInput from={draft.from} to={draft.to} timeZone={draft.timeZone} onApply={({ from, to }) => apply({ ...draft, from, to })} />
        <select
          aria-label="Test calls"
          disabled={!hydrated}
          className={inputClass}
          value={draft.test}
          onChange={(e) => apply({ ...draft, test: e.target.value as TestCalls })}
        >
          <option value="exclude">Hide test calls</option>
          <option value="include">Include test calls</option>
          <option value="only">Only test calls</option>
        </select>
      </div>
      <FilterBar
        filters={draft}
        options={options}
        onApply={apply}
        anyFilter={query !== ""}
        onClearAll={() => apply({ ...EMPTY_FILTERS, timeZone: draft.timeZone })}
      />
    </div>
  );
}
