// The filter object of call-filters.ts as SQL: the one compiler of the filters, with one place per
// table they run on — the `calls` table (callWhereSql: every list, count, aggregate and export), the
// rollup tables (rollupWhereSql, for the whole days of a range, with cutDaysSql for the cut edges)
// and the answers (answerRowWhereSql over call_answers rows). The keyset order of every list
// (created_at desc, id desc) and its cursor bounds are here too.
import { Prisma } from "@/lib/generated/prisma/client";
import { callbackSql, completedSql, connectedSql, doNotCallSql, interestedSql, voicemailSql } from "@/lib/rollups/call-outcome-sql";
import { ANSWERED } from "@/lib/rollups/rollup-sql";
import { escapeLike, isNumberText, NONE, type AnswerFilter, type CallFilters } from "./call-filters";
import type { MeasureName } from "./measure-names";
import { DAY_MS, startOfUtcDay } from "@/lib/time/utc-day";

const MEASURE_SQL: Record<MeasureName, (alias: string) => string> = {
  connected: connectedSql,
  completed: completedSql,
  interested: interestedSql,
  callback: callbackSql,
  doNotCall: doNotCallSql,
  voicemail: voicemailSql,
};

// Each list parameter → the calls column it selects on.
const LIST_COLUMNS = {
  campaign: "campaign_id",
  status: "status",
  callStatus: "call_status",
  hangUpReason: "hang_up_reason",
  postProcessStatus: "post_process_status",
  webhookEvent: "webhook_event",
  contact: "contact_id",
} as const;

const CONTACT_STATUS_COLUMNS = { callMeLater: "call_me_later", doNotCall: "do_not_call", wrongNumber: "wrong_number" } as const;

function column(alias: string, name: string): Prisma.Sql {
  return Prisma.raw(`"${alias.replaceAll('"', "")}".${name}`);
}

/** `col IN (values)`, with NONE meaning `col IS NULL`. */
function anyOf(col: Prisma.Sql, values: string[]): Prisma.Sql {
  const given = values.filter((v) => v !== NONE);
  const parts: Prisma.Sql[] = [];
  if (given.length > 0) parts.push(Prisma.sql`${col} IN (${Prisma.join(given)})`);
  if (given.length < values.length) parts.push(Prisma.sql`${col} IS NULL`);
  return parts.length === 1 ? parts[0]! : Prisma.sql`(${Prisma.join(parts, " OR ")})`;
}

/** The WHERE condition (without the keyword) over the `calls` table aliased as `alias`. */
export function callWhereSql(filters: CallFilters, alias = "c"): Prisma.Sql {
  const c = (name: string) => column(alias, name);
  const and: Prisma.Sql[] = [];
  for (const [param, name] of Object.entries(LIST_COLUMNS) as [keyof typeof LIST_COLUMNS, string][]) {
    if (filters[param].length > 0) and.push(anyOf(c(name), filters[param]));
  }
  if (filters.contactStatus.length > 0) {
    and.push(Prisma.sql`(${Prisma.join(filters.contactStatus.map((flag) => Prisma.sql`${c(CONTACT_STATUS_COLUMNS[flag])} IS TRUE`), " OR ")})`);
  }
  if (filters.interested !== null) and.push(filters.interested ? Prisma.sql`${c("interested_reached")} IS TRUE` : Prisma.sql`${c("interested_reached")} IS FALSE`);
  if (filters.minDuration !== null) and.push(Prisma.sql`${c("duration")} >= ${filters.minDuration}`);
  if (filters.maxDuration !== null) and.push(Prisma.sql`${c("duration")} <= ${filters.maxDuration}`);
  if (filters.event.length > 0) and.push(eventSql(filters.event, c("id")));
  for (const answer of filters.answer) and.push(answerSql(answer, c("id")));
  for (const measure of filters.measure) and.push(Prisma.raw(MEASURE_SQL[measure](alias.replaceAll('"', ""))));
  if (filters.from) and.push(Prisma.sql`${c("created_at")} >= ${filters.from}`);
  if (filters.to) and.push(Prisma.sql`${c("created_at")} < ${filters.to}`);
  if (filters.test === "exclude") and.push(Prisma.sql`${c("is_test_call")} = false`);
  if (filters.test === "only") and.push(Prisma.sql`${c("is_test_call")} = true`);
  if (filters.q) {
    // "contains": the search text is matched literally, so % and _ typed by a user are escaped.
    // contact.data is searched in the text of its values (callboard_contact_data_text, a SQL function
    // of the migration 20261202130000_filter_indexes, trigram-indexed), not in its keys.
    const pattern = `%${escapeLike(filters.q)}%`;
    if (filters.maskedSearch) {
      // A viewer must not learn by searching that a number they see masked is in the data: no phone
      // column is searched, nor free text (contact.data, the transcript) when q has more digits than a mask shows.
      const text = revealsDigits(filters.q) ? Prisma.empty
        : Prisma.sql`OR ${c("transcript_text")} ILIKE ${pattern} OR callboard_contact_data_text(${c("contact_data")}) ILIKE ${pattern}`;
      and.push(Prisma.sql`(${c("id")} = ${filters.q} OR ${c("contact_id")} = ${filters.q} OR ${c("contact_name")} ILIKE ${pattern} ${text})`);
    } else {
      and.push(Prisma.sql`(
        ${c("id")} = ${filters.q} OR ${c("contact_id")} = ${filters.q}
        OR ${c("contact_name")} ILIKE ${pattern} OR ${c("contact_phone")} ILIKE ${pattern} OR ${c("transcript_text")} ILIKE ${pattern}
        OR callboard_contact_data_text(${c("contact_data")}) ILIKE ${pattern})`);
    }
  }
  return and.length > 0 ? Prisma.join(and, " AND ") : Prisma.sql`TRUE`;
}

