"use client";
// The editors the filter bar opens for one field: a checklist, yes/no, a duration range, a key-question
// condition, a contact id. Each edits a copy and hands back the new filters on Apply (one navigation).
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { ANSWER_OPS, NONE, type AnswerFilter, type AnswerOp, type CallFilters } from "@/lib/calls/call-filters";
import type { FilterOptions } from "@/lib/calls/list-filter-options";
import { FIELD_LABELS, NONE_ALLOWED, OP_WORDS, opsFor, valueLabel, type FieldKey, type ListField } from "./filter-fields";
import { MultiSelectFilter } from "./multi-select-filter";

export type EditorProps = {
  field: FieldKey;
  filters: CallFilters;
  options: FilterOptions;
  /** For the key-question editor: the condition being edited (absent: a new one). */
  answerIndex?: number;
  onApply: (next: CallFilters) => void;
};

export const fieldInputClass =
  "h-8 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100 dark:[color-scheme:dark]";
const applyClass =
  "h-8 rounded-md bg-blue-700 px-3 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50";

function EditorForm({ title, onSubmit, children, error }: { title: string; onSubmit: () => void; children: ReactNode; error?: string | null }) {
  const errorId = useId();
  return (
    <form
      aria-label={title}
      aria-describedby={error ? errorId : undefined}
      className="space-y-3"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      {error && (
        <p id={errorId} role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <div className="flex justify-end">
        <button type="submit" className={applyClass}>
          Apply
        </button>
      </div>
    </form>
  );
}

const LIST_CHOICES: Partial<Record<ListField, (o: FilterOptions) => string[]>> = {
  status: (o) => o.statuses,
  callStatus: (o) => o.callStatuses,
  postProcessStatus: (o) => o.postProcessStatuses,
  hangUpReason: (o) => o.hangUpReasons,
  webhookEvent: (o) => o.webhookEvents,
  event: (o) => o.eventTypes,
  contactStatus: () => ["callMeLater", "doNotCall", "wrongNumber"],
  measure: () => ["connected", "completed", "interested", "callback", "doNotCall"],
};

function ListEditor({ field, filters, options, onApply }: EditorProps & { field: ListField }) {
  const [selected, setSelected] = useState<string[]>(filters[field] as string[]);
  const names = new Map(options.campaigns.map((c) => [c.id, c.name]));
  const known = field === "campaign" ? options.campaigns.map((c) => c.id) : (LIST_CHOICES[field]?.(options) ?? []);
  // Values in the URL but not among the options (an old link, a value Voxia added) stay selectable.
  const values = [...(NONE_ALLOWED.has(field) ? [NONE] : []), ...known, ...selected.filter((s) => s !== NONE && !known.includes(s))];
  const choices = values.map((value) => ({ value, label: valueLabel(field, value, names) }));
  return (
    <EditorForm title={`Filter by ${FIELD_LABELS[field].toLowerCase()}`} onSubmit={() => onApply({ ...filters, [field]: selected })}>
      <MultiSelectFilter legend={FIELD_LABELS[field]} choices={choices} selected={selected} onChange={setSelected} />
    </EditorForm>
  );
}

function ContactEditor({ filters, onApply }: EditorProps) {
  const [id, setId] = useState("");
  const [kept, setKept] = useState(filters.contact);
  const inputId = useId();
  return (
    <EditorForm
      title="Filter by contact"
      onSubmit={() => {
        const value = id.trim();
        onApply({ ...filters, contact: value && !kept.includes(value) ? [...kept, value] : kept });
      }}
    >
      {kept.length > 0 && <MultiSelectFilter legend="Contacts" choices={kept.map((v) => ({ value: v, label: v }))} selected={kept} onChange={setKept} />}
      <div className="space-y-1">
        <label htmlFor={inputId} className="text-xs font-medium text-slate-600 dark:text-slate-400">
          Contact id
        </label>
        <input id={inputId} className={fieldInputClass} value={id} onChange={(e) => setId(e.target.value)} placeholder="e.g. 6650a1… or phone:+1555…" autoComplete="off" />
      </div>
    </EditorForm>
  );
}

function InterestedEditor({ filters, onApply }: EditorProps) {
  const choice = (value: boolean, label: string) => (
    <button
      type="button"
      aria-pressed={filters.interested === value}
      onClick={() => onApply({ ...filters, interested: value })}
      className="h-8 flex-1 rounded-md border border-slate-300 px-3 text-sm hover:bg-slate-100 aria-pressed:border-blue-600 aria-pressed:bg-blue-50 aria-pressed:text-blue-800 dark:border-slate-700 dark:hover:bg-slate-800 dark:aria-pressed:bg-blue-950 dark:aria-pressed:text-blue-200"
    >
      {label}
    </button>
  );
  return (
    <div role="group" aria-label="Interested" className="space-y-2">
      <p className="text-xs text-slate-600 dark:text-slate-400">Did the contact show interest (Voxia&apos;s interested.reached)?</p>
      <div className="flex gap-2">
        {choice(true, "Yes")}
        {choice(false, "No")}
      </div>
    </div>
  );
}

function DurationEditor({ filters, onApply }: EditorProps) {
  const [min, setMin] = useState(filters.minDuration === null ? "" : String(filters.minDuration));
  const [max, setMax] = useState(filters.maxDuration === null ? "" : String(filters.maxDuration));
  const [error, setError] = useState<string | null>(null);
  const minId = useId();
  const maxId = useId();
  return (
    <EditorForm
      title="Filter by duration"
      error={error}
      onSubmit={() => {
        const lo = min.trim() === "" ? null : Number(min);
        const hi = max.trim() === "" ? null : Number(max);
        if ((lo !== null && !(lo >= 0)) || (hi !== null && !(hi >= 0))) return setError("Durations are seconds, 0 or more.");
        if (lo !== null && hi !== null && lo > hi) return setError("The shortest must not be longer than the longest.");
        onApply({ ...filters, minDuration: lo, maxDuration: hi });
      }}
    >
      <div className="flex items-end gap-2">
        <div className="flex-1 space-y-1">
          <label htmlFor={minId} className="text-xs font-medium text-slate-600 dark:text-slate-400">
            At least (seconds)
          </label>
          <input id={minId} type="number" min={0} step="any" inputMode="decimal" className={fieldInputClass} value={min} onChange={(e) => setMin(e.target.value)} />
        </div>
        <span aria-hidden className="pb-1.5 text-slate-400">
          –
        </span>
        <div className="flex-1 space-y-1">
          <label htmlFor={maxId} className="text-xs font-medium text-slate-600 dark:text-slate-400">
            At most (seconds)
          </label>
          <input id={maxId} type="number" min={0} step="any" inputMode="decimal" className={fieldInputClass} value={max} onChange={(e) => setMax(e.target.value)} />
        </div>
      </div>
    </EditorForm>
  );
}

function AnswerEditor({ filters, options, answerIndex, onApply }: EditorProps) {
  const editing = answerIndex === undefined ? undefined : filters.answer[answerIndex];
  const questions = [...options.questions];
  if (editing && !questions.some((q) => q.label === editing.label)) questions.push({ label: editing.label, type: null, values: [] });
  const [label, setLabel] = useState(editing?.label ?? questions[0]?.label ?? "");
  const question = questions.find((q) => q.label === label);
  const type = question?.type ?? null;
  const ops = opsFor(type);
  const [op, setOp] = useState<AnswerOp>(editing?.op ?? "eq");
  const shownOp = ops.includes(op) ? op : "eq";
  const [value, setValue] = useState(editing?.value ?? "");
  const [error, setError] = useState<string | null>(null);
  const ids = { label: useId(), op: useId(), value: useId(), list: useId() };
  const needsValue = shownOp !== "exists" && shownOp !== "missing";
  const numeric = type === "NUMBER" || ["gt", "gte", "lt", "lte"].includes(shownOp);

  if (questions.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No call has answered a key question yet.</p>;
  return (
    <EditorForm
      title="Filter by a key question"
      error={error}
      onSubmit={() => {
        const v = type === "YES_NO" && needsValue ? value || "true" : value.trim();
        if (needsValue && v === "") return setError("Enter a value to compare with.");
        if (needsValue && numeric && !/^-?(\d+(\.\d*)?|\.\d+)$/.test(v)) return setError("Enter a number.");
        const condition: AnswerFilter = { label, op: shownOp, value: needsValue ? v : null };
        const answer = answerIndex === undefined ? [...filters.answer, condition] : filters.answer.map((a, i) => (i === answerIndex ? condition : a));
        onApply({ ...filters, answer });
      }}
    >
      <div className="space-y-1">
        <label htmlFor={ids.label} className="text-xs font-medium text-slate-600 dark:text-slate-400">
          Question
        </label>
        <select
          id={ids.label}
          className={fieldInputClass}
          value={label}
          onChange={(e) => {
            setLabel(e.target.value);
            setValue("");
            setError(null);
          }}
        >
          {questions.map((q) => (
            <option key={q.label} value={q.label}>
              {q.label}
              {q.type ? ` (${q.type === "YES_NO" ? "yes/no" : q.type.toLowerCase().replaceAll("_", " ")})` : ""}
            </option>
          ))}
        </select>
      </div>
      <div className="flex gap-2">
        <div className="w-36 shrink-0 space-y-1">
          <label htmlFor={ids.op} className="text-xs font-medium text-slate-600 dark:text-slate-400">
            Condition
          </label>
          <select id={ids.op} className={fieldInputClass} value={shownOp} onChange={(e) => setOp(e.target.value as AnswerOp)}>
            {ANSWER_OPS.filter((o) => ops.includes(o)).map((o) => (
              <option key={o} value={o}>
                {OP_WORDS[o]}
              </option>
            ))}
          </select>
        </div>
        {needsValue && (
          <div className="min-w-0 flex-1 space-y-1">
            <label htmlFor={ids.value} className="text-xs font-medium text-slate-600 dark:text-slate-400">
              Value
            </label>
            {type === "YES_NO" ? (
              <select id={ids.value} className={fieldInputClass} value={value || "true"} onChange={(e) => setValue(e.target.value)}>
                <option value="true">Yes</option>
                <option value="false">No</option>
              </select>
            ) : (
              <>
                <input
                  id={ids.value}
                  className={fieldInputClass}
                  type={numeric ? "number" : "text"}
                  step="any"
                  inputMode={numeric ? "decimal" : undefined}
                  list={numeric ? undefined : ids.list}
                  autoComplete="off"
                  value={value}
                  onChange={(e) => setValue(e.target.value)}
                />
                {!numeric && (
                  <datalist id={ids.list}>
                    {question?.values.map((v) => <option key={v} value={v} />)}
                  </datalist>
                )}
              </>
            )}
          </div>
        )}
      </div>
    </EditorForm>
  );
}

export function FilterEditor(props: EditorProps) {
  switch (props.field) {
    case "interested":
      return <InterestedEditor {...props} />;
    case "duration":
      return <DurationEditor {...props} />;
    case "answer":
      return <AnswerEditor {...props} />;
    case "contact":
      return <ContactEditor {...props} />;
    default:
      return <ListEditor {...props} field={props.field} />;
  }
}
