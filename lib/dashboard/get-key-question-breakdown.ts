// The campaign's key questions (Voxia's `summary`, one call_answers row per call and question),
// summarised over the calls the filters select: yes/no shares, counts per option, min/avg/max of
// numbers, and the latest free-text answers with the calls they came from.
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { callWhereSql } from "@/lib/calls/call-filters-sql";
import type { CallFilters } from "@/lib/calls/call-filters";

export const TOP_VALUES = 12;
export const LATEST_ANSWERS = 5;

type Common = { label: string; type: string | null; description: string | null; calls: number; answered: number };

export type KeyQuestionBreakdown =
  | (Common & { kind: "yes_no"; yes: number; no: number; other: number })
  | (Common & { kind: "number"; min: number; avg: number; max: number })
  | (Common & { kind: "choice"; values: { value: string; count: number }[] })
  | (Common & { kind: "text"; values: { value: string; count: number }[]; latest: LatestAnswer[] });

export type LatestAnswer = { callId: string; value: string; createdAt: Date; contactName: string | null };

const YES = ["true", "yes"];
const NO = ["false", "no"];
const NUMERIC_TEXT = "^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$";

export async function getKeyQuestionBreakdown(filters: CallFilters): Promise<KeyQuestionBreakdown[]> {
  const where = callWhereSql(filters);
  const isNumber = Prisma.sql`(jsonb_typeof(a.value) = 'number' OR (jsonb_typeof(a.value) = 'string' AND a.value_text ~ ${NUMERIC_TEXT}))`;
  const [questions, values, latest] = await Promise.all([
    prisma().$queryRaw<
      {
        label: string; type: string | null; description: string | null; calls: number; answered: number;
        yes: number; no: number; numbers: number; min: number | null; avg: number | null; max: number | null; options: unknown;
      }[]
    >(Prisma.sql`
      SELECT a.label,
        mode() WITHIN GROUP (ORDER BY a.type) AS type,
        (array_agg(a.description ORDER BY c.created_at DESC) FILTER (WHERE a.description IS NOT NULL))[1] AS description,
        count(*)::int AS calls,
        count(a.value_text)::int AS answered,
        count(*) FILTER (WHERE lower(a.value_text) IN (${Prisma.join(YES)}))::int AS yes,
        count(*) FILTER (WHERE lower(a.value_text) IN (${Prisma.join(NO)}))::int AS no,
        count(*) FILTER (WHERE ${isNumber})::int AS numbers,
        min(CASE WHEN ${isNumber} THEN a.value_text::float8 END) AS min,
        avg(CASE WHEN ${isNumber} THEN a.value_text::float8 END) AS avg,
        max(CASE WHEN ${isNumber} THEN a.value_text::float8 END) AS max,
        (array_agg(a.options ORDER BY c.created_at DESC)
          FILTER (WHERE jsonb_typeof(a.options) = 'array' AND jsonb_array_length(a.options) > 0))[1] AS options
      FROM call_answers a JOIN calls c ON c.id = a.call_id
      WHERE ${where}
      GROUP BY a.label
      ORDER BY min(a.position) NULLS LAST, a.label`),
    prisma().$queryRaw<{ label: string; value: string; count: number }[]>(Prisma.sql`
      SELECT label, value, count FROM (
        SELECT a.label, a.value_text AS value, count(*)::int AS count,
          row_number() OVER (PARTITION BY a.label ORDER BY count(*) DESC, a.value_text) AS rank
        FROM call_answers a JOIN calls c ON c.id = a.call_id
        WHERE ${where} AND a.value_text IS NOT NULL
        GROUP BY a.label, a.value_text
      ) ranked WHERE rank <= ${TOP_VALUES}
      ORDER BY label, rank`),
    prisma().$queryRaw<{ label: string; call_id: string; value: string; created_at: Date; contact_name: string | null }[]>(Prisma.sql`
      SELECT label, call_id, value, created_at, contact_name FROM (
        SELECT a.label, a.call_id, a.value_text AS value, c.created_at, c.contact_name,
          row_number() OVER (PARTITION BY a.label ORDER BY c.created_at DESC, a.call_id DESC) AS rank
        FROM call_answers a JOIN calls c ON c.id = a.call_id
        WHERE ${where} AND a.value_text IS NOT NULL AND jsonb_typeof(a.value) = 'string'
      ) ranked WHERE rank <= ${LATEST_ANSWERS}
      ORDER BY label, rank`),
  ]);

  return questions.map((q) => {
    const common: Common = { label: q.label, type: q.type, description: q.description, calls: q.calls, answered: q.answered };
    const answerValues = values.filter((v) => v.label === q.label).map(({ value, count }) => ({ value, count }));
    const options = Array.isArray(q.options) ? q.options.map((o) => (typeof o === "string" ? o : JSON.stringify(o))) : [];
    if (q.type?.toUpperCase() === "YES_NO" || (q.answered > 0 && q.yes + q.no === q.answered)) {
      return { ...common, kind: "yes_no", yes: q.yes, no: q.no, other: q.answered - q.yes - q.no };
    }
    if (q.answered > 0 && q.numbers === q.answered && q.min !== null && q.avg !== null && q.max !== null) {
      return { ...common, kind: "number", min: q.min, avg: q.avg, max: q.max };
    }
    if (options.length > 0) {
      // Every option is listed, answered or not; values outside the options follow as sent.
      const counted = new Map(answerValues.map((v) => [v.value, v.count]));
      const listed = options.map((value) => ({ value, count: counted.get(value) ?? 0 }));
      const others = answerValues.filter((v) => !options.includes(v.value));
      return { ...common, kind: "choice", values: [...listed, ...others] };
    }
    const latestAnswers = latest
      .filter((l) => l.label === q.label)
      .map((l) => ({ callId: l.call_id, value: l.value, createdAt: l.created_at, contactName: l.contact_name }));
    // Free text repeats rarely; only values given more than once are worth counting.
    return { ...common, kind: "text", values: answerValues.filter((v) => v.count > 1), latest: latestAnswers };
  });
}
