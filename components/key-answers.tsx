// A call's key-question answers as one wrapped line of "Label: value" pairs (the contact timeline, the follow-up queue).
export function KeyAnswers({ answers, className = "" }: { answers: { label: string; valueText: string | null }[]; className?: string }) {
  if (answers.length === 0) return null;
  return (
    <dl className={`flex flex-wrap gap-x-4 gap-y-1 text-sm ${className}`}>
      {answers.map((a) => (
        <div key={a.label} className="flex gap-1">
          <dt className="text-slate-600 dark:text-slate-400">{a.label}:</dt>
          <dd className="[overflow-wrap:anywhere]">{a.valueText ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
