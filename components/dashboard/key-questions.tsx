// The campaign's key questions summarised over the selected calls. Labels and answers come from
// Voxia and the contacts: they are rendered as text, never as HTML.
import Link from "next/link";
import type { CallFilters } from "@/lib/calls/call-filters";
import { answerHref } from "@/lib/dashboard/calls-link";
import { getKeyQuestionBreakdown, type KeyQuestionBreakdown, type NumberBucket } from "@/lib/dashboard/get-key-question-breakdown";
import { ANSWERED_DESCRIPTION, COUNTS } from "@/lib/measures/glossary";
import { kpisOnce } from "./kpi-cards";
import { formatPercent } from "@/lib/ui/format";
import { humanize } from "@/lib/voxia/vocabulary";
import { LocalTime } from "@/components/local-time";
import { Panel } from "./panel";

export const KEY_QUESTIONS_TITLE = "Key questions";

export async function KeyQuestions({ filters, locale }: { filters: CallFilters; locale?: string }) {
  const [questions, kpis] = await Promise.all([getKeyQuestionBreakdown(filters), kpisOnce(filters)]);
  return (
    <Panel title={KEY_QUESTIONS_TITLE} description="Answers to the campaign's key questions (Voxia's summary), over the calls in this range.">
      {questions.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">No key-question answers in this range.</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {questions.map((q) => (
            <Question key={q.label} question={q} filters={filters} calls={kpis.calls} locale={locale} />
          ))}
        </div>
      )}
    </Panel>
  );
}

function Question({ question: q, filters, calls, locale }: { question: KeyQuestionBreakdown; filters: CallFilters; calls: number; locale?: string }) {
  const number = new Intl.NumberFormat(locale);
  const href = (op: "eq" | "exists", value: string | null = null) => answerHref(filters, { label: q.label, op, value });
  // A YES_NO question (or JSON booleans) filters by true/false; text that reads yes/no by the word.
  const typed = q.type?.toUpperCase() === "YES_NO";
  // A range's calls: from ≤ answer < to, or ≤ the maximum for the last range.
  const bucketHref = (b: NumberBucket) =>
    answerHref(filters, { label: q.label, op: "gte", value: String(b.from) }, { label: q.label, op: b.last ? "lte" : "lt", value: String(b.to) });
  return (
    <article data-question={q.label} data-kind={q.kind} className="min-w-0 rounded-md border border-slate-200 p-3 dark:border-slate-800">
      <h3 className="font-medium break-words">{q.label}</h3>
      {q.description ? <p className="mt-0.5 text-sm text-slate-600 break-words dark:text-slate-400">{q.description}</p> : null}
      <p className="mt-1 text-xs text-slate-500 dark:text-slate-400" title={ANSWERED_DESCRIPTION}>
        {q.type ? `${q.type.toUpperCase() === "YES_NO" ? "Yes/No" : humanize(q.type)} · ` : ""}answered in{" "}
        <Link className="underline" href={href("exists")} data-answered={q.answered}>{number.format(q.answered)}</Link> of the {number.format(calls)}{" "}
        {COUNTS.calls.label.toLowerCase()} in this range
        <span className="sr-only"> ({ANSWERED_DESCRIPTION})</span>
      </p>
      <div className="mt-3 text-sm">
        {q.kind === "yes_no" ? (
          <YesNo yes={q.yes} no={q.no} other={q.other} yesHref={href("eq", typed ? "true" : "yes")} noHref={href("eq", typed ? "false" : "no")} locale={locale} />
        ) : null}
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
        {q.kind === "number" && q.buckets.length > 0 ? <Buckets buckets={q.buckets} answered={q.answered} hrefOf={bucketHref} locale={locale} /> : null}
        {q.kind === "choice" || (q.kind === "text" && q.values.length > 0) ? (
          <ValueCounts values={q.values} answered={q.answered} title={q.kind === "text" ? "Most frequent answers" : undefined} href={(v) => href("eq", v)} locale={locale} />
        ) : null}
        {q.kind === "text" ? <LatestAnswers latest={q.latest} /> : null}
      </div>
    </article>
  );
}

function YesNo({ yes, no, other, yesHref, noHref, locale }: { yes: number; no: number; other: number; yesHref: string; noHref: string; locale?: string }) {
  const number = new Intl.NumberFormat(locale);
  const total = yes + no + other;
  const rows = [
    { name: "Yes", count: yes, className: "bg-emerald-600 dark:bg-emerald-500", href: yesHref },
    { name: "No", count: no, className: "bg-slate-400 dark:bg-slate-500", href: noHref },
    ...(other > 0 ? [{ name: "Other answers", count: other, className: "bg-amber-500", href: null }] : []),
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
            {r.name}{" "}
            {r.href && r.count > 0 ? (
              <Link className="font-semibold tabular-nums underline" href={r.href}>{number.format(r.count)}</Link>
            ) : (
              <span className="font-semibold tabular-nums">{number.format(r.count)}</span>
            )}
            <span className="text-slate-500 dark:text-slate-400">{formatPercent(r.count, total, locale)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ValueCounts({ values, answered, title, href, locale }: { values: { value: string; count: number }[]; answered: number; title?: string; href: (value: string) => string; locale?: string }) {
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
                {v.count > 0 ? <Link className="underline" href={href(v.value)}>{number.format(v.count)}</Link> : number.format(v.count)}{" "}
                <span className="text-slate-500 dark:text-slate-400">{formatPercent(v.count, answered, locale)}</span>
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

function Buckets({ buckets, answered, hrefOf, locale }: { buckets: NumberBucket[]; answered: number; hrefOf: (bucket: NumberBucket) => string; locale?: string }) {
  const number = new Intl.NumberFormat(locale);
  const value = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const max = Math.max(1, ...buckets.map((b) => b.count));
  return (
    <div className="mt-3">
      <h4 className="mb-1 text-xs font-medium text-slate-600 uppercase dark:text-slate-400">Answers by range</h4>
      <ul className="space-y-1.5">
        {buckets.map((b) => {
          const name = b.last ? `${value.format(b.from)} – ${value.format(b.to)}` : `${value.format(b.from)} to under ${value.format(b.to)}`;
          return (
            <li key={b.from} data-bucket={name} data-count={b.count}>
              <div className="flex items-baseline justify-between gap-2">
                <span>{name}</span>
                <span className="shrink-0 tabular-nums">
                  {b.count > 0 ? <Link className="underline" href={hrefOf(b)}>{number.format(b.count)}</Link> : number.format(b.count)}{" "}
                  <span className="text-slate-500 dark:text-slate-400">{formatPercent(b.count, answered, locale)}</span>
                </span>
              </div>
              <div className="mt-0.5 h-1.5 w-full rounded-full bg-slate-100 dark:bg-slate-800">
                <div className="h-full rounded-full bg-sky-600 dark:bg-sky-500" style={{ width: `${(b.count / max) * 100}%` }} />
              </div>
            </li>
          );
        })}
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
