"use client";
// The active filters as chips (click to edit, × to remove), a "+ Filter" menu that adds any field the
// filter definition has, and "Clear all". Every change is one navigation to the new URL.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { CallFilters } from "@/lib/calls/call-filters";
import type { FilterOptions } from "@/lib/calls/list-filter-options";
import { activeChips, ADDABLE_FIELDS, FIELD_LABELS, withoutChip, type Chip, type FieldKey } from "./filter-fields";
import { FilterEditor } from "./filter-editors";
import { useHydrated } from "./use-hydrated";

type Props = {
  filters: CallFilters;
  options: FilterOptions;
  onApply: (next: CallFilters) => void;
  onClearAll: () => void;
  /** Whether anything at all is filtered (search, dates and test calls included), for "Clear all". */
  anyFilter: boolean;
};

/** A button and its panel; Escape or a click elsewhere closes it and gives focus back to the button. */
function Popover({ trigger, label, open, setOpen, children, className = "", contentKey }: { trigger: (props: { ref: React.Ref<HTMLButtonElement>; "aria-expanded": boolean; "aria-controls": string; onClick: () => void; disabled: boolean }) => ReactNode; label: string; open: boolean; setOpen: (open: boolean) => void; children: ReactNode; className?: string; /** A change of content moves focus into it again. */ contentKey?: string }) {
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const hydrated = useHydrated();
  const close = useRef(setOpen);
  useEffect(() => {
    close.current = setOpen;
  });
  useEffect(() => {
    if (!open) return;
    const first = panel.current?.querySelector<HTMLElement>("input:not([type=hidden]), select") ?? panel.current?.querySelector<HTMLElement>("button");
    first?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      close.current(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!wrapper.current?.contains(e.target as Node)) close.current(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open, contentKey]);
  return (
    <div ref={wrapper} className={`relative ${className}`}>
      {trigger({ ref: button, "aria-expanded": open, "aria-controls": panelId, onClick: () => setOpen(!open), disabled: !hydrated })}
      {open && (
        <div
          ref={panel}
          id={panelId}
          role="dialog"
          aria-label={label}
          className="absolute left-0 z-30 mt-1.5 w-80 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-3 text-slate-900 shadow-xl ring-1 ring-black/5 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        >
          {children}
        </div>
      )}
    </div>
  );
}

function ChipControl({ chip, filters, options, onApply }: { chip: Chip; filters: CallFilters; options: FilterOptions; onApply: (next: CallFilters) => void }) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  return (
    <Popover
      label={`Edit filter: ${chip.label}`}
      open={open}
      setOpen={setOpen}
      className="inline-flex"
      trigger={({ ref, ...aria }) => (
        <span className="inline-flex h-7 items-stretch overflow-hidden rounded-md border border-slate-300 bg-white text-sm shadow-xs dark:border-slate-700 dark:bg-slate-900">
          <button ref={ref} type="button" {...aria} aria-haspopup="dialog" title="Edit this filter" className="max-w-[calc(100vw-5.5rem)] truncate px-2 sm:max-w-[28rem] text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 dark:text-slate-100 dark:hover:bg-slate-800">
            {chip.label}
          </button>
          <button
            type="button"
            aria-label={`Remove filter ${chip.label}`}
            title="Remove this filter"
            disabled={!hydrated}
            onClick={() => onApply(withoutChip(filters, chip))}
            className="border-l border-slate-200 px-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 dark:border-slate-700 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-white"
          >
            <span aria-hidden>×</span>
          </button>
        </span>
      )}
    >
      <p className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">{FIELD_LABELS[chip.field]}</p>
      <FilterEditor
        field={chip.field}
        filters={filters}
        options={options}
        answerIndex={chip.answerIndex}
        onApply={(next) => {
          setOpen(false);
          onApply(next);
        }}
      />
    </Popover>
  );
}

function AddFilter({ filters, options, onApply }: { filters: CallFilters; options: FilterOptions; onApply: (next: CallFilters) => void }) {
  const [open, setOpen] = useState(false);
  const [field, setField] = useState<FieldKey | null>(null);
  const setOpenAndReset = (next: boolean) => {
    setOpen(next);
    if (!next) setField(null);
  };
  return (
    <Popover
      label={field ? `Add filter: ${FIELD_LABELS[field]}` : "Add filter"}
      open={open}
      setOpen={setOpenAndReset}
      contentKey={field ?? ""}
      trigger={({ ref, ...aria }) => (
        <button
          ref={ref}
          type="button"
          {...aria}
          aria-haspopup="dialog"
          className="inline-flex h-7 items-center gap-1 rounded-md border border-dashed border-slate-400 px-2 text-sm font-medium text-slate-700 hover:border-slate-500 hover:bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-900"
        >
          <span aria-hidden className="text-base leading-none">+</span> Filter
        </button>
      )}
    >
      {field === null ? (
        <ul aria-label="Filter by" className="-m-1 space-y-0.5">
          {ADDABLE_FIELDS.map((key) => (
            <li key={key}>
              <button type="button" onClick={() => setField(key)} className="w-full rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-none dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800">
                {FIELD_LABELS[key]}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <div key={field}>
          <div className="mb-2 flex items-center gap-2">
            <button type="button" onClick={() => setField(null)} aria-label="Back to the list of fields" className="rounded px-1 text-slate-500 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800">
              ←
            </button>
            <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">{FIELD_LABELS[field]}</p>
          </div>
          <FilterEditor
            field={field}
            filters={filters}
            options={options}
            onApply={(next) => {
              setOpenAndReset(false);
              onApply(next);
            }}
          />
        </div>
      )}
    </Popover>
  );
}

export function FilterBar({ filters, options, onApply, onClearAll, anyFilter }: Props) {
  const hydrated = useHydrated();
  const chips = activeChips(filters, new Map(options.campaigns.map((c) => [c.id, c.name])));
  return (
    <div role="group" aria-label="Active filters" className="flex flex-wrap items-center gap-2">
      <AddFilter filters={filters} options={options} onApply={onApply} />
      {chips.map((chip) => (
        <ChipControl key={chip.id} chip={chip} filters={filters} options={options} onApply={onApply} />
      ))}
      {anyFilter && (
        <button type="button" disabled={!hydrated} onClick={onClearAll} className="h-7 rounded-md px-2 text-sm text-slate-600 hover:bg-slate-200/60 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-white">
          Clear all
        </button>
      )}
    </div>
  );
}
