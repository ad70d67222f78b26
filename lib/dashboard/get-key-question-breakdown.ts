// The campaign's key questions (Voxia's `summary`, one call_answers row per call and question),
// summarised over the calls the filters select: yes/no shares, counts per option, min/avg/max of
// numbers, and the latest free-text answers with the calls they came from.
//
// The counts come from call_answer_rollups (answers per campaign × question × day × answer, exact,
// kept by the ingest transaction) plus the cut parts of a range's first and last day from
// call_answers; filters a rollup cannot answer (status, callStatus, text search) count the matching
// answers instead. Either way one query summarises the same (label, type, kind, text, answers) rows,
// so both give the same figures. A question's order, description and options (from its newest
// answers) and the latest free-text answers are read from call_answers by its (campaign, label,
// newest first) index.
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { answerRowWhereSql, callWhereSql, cutDaysSql, rollupsCanAnswer, rollupWhereSql, wholeDays } from "@/lib/calls/call-filters-sql";
import type { CallFilters } from "@/lib/calls/call-filters";

export const TOP_VALUES = 12;
export const LATEST_ANSWERS = 5;
// A question's order, description and options are the campaign's, as its newest answers in the range
// say them; reading only that many keeps the lookup short however many answers the range holds.
const QUESTION_SOURCE_ANSWERS = 100;

type Common = { label: string; type: string | null; description: string | null; calls: number; answered: number };

export type KeyQuestionBreakdown =
  | (Common & { kind: "yes_no"; yes: number; no: number; other: number })
  | (Common & { kind: "number"; min: number; avg: number; max: number; buckets: NumberBucket[] })
  | (Common & { kind: "choice"; values: { value: string; count: number }[] })
  | (Common & { kind: "text"; values: { value: string; count: number }[]; latest: LatestAnswer[] });

/** Answers in [from, to) — the last bucket includes its `to` (the maximum). */
export type NumberBucket = { from: number; to: number; last: boolean; count: number };
const BUCKETS = 5;
// Distinct numbers a question may have and still be bucketed from its value counts.
const MAX_DISTINCT_NUMBERS = 1000;

export type LatestAnswer = { callId: string; value: string; createdAt: Date; contactName: string | null };

const YES = ["true", "yes"];
const NO = ["false", "no"];
const NUMERIC_TEXT = "^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$";

type QuestionRow = {
  label: string; type: string | null; description: string | null; calls: number; answered: number;
  yes: number; no: number; numbers: number; min: number | null; avg: number | null; max: number | null; options: unknown;
  values: { value: string; count: number }[];
  numberCounts: { n: number; count: number }[] | null;
};

