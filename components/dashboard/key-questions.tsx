// The campaign's key questions summarised over the selected calls. Labels and answers come from
// Voxia and the contacts: they are rendered as text, never as HTML.
import Link from "next/link";
import type { CallFilters } from "@/lib/calls/call-filters";
import { getKeyQuestionBreakdown, type KeyQuestionBreakdown } from "@/lib/dashboard/get-key-question-breakdown";
import { formatPercent } from "@/lib/ui/format";
import { humanize } from "@/lib/voxia/vocabulary";
import { LocalTime } from "@/components/local-time";
import { Panel } from "./panel";

export const KEY_QUESTIONS_TITLE = "Key questions";

export async function KeyQuestions({ filters, locale }: { filters: CallFilters; locale?: string }) {
  const questions = await getKeyQuestionBreakdown(filters);
  return (
    <Panel title={KEY_QUESTIONS_TITLE} description="Answers to the campaign's key questions (Voxia's summary), over the calls in this range.">
      {questions.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">No key-question answers in this range.</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {questions.map((q) => (
            <Question key={q.label} question={q} locale={locale} />
          ))}
        </div>
      )}
    </Panel>
  );
}

function Question({ question: q, locale }: { question: KeyQuestionBreakdown; locale?: string }) {
  const number = new Intl.NumberFormat(locale);
  return (
    <article data-question={q.label} data-kind={q.kind} className="min-w-0 rounded-md border border-slate-200 p-3 dark:border-slate-800">
      <h3 className="font-medium break-words">{q.label}</h3>
      {q.description ? <p className="mt-0.5 text-sm text-slate-600 break-words dark:text-slate-400">{q.description}</p> : null}
      <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
        {q.type ? `${q.type.toUpperCase() === "YES_NO" ? "Yes/No" : humanize(q.type)} · ` : ""}answered in {number.format(q.answered)} of {number.format(q.calls)} calls
      </p>
      <div className="mt-3 text-sm">
        {q.kind === "yes_no" ? <YesNo yes={q.yes} no={q.no} other={q.other} locale={locale} /> : null}
        {q.kind === "number" ? (
          <dl className="grid grid-cols-3 gap-2 text-center">
            {(
              [
                ["Min", q.min],
                ["Average", q.avg],
                ["Max", q.max],
              ] as const
            ).map(([name, value]) => (
              <div key={name} className="rounded bg-slate-50 p-2 dark:bg-slate-800/60">
                <dt className="text-xs text-slate-500 dark:text-slate-400">{name}</dt>
                <dd className="font-semibold tabular-nums" data-stat={name}>{new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {q.kind === "choice" || (q.kind === "text" && q.values.length > 0) ? (
          <ValueCounts values={q.values} answered={q.answered} title={q.kind === "text" ? "Most frequent answers" : undefined} locale={locale} />
        ) : null}
        {q.kind === "text" ? <LatestAnswers latest={q.latest} /> : null}
      </div>
    </article>
  );
}

function YesNo({ yes, no, other, locale }: { yes: number; no: number; other: number; locale?: string }) {
  const number = new Intl.NumberFormat(locale);
  const total = yes + no + other;
  const rows = [
    { name: "Yes", count: yes, className: "bg-emerald-600 dark:bg-emerald-500" },
    { name: "No", count: no, className: "bg-slate-400 dark:bg-slate-500" },
    ...(other > 0 ? [{ name: "Other answers", count: other, className: "bg-amber-500" }] : []),
  ];
  return (
    <div>
      <div className="flex h-3 w-full overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800" aria-hidden>
        {rows.map((r) => (
          <span key={r.name} className={`block h-full ${r.className}`} style={{ width: total > 0 ? `${(r.count / total) * 100}%` : 0 }} />
        ))}
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
        {rows.map((r) => (
          <li key={r.name} data-answer={r.name} data-count={r.count} className="flex items-center gap-1.5">
            <span aria-hidden className={`size-2.5 rounded-sm ${r.className}`} />
            {r.name} <span className="font-semibold tabular-nums">{number.format(r.count)}</span>
            <span className="text-slate-500 dark:text-slate-400">{formatPercent(r.count, total, locale)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ValueCounts({ values, answered, title, locale }: { values: { value: string; count: number }[]; answered: number; title?: string; locale?: string }) {
  const number = new Intl.NumberFormat(locale);
  const max = Math.max(1, ...values.map((v) => v.count));
  return (
    <div className="mb-3">
      {title ? <h4 className="mb-1 text-xs font-medium text-slate-600 uppercase dark:text-slate-400">{title}</h4> : null}
      <ul className="space-y-1.5">
        {values.map((v) => (
          <li key={v.value} data-answer={v.value} data-count={v.count}>
            <div className="flex items-baseline justify-between gap-2">
              <span className="min-w-0 break-words">{v.value}</span>
              <span className="shrink-0 tabular-nums">
                {number.format(v.count)} <span className="text-slate-500 dark:text-slate-400">{formatPercent(v.count, answered, locale)}</span>
              </span>
            </div>
            <div className="mt-0.5 h-1.5 w-full rounded-full bg-slate-100 dark:bg-slate-800">
              <div className="h-full rounded-full bg-sky-600 dark:bg-sky-500" style={{ width: `${(v.count / max) * 100}%` }} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

function LatestAnswers({ latest }: { latest: { callId: string; value: string; createdAt: Date; contactName: string | null }[] }) {
  if (latest.length === 0) return <p className="text-slate-500 dark:text-slate-400">No free-text answers.</p>;
  return (
    <div>
      <h4 className="mb-1 text-xs font-medium text-slate-600 uppercase dark:text-slate-400">Latest answers</h4>
      <ul className="space-y-2">
        {latest.map((a) => (
          <li key={a.callId} data-latest-answer className="border-l-2 border-slate-200 pl-2 dark:border-slate-700">
            <p className="break-words whitespace-pre-wrap">{a.value}</p>
            <p className="text-xs text-slate-500 dark:text-slate-400">
              <Link className="underline" href={`/calls/${encodeURIComponent(a.callId)}`}>
                {a.contactName ?? "Call"}
              </Link>{" "}
              · <LocalTime iso={a.createdAt.toISOString()} />
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