/** More digits than a masked number shows (its last four): such text could confirm a whole number. */
export const revealsDigits = (q: string) => q.replace(/\D/g, "").length > 4;

/**
 * The call has an event of one of `types`; NONE: the call has no event at all (an event Voxia sent
 * without a type is selected by neither: it is an event, of no known type).
 */
function eventSql(types: string[], callId: Prisma.Sql): Prisma.Sql {
  const given = types.filter((t) => t !== NONE);
  const parts: Prisma.Sql[] = [];
  if (given.length > 0) parts.push(Prisma.sql`EXISTS (SELECT 1 FROM call_events e WHERE e.call_id = ${callId} AND e.type IN (${Prisma.join(given)}))`);
  if (given.length < types.length) parts.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM call_events e WHERE e.call_id = ${callId})`);
  return parts.length === 1 ? parts[0]! : Prisma.sql`(${Prisma.join(parts, " OR ")})`;
}

// A key question's answer, read by its type: a number (or numeric text), a yes/no, or text. The type is
// the row's own (a label may be a NUMBER in one campaign and TEXT in another), compared upper-case.
const ANSWER_TYPE = `upper(a.type)`;
const ANSWER_NUMBER = `CASE WHEN jsonb_typeof(a.value) = 'number' THEN (a.value #>> '{}')::numeric
  WHEN a.value_text ~ '^\\s*-?(\\d+(\\.\\d*)?|\\.\\d+)\\s*$' THEN btrim(a.value_text)::numeric END`;
const ANSWER_BOOLEAN = `CASE WHEN jsonb_typeof(a.value) = 'boolean' THEN (a.value #>> '{}')::boolean
  WHEN lower(btrim(a.value_text)) IN ('true', 'yes') THEN true WHEN lower(btrim(a.value_text)) IN ('false', 'no') THEN false END`;

/**
 * True when the answer row `a` satisfies `answer` as the row's question type reads it: YES_NO as a
 * yes/no, NUMBER as a number, options (a text or a list of chosen options) option by option,
 * case-insensitively. Values were checked against the label's types (validate-call-filters.ts).
 */
function answerMatches(answer: AnswerFilter): Prisma.Sql {
  const value = answer.value ?? "";
  const number = isNumberText(value) ? value.trim() : null;
  const lowered = value.trim().toLowerCase();
  const bool = lowered === "true" ? true : lowered === "false" ? false : null;
  const type = Prisma.raw(ANSWER_TYPE);
  const isBoolean = Prisma.sql`(${type} = 'YES_NO' OR (${type} IS DISTINCT FROM 'NUMBER' AND jsonb_typeof(a.value) = 'boolean'))`;
  const isNumber = Prisma.sql`(${type} = 'NUMBER' OR (${type} IS DISTINCT FROM 'YES_NO' AND jsonb_typeof(a.value) = 'number'))`;
  const num = Prisma.raw(`(${ANSWER_NUMBER})`);
  const yes = Prisma.raw(`(${ANSWER_BOOLEAN})`);
  const asNumber = number === null ? Prisma.sql`NULL::numeric` : Prisma.sql`${number}::numeric`;
  const option = Prisma.sql`(lower(a.value_text) = lower(${value})
      OR (jsonb_typeof(a.value) = 'array' AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(a.value) o WHERE lower(o) = lower(${value}))))`;
  switch (answer.op) {
    case "eq":
    case "neq":
      return Prisma.sql`(CASE WHEN ${isBoolean} THEN ${yes} = ${bool}::boolean
        WHEN ${isNumber} THEN ${num} = ${asNumber}
        ELSE ${option} END)`;
    case "gt":
      return Prisma.sql`${num} > ${asNumber}`;
    case "gte":
      return Prisma.sql`${num} >= ${asNumber}`;
    case "lt":
      return Prisma.sql`${num} < ${asNumber}`;
    case "lte":
      return Prisma.sql`${num} <= ${asNumber}`;
    case "contains":
      return Prisma.sql`(a.value_text ILIKE ${`%${escapeLike(value)}%`}
        OR (jsonb_typeof(a.value) = 'array' AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(a.value) o WHERE o ILIKE ${`%${escapeLike(value)}%`})))`;
    case "exists":
    case "missing":
      return Prisma.sql`TRUE`;
  }
}

/**
 * One `answer` condition on the call `callId`. `exists`: the question is answered; `missing`: it is
 * not (not asked, or asked without an answer); `neq`: answered with something else — an unanswered
 * question is `missing`, never "not equal". The others: answered, and the comparison holds.
 */
function answerSql(answer: AnswerFilter, callId: Prisma.Sql): Prisma.Sql {
  const answered = Prisma.raw(ANSWERED);
  if (answer.op === "missing") {
    return Prisma.sql`NOT EXISTS (SELECT 1 FROM call_answers a WHERE a.call_id = ${callId} AND a.label = ${answer.label} AND ${answered})`;
  }
  return Prisma.sql`EXISTS (SELECT 1 FROM call_answers a WHERE a.call_id = ${callId} AND ${answered} AND ${answeredRowMatchesSql(answer)})`;
}

/**
 * An answered answer row `a` (of call_answers or answer_call_rollups) of `answer`'s label that
 * satisfies it; any op but `missing`, which no answered row can tell.
 */
export function answeredRowMatchesSql(answer: AnswerFilter): Prisma.Sql {
  const matches = answer.op === "neq" ? Prisma.sql`(${answerMatches(answer)}) IS NOT TRUE` : Prisma.sql`(${answerMatches(answer)}) IS TRUE`;
  return Prisma.sql`a.label = ${answer.label} AND ${matches}`;
}

export type CallCursor = { createdAt: Date; id: string };

/**
 * Rows strictly after (`older`) or before (`newer`) the cursor in (created_at desc, id desc) order.
 * The redundant bound on created_at alone is what lets Postgres start the index scan at the cursor:
 * with the OR alone it reads every newer row first (measured at 1M calls: 708 ms for a cursor
 * half-way down, 0.08 ms with the bound).
 */
export function keysetSql(cursor: { createdAt: Date | string; id: string }, direction: "older" | "newer", alias = "c"): Prisma.Sql {
  const createdAt = column(alias, "created_at");
  const id = column(alias, "id");
  const at = Prisma.sql`${cursor.createdAt}::timestamptz`;
  return direction === "older"
    ? Prisma.sql`${createdAt} <= ${at} AND (${createdAt} < ${at} OR (${createdAt} = ${at} AND ${id} < ${cursor.id}))`
    : Prisma.sql`${createdAt} >= ${at} AND (${createdAt} > ${at} OR (${createdAt} = ${at} AND ${id} > ${cursor.id}))`;
}

/** Ids of the calls matching the filters, in list order from the cursor, at most `limit`. */
export function matchingCallIdsSql(
  filters: CallFilters,
  page: { cursor?: CallCursor | null; direction?: "older" | "newer"; limit: number },
): Prisma.Sql {
  const direction = page.direction ?? "older";
  const bound = page.cursor ? Prisma.sql`AND ${keysetSql(page.cursor, direction)}` : Prisma.empty;
  const order = direction === "older" ? Prisma.raw("DESC") : Prisma.raw("ASC");
  return Prisma.sql`SELECT c.id, c.created_at AS "createdAt" FROM calls c
    WHERE ${callWhereSql(filters)} ${bound}
    ORDER BY c.created_at ${order}, c.id ${order}
    LIMIT ${page.limit}`;
}

// The parameters a rollup table can answer because they are columns of its key; any other set
// parameter (a search, an answer, a duration…) needs the calls themselves.
const ROLLUP_KEYS = {
  calls: ["campaign", "status", "callStatus"],
  answers: ["campaign"],
} as const;

/** True when `filters` constrains nothing but the rollup's key columns, the range and the test flag. */
export function rollupsCanAnswer(filters: CallFilters, rollup: keyof typeof ROLLUP_KEYS): boolean {
  const keys: readonly string[] = ROLLUP_KEYS[rollup];
  return (
    LIST_PARAM_NAMES.every((name) => keys.includes(name) || filters[name].length === 0) &&
    filters.contactStatus.length === 0 &&
    filters.interested === null &&
    filters.minDuration === null &&
    filters.maxDuration === null &&
    filters.answer.length === 0 &&
    filters.measure.length === 0 &&
    !filters.q
  );
}
/**
 * True when answer_call_rollups can answer `filters`: one `answer` condition (not `missing`: a call
 * without the answer has no row there) beside only what call_rollups can answer.
 */
export function answerCallRollupsCanAnswer(filters: CallFilters): boolean {
  return filters.answer.length === 1 && filters.answer[0]!.op !== "missing" && rollupsCanAnswer({ ...filters, answer: [] }, "calls");
}
const LIST_PARAM_NAMES = [...Object.keys(LIST_COLUMNS), "event"] as (keyof typeof LIST_COLUMNS | "event")[];

/**
 * The same filters over a rollup table (call_rollups, call_rollups_daily or call_answer_rollups, whose
 * key columns bear the calls' names), for the whole UTC days [days.from, days.to) when given; only
 * when rollupsCanAnswer. The day bounds are on a `day` column (call_rollups_daily,
 * call_answer_rollups): call_rollups has an `hour` instead, and its callers bound that themselves.
 */
export function rollupWhereSql(filters: CallFilters, rollup: keyof typeof ROLLUP_KEYS, days: Days = { from: null, to: null }, alias = "r"): Prisma.Sql {
  const r = (name: string) => column(alias, name);
  const and: Prisma.Sql[] = [];
  for (const param of ROLLUP_KEYS[rollup]) if (filters[param].length > 0) and.push(anyOf(r(LIST_COLUMNS[param]), filters[param]));
  if (days.from) and.push(Prisma.sql`${r("day")} >= ${days.from.toISOString().slice(0, 10)}::date`);
  if (days.to) and.push(Prisma.sql`${r("day")} < ${days.to.toISOString().slice(0, 10)}::date`);
  if (filters.test === "exclude") and.push(Prisma.sql`${r("is_test_call")} = false`);
  if (filters.test === "only") and.push(Prisma.sql`${r("is_test_call")} = true`);
  return and.length > 0 ? Prisma.join(and, " AND ") : Prisma.sql`TRUE`;
}

type Days = { from: Date | null; to: Date | null };

/**
 * The whole UTC days inside [from, to), which the rollups per UTC day (call_rollups_daily,
 * call_answer_rollups) can answer; null when the range holds no whole UTC day.
 */
export function wholeDays(filters: CallFilters): Days | null {
  const from = filters.from ? ceilDay(filters.from) : null;
  const to = filters.to ? startOfUtcDay(filters.to) : null;
  if (from && to && from >= to) return null;
  return { from, to };
}

function ceilDay(date: Date): Date {
  const floor = startOfUtcDay(date);
  return floor.getTime() === date.getTime() ? floor : new Date(floor.getTime() + DAY_MS);
}

/**
 * The parts of a range's cut first and last day that the whole `days` leave out, as a condition on
 * `alias`.created_at (calls or call_answers); null when the range starts and ends on day boundaries.
 * Rows there are read from the table itself (with callWhereSql / answerRowWhereSql) beside the rollups.
 */
export function cutDaysSql(filters: CallFilters, days: Days, alias: string): Prisma.Sql | null {
  const createdAt = column(alias, "created_at");
  const edges: Prisma.Sql[] = [];
  if (filters.from && days.from && filters.from < days.from) edges.push(Prisma.sql`${createdAt} < ${days.from}`);
  if (filters.to && days.to && filters.to > days.to) edges.push(Prisma.sql`${createdAt} >= ${days.to}`);
  return edges.length > 0 ? Prisma.sql`(${Prisma.join(edges, " OR ")})` : null;
}

/**
 * The filters over call_answers rows aliased `alias`: each carries its call's campaign, created_at and
 * test flag, so what rollupsCanAnswer(filters, "answers") allows needs no join with the calls.
 */
export function answerRowWhereSql(filters: CallFilters, alias = "a"): Prisma.Sql {
  const a = (name: string) => column(alias, name);
  const and: Prisma.Sql[] = [];
  for (const param of ROLLUP_KEYS.answers) if (filters[param].length > 0) and.push(anyOf(a(LIST_COLUMNS[param]), filters[param]));
  if (filters.from) and.push(Prisma.sql`${a("created_at")} >= ${filters.from}`);
  if (filters.to) and.push(Prisma.sql`${a("created_at")} < ${filters.to}`);
  if (filters.test === "exclude") and.push(Prisma.sql`${a("is_test_call")} = false`);
  if (filters.test === "only") and.push(Prisma.sql`${a("is_test_call")} = true`);
  return and.length > 0 ? Prisma.join(and, " AND ") : Prisma.sql`TRUE`;
}