export async function getKeyQuestionBreakdown(filters: CallFilters): Promise<KeyQuestionBreakdown[]> {
  const isNumber = Prisma.sql`(value_kind = 'number' OR (value_kind = 'string' AND value_text ~ ${NUMERIC_TEXT}))`;
  const questions = await prisma().$queryRaw<QuestionRow[]>(Prisma.sql`
    WITH source AS MATERIALIZED (
      -- Days summed away first: what follows works on one row per distinct answer.
      SELECT label, type, value_kind, value_text, sum(answers) AS answers
      FROM (${answerCounts(filters)}) AS counted
      GROUP BY 1, 2, 3, 4 HAVING sum(answers) > 0
    ),
    classified AS (
      -- Answered as the filter answer=<label>:exists says: a value that is not null and not empty.
      SELECT label, answers, (value_text IS NOT NULL AND value_text <> '' AND coalesce(value_kind, 'null') <> 'null') AS answered,
        lower(value_text) AS lowered,
        CASE WHEN ${isNumber} THEN value_text::numeric END AS number
      FROM source
    ),
    stats AS (
      SELECT label,
        sum(answers)::int AS calls,
        COALESCE(sum(answers) FILTER (WHERE answered), 0)::int AS answered,
        COALESCE(sum(answers) FILTER (WHERE lowered IN (${Prisma.join(YES)})), 0)::int AS yes,
        COALESCE(sum(answers) FILTER (WHERE lowered IN (${Prisma.join(NO)})), 0)::int AS no,
        COALESCE(sum(answers) FILTER (WHERE number IS NOT NULL), 0)::int AS numbers,
        min(number)::float8 AS min,
        (sum(answers * number) / NULLIF(sum(answers) FILTER (WHERE number IS NOT NULL), 0))::float8 AS avg,
        max(number)::float8 AS max
      FROM classified GROUP BY label
    ),
    types AS (
      SELECT DISTINCT ON (label) label, type FROM (
        SELECT label, type, sum(answers) AS n FROM source WHERE type IS NOT NULL GROUP BY 1, 2
      ) t ORDER BY label, n DESC, type
    ),
    number_counts AS (
      SELECT label, json_agg(json_build_object('n', number, 'count', count) ORDER BY number) AS "numberCounts" FROM (
        SELECT label, number::float8 AS number, sum(answers)::int AS count FROM classified WHERE number IS NOT NULL GROUP BY 1, 2
      ) n GROUP BY label HAVING count(*) <= ${MAX_DISTINCT_NUMBERS}
    ),
    top_values AS (
      SELECT label, json_agg(json_build_object('value', value, 'count', count) ORDER BY rank) AS "values" FROM (
        SELECT label, value_text AS value, sum(answers)::int AS count,
          row_number() OVER (PARTITION BY label ORDER BY sum(answers) DESC, value_text) AS rank
        FROM source WHERE value_text IS NOT NULL GROUP BY 1, 2
      ) ranked WHERE rank <= ${TOP_VALUES} GROUP BY label
    )
    SELECT stats.*, types.type, newest.description, newest.options, COALESCE(top_values."values", '[]') AS "values",
      number_counts."numberCounts"
    FROM stats
    LEFT JOIN number_counts USING (label)
    LEFT JOIN types USING (label)
    LEFT JOIN top_values USING (label)
    LEFT JOIN LATERAL (
      SELECT (array_agg(position ORDER BY created_at DESC, call_id DESC))[1] AS position,
        (array_agg(description ORDER BY created_at DESC, call_id DESC) FILTER (WHERE description IS NOT NULL))[1] AS description,
        (array_agg(options ORDER BY created_at DESC, call_id DESC)
          FILTER (WHERE jsonb_typeof(options) = 'array' AND jsonb_array_length(options) > 0))[1] AS options
      FROM (
        SELECT a.position, a.description, a.options, a.created_at, a.call_id ${selectedAnswers(filters, Prisma.sql`stats.label`)}
        ORDER BY a.created_at DESC, a.call_id DESC LIMIT ${QUESTION_SOURCE_ANSWERS}
      ) AS latest
    ) AS newest ON true
    ORDER BY newest.position NULLS LAST, stats.label`);

  const breakdowns = questions.map((q): KeyQuestionBreakdown => {
    const common: Common = { label: q.label, type: q.type, description: q.description, calls: q.calls, answered: q.answered };
    const answerValues = q.values;
    const options = Array.isArray(q.options) ? q.options.map((o) => (typeof o === "string" ? o : JSON.stringify(o))) : [];
    if (q.type?.toUpperCase() === "YES_NO" || (q.answered > 0 && q.yes + q.no === q.answered)) {
      return { ...common, kind: "yes_no", yes: q.yes, no: q.no, other: q.answered - q.yes - q.no };
    }
    if (q.answered > 0 && q.numbers === q.answered && q.min !== null && q.avg !== null && q.max !== null) {
      return { ...common, kind: "number", min: q.min, avg: q.avg, max: q.max, buckets: numberBuckets(q.min, q.max, q.numberCounts ?? []) };
    }
    if (options.length > 0) {
      // Every option is listed, answered or not; values outside the options follow as sent.
      const counted = new Map(answerValues.map((v) => [v.value, v.count]));
      const listed = options.map((value) => ({ value, count: counted.get(value) ?? 0 }));
      const others = answerValues.filter((v) => !options.includes(v.value));
      return { ...common, kind: "choice", values: [...listed, ...others] };
    }
    // Free text repeats rarely; only values given more than once are worth counting.
    return { ...common, kind: "text", values: answerValues.filter((v) => v.count > 1), latest: [] };
  });

  const textLabels = breakdowns.filter((b) => b.kind === "text").map((b) => b.label);
  if (textLabels.length > 0) {
    const latest = await latestTextAnswers(filters, textLabels);
    for (const b of breakdowns) {
      if (b.kind === "text") b.latest = latest.filter((l) => l.label === b.label).map(({ label: _label, ...answer }) => answer);
    }
  }
  return breakdowns;
}

