"use client";
// A checklist of a filter's values, with a box to narrow long lists. The filter bar's editors hold the
// selection and apply it; this only shows and toggles it.
import { useId, useState } from "react";

export type Choice = { value: string; label: string };

const SEARCH_FROM = 8;

export function MultiSelectFilter({
  legend,
  choices,
  selected,
  onChange,
}: {
  legend: string;
  choices: Choice[];
  selected: string[];
  onChange: (values: string[]) => void;
}) {
  const [narrow, setNarrow] = useState("");
  const searchId = useId();
  const chosen = new Set(selected);
  const words = narrow.trim().toLowerCase();
  const shown = words ? choices.filter((c) => c.label.toLowerCase().includes(words) || c.value.toLowerCase().includes(words)) : choices;
  return (
    <fieldset className="space-y-1">
      <legend className="sr-only">{legend}</legend>
      {choices.length >= SEARCH_FROM && (
        <>
          <label htmlFor={searchId} className="sr-only">
            Find a {legend.toLowerCase()}
          </label>
          <input
            id={searchId}
            type="search"
            value={narrow}
            onChange={(e) => setNarrow(e.target.value)}
            onKeyDown={(e) => {
              // Enter here narrows, it does not apply the filter.
              if (e.key === "Enter") e.preventDefault();
            }}
            placeholder={`Find ${legend.toLowerCase()}…`}
            autoComplete="off"
            className="mb-1 h-8 w-full rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-950"
          />
        </>
      )}
      <div className="max-h-64 overflow-y-auto pr-1">
        {shown.map((choice) => (
          <label key={choice.value} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
            <input
              type="checkbox"
              className="size-4 accent-blue-700"
              checked={chosen.has(choice.value)}
              onChange={(e) => onChange(e.target.checked ? [...selected, choice.value] : selected.filter((v) => v !== choice.value))}
            />
            <span className="break-all">{choice.label}</span>
          </label>
        ))}
        {shown.length === 0 && <p className="px-2 py-1 text-sm text-slate-500 dark:text-slate-400">Nothing matches.</p>}
      </div>
      {selected.length > 0 && (
        <button type="button" className="rounded px-2 py-1 text-xs text-blue-700 hover:bg-slate-100 dark:text-blue-300 dark:hover:bg-slate-800" onClick={() => onChange([])}>
          Clear selection ({selected.length})
        </button>
      )}
    </fieldset>
  );
}
