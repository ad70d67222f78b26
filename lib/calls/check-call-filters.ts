// The filters of a request, read and then checked against the data: an `answer` condition is typed by
// its question's type (Voxia's summary `type`), which only the stored answers know. GET /api/calls,
// GET /api/stats and the CSV export all read their filters through readCallFilters, so a value of
// the wrong type is the same 400 naming `answer` on each.
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { isNumberText, parseCallFilters, type AnswerFilter, type CallFilters, type FilterProblem } from "./call-filters";

type Read = { ok: true; filters: CallFilters } | { ok: false; problem: FilterProblem };

export async function readCallFilters(params: URLSearchParams): Promise<Read> {
  const parsed = parseCallFilters(params);
  if (!parsed.ok) return parsed;
  const problem = await checkAnswerTypes(parsed.filters.answer);
  return problem ? { ok: false, problem } : parsed;
}

const NUMBER_OPS = new Set(["gt", "gte", "lt", "lte"]);

/**
 * Whether `answer`'s op and value make sense for a question of `type` (upper-case): a reason when not.
 * Types Voxia may add that Callboard does not know take any value, compared as text or number.
 */
function typeProblem(answer: AnswerFilter, type: string): string | null {
  const { op, value } = answer;
  if (op === "exists" || op === "missing" || value === null) return null;
  switch (type) {
    case "YES_NO":
      if (op !== "eq" && op !== "neq") return `op ${op} does not apply to a yes/no question (use eq or neq with true or false)`;
      return /^(true|false)$/i.test(value.trim()) ? null : `a yes/no question takes true or false, not "${value}"`;
    case "NUMBER":
      if (op === "contains") return `op contains does not apply to a number question (use eq, neq, gt, gte, lt or lte)`;
      return isNumberText(value) ? null : `a number question takes a number, not "${value}"`;
    case "TEXT":
    case "MULTIPLE_CHOICE":
    case "SINGLE_CHOICE":
      return NUMBER_OPS.has(op) ? `op ${op} compares numbers; a ${type} question is compared with eq, neq or contains` : null;
    default:
      return null;
  }
}

async function checkAnswerTypes(answers: AnswerFilter[]): Promise<FilterProblem | null> {
  const typed = answers.filter((a) => a.op !== "exists" && a.op !== "missing");
  if (typed.length === 0) return null;
  const labels = [...new Set(typed.map((a) => a.label))];
  const types = await answerTypes(labels);
  for (const answer of typed) {
    const known = types.get(answer.label) ?? [];
    // A label never stored with a type (Voxia's older format, or not answered yet) takes any value.
    if (known.length === 0) continue;
    const reasons = known.map((type) => typeProblem(answer, type));
    if (reasons.some((reason) => reason === null)) continue;
    return { param: "answer", message: `"answer" ${JSON.stringify(answer.label)}: ${reasons[0]}` };
  }
  return null;
}

/**
 * The distinct types (upper-case) each label's answers were stored with: a skip scan of the
 * (label, type) index, one index probe per type, however many answers a label has.
 */
async function answerTypes(labels: string[]): Promise<Map<string, string[]>> {
  const rows = await prisma().$queryRaw<{ label: string; type: string }[]>(Prisma.sql`
    WITH RECURSIVE t AS (
      SELECT l.label, (SELECT min(a.type) FROM call_answers a WHERE a.label = l.label) AS type
      FROM unnest(${labels}::text[]) AS l(label)
      UNION ALL
      SELECT t.label, (SELECT min(a.type) FROM call_answers a WHERE a.label = t.label AND a.type > t.type)
      FROM t WHERE t.type IS NOT NULL
    )
    SELECT label, type FROM t WHERE type IS NOT NULL`);
  const types = new Map<string, string[]>();
  for (const row of rows) {
    const list = types.get(row.label) ?? [];
    const upper = row.type.toUpperCase();
    if (!list.includes(upper)) list.push(upper);
    types.set(row.label, list);
  }
  return types;
}