/** Filters that an answer rollup row can answer: campaign, date range and test flag. */
function answerRollupsCanAnswer(filters: CallFilters): boolean {
  return rollupsCanAnswer(filters, "answers") && wholeDays(filters) !== null;
}

/** (label, type, value_kind, value_text, answers) rows whose sums are the answers the filters select. */
function answerCounts(filters: CallFilters): Prisma.Sql {
  const days = wholeDays(filters);
  if (!answerRollupsCanAnswer(filters) || !days) {
    return Prisma.sql`
      SELECT a.label, a.type, jsonb_typeof(a.value) AS value_kind, a.value_text, 1 AS answers
      FROM call_answers a JOIN calls c ON c.id = a.call_id WHERE ${callWhereSql(filters, "c")}`;
  }
  const parts = [
    Prisma.sql`SELECT label, type, value_kind, value_text, answers FROM call_answer_rollups a
      WHERE a.answers <> 0 AND ${rollupWhereSql(filters, "answers", days, "a")}`,
  ];
  // The parts of a cut first or last day that the whole days leave out.
  const cut = cutDaysSql(filters, days, "a");
  if (cut) {
    parts.push(Prisma.sql`
      SELECT a.label, a.type, jsonb_typeof(a.value), a.value_text, 1 FROM call_answers a
      WHERE ${answerRowWhereSql(filters, "a")} AND ${cut}`);
  }
  return Prisma.join(parts, " UNION ALL ");
}

/** The answers of `label` (a column of the outer query) the filters select, newest first. */
function selectedAnswers(filters: CallFilters, label: Prisma.Sql): Prisma.Sql {
  return answerRollupsCanAnswer(filters)
    ? Prisma.sql`FROM call_answers a WHERE a.label = ${label} AND ${answerRowWhereSql(filters, "a")}`
    : Prisma.sql`FROM call_answers a JOIN calls cf ON cf.id = a.call_id WHERE a.label = ${label} AND ${callWhereSql(filters, "cf")}`;
}

async function latestTextAnswers(filters: CallFilters, labels: string[]) {
  const rows = await prisma().$queryRaw<{ label: string; call_id: string; value: string; created_at: Date; contact_name: string | null }[]>(
    Prisma.sql`
      SELECT l.label, x.call_id, x.value, x.created_at, c.contact_name
      FROM unnest(${labels}::text[]) AS l(label)
      CROSS JOIN LATERAL (
        SELECT a.call_id, a.value_text AS value, a.created_at ${selectedAnswers(filters, Prisma.sql`l.label`)}
          AND a.value_text IS NOT NULL AND jsonb_typeof(a.value) = 'string'
        ORDER BY a.created_at DESC, a.call_id DESC LIMIT ${LATEST_ANSWERS}
      ) AS x
      JOIN calls c ON c.id = x.call_id
      ORDER BY l.label, x.created_at DESC, x.call_id DESC`,
  );
  return rows.map((r) => ({ label: r.label, callId: r.call_id, value: r.value, createdAt: r.created_at, contactName: r.contact_name }));
}

/** Up to BUCKETS equal ranges from min to max (whole-number bounds when the answers are whole numbers). */
function numberBuckets(min: number, max: number, counts: { n: number; count: number }[]): NumberBucket[] {
  if (counts.length === 0) return [];
  const whole = counts.every((c) => Number.isInteger(c.n));
  const span = max - min;
  let width = span / BUCKETS;
  if (whole) width = Math.max(1, Math.ceil(width));
  if (span === 0 || width === 0) return [{ from: min, to: max, last: true, count: counts.reduce((n, c) => n + c.count, 0) }];
  const n = Math.max(1, Math.min(BUCKETS, Math.ceil(span / width)));
  const buckets: NumberBucket[] = Array.from({ length: n }, (_, i) => ({
    from: min + i * width,
    to: i === n - 1 ? max : min + (i + 1) * width,
    last: i === n - 1,
    count: 0,
  }));
  for (const c of counts) {
    const bucket = buckets.find((b) => c.n >= b.from && (b.last ? c.n <= b.to : c.n < b.to));
    if (bucket) bucket.count += c.count;
  }
  return buckets;
}
