"use client";
import { useEffect, useRef } from "react";

export type Choice = { value: string; label: string };

/** A dropdown of checkboxes; each change is applied at once (the popup stays open for more). */
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
  const details = useRef<HTMLDetailsElement>(null);
  // Close on a click elsewhere or Escape, as a native select would.
  useEffect(() => {
    const close = (event: Event) => {
      const el = details.current;
      if (!el?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        el.open = false;
        el.querySelector("summary")?.focus();
      } else if (!el.contains(event.target as Node)) el.open = false;
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
    };
  }, []);
  const chosen = new Set(selected);
  const summary = selected.length === 0 ? "All" : selected.length === 1 ? (choices.find((c) => c.value === selected[0])?.label ?? selected[0]) : `${selected.length} selected`;
  return (
    <details ref={details} className="group relative">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900 [&::-webkit-details-marker]:hidden">
        <span>
          <span className="text-slate-600 dark:text-slate-400">{legend}: </span>
          <span className="font-medium">{summary}</span>
        </span>
        <span aria-hidden className="text-xs text-slate-500 group-open:rotate-180">▾</span>
      </summary>
      <fieldset className="absolute z-20 mt-1 max-h-80 w-72 max-w-[calc(100vw-2rem)] overflow-y-auto rounded-md border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <legend className="sr-only">{legend}</legend>
        {selected.length > 0 && (
          <button type="button" className="mb-1 w-full rounded px-2 py-1 text-left text-sm text-blue-700 hover:bg-slate-100 dark:text-blue-300 dark:hover:bg-slate-800" onClick={() => onChange([])}>
            Clear {legend.toLowerCase()}
          </button>
        )}
        {choices.map((choice) => (
          <label key={choice.value} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
            <input
              type="checkbox"
              className="size-4"
              checked={chosen.has(choice.value)}
              onChange={(e) => onChange(e.target.checked ? [...selected, choice.value] : selected.filter((v) => v !== choice.value))}
            />
            <span className="break-all">{choice.label}</span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}
