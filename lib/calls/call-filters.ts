// The one definition of "which calls": URL parameters ⇄ filter object (this file) ⇄ SQL condition
// (call-filters-sql.ts). Pages, client controls, the JSON API, stats and the CSV export all go
// through it, so a link copied from the dashboard and a script's API call mean exactly the same calls.
import { isTimeZone, startOfDayIn, dayIn, nextDay } from "@/lib/time/time-zone";
import { MEASURE_NAMES, type MeasureName } from "@/lib/calls/measure-names";

export type TestCalls = "exclude" | "include" | "only";

/** In a list filter (status, campaign, …): the calls where that field is not set at all. */
export const NONE = "(none)";

export const CONTACT_STATUSES = ["callMeLater", "doNotCall", "wrongNumber"] as const;
export type ContactStatusFlag = (typeof CONTACT_STATUSES)[number];

export const ANSWER_OPS = ["eq", "neq", "gt", "gte", "lt", "lte", "contains", "exists", "missing"] as const;
export type AnswerOp = (typeof ANSWER_OPS)[number];
/** A condition on one key question's answer: `answer=<label>:<op>:<value>` (label, value URL-encoded). */
export type AnswerFilter = { label: string; op: AnswerOp; value: string | null };

export type CallFilters = {
  /** Campaign ids; NONE selects calls that named no campaign. Any of. */
  campaign: string[];
  /** The composite `status`, any of; NONE selects calls without one. Likewise the lists below. */
  status: string[];
  callStatus: string[];
  hangUpReason: string[];
  postProcessStatus: string[];
  /** The call's latest lifecycle stage. */
  webhookEvent: string[];
  /** contactStatus flags that are true; any of. */
  contactStatus: ContactStatusFlag[];
  /** interested.reached is exactly this (null: either, or not sent). */
  interested: boolean | null;
  /** Seconds, inclusive. */
  minDuration: number | null;
  maxDuration: number | null;
  /** The call has an event of one of these types (SMS, FORWARD, MEETING, …). */
  event: string[];
  /** Voxia contact ids (contacts without one are "phone:<number>"), any of. */
  contact: string[];
  /** Key-question conditions; all must hold. */
  answer: AnswerFilter[];
  /** Named measures of the glossary (connected, interested, …); all must hold. */
  measure: MeasureName[];
  /** Inclusive lower bound on createdAt. */
  from: Date | null;
  /** Exclusive upper bound on createdAt (a date-only `to` means "through that day"). */
  to: Date | null;
  q: string | null;
  /** The searcher reads numbers masked (a viewer): `q` must not tell them a number is in the data (searchFor). */
  maskedSearch?: boolean;
  test: TestCalls;
  /** The zone date-only `from`/`to` are days of (IANA name); `tz` in the URL. */
  timeZone: string;
};

export const EMPTY_FILTERS: CallFilters = {
  campaign: [],
  status: [],
  callStatus: [],
  hangUpReason: [],
  postProcessStatus: [],
  webhookEvent: [],
  contactStatus: [],
  interested: null,
  minDuration: null,
  maxDuration: null,
  event: [],
  contact: [],
  answer: [],
  measure: [],
  from: null,
  to: null,
  q: null,
  test: "exclude",
  timeZone: "UTC",
};

/** The repeatable any-of parameters, each a string list of CallFilters under the same name. */
export const LIST_PARAMS = ["campaign", "status", "callStatus", "hangUpReason", "postProcessStatus", "webhookEvent", "event", "contact"] as const;

export type FilterProblem = { param: string; message: string };
type Parsed = { ok: true; filters: CallFilters } | { ok: false; problem: FilterProblem };
export type Params = URLSearchParams | Record<string, string | string[] | undefined>;
export type ParseOptions = {
  /** The zone of date-only dates when the URL has no `tz` (pages: the viewer's zone). Default UTC. */
  timeZone?: string;
};

function rawValues(params: Params, name: string): string[] {
  return params instanceof URLSearchParams ? params.getAll(name) : [params[name] ?? []].flat();
}

export function getAll(params: Params, name: string): string[] {
  // `?status=A,B` and `?status=A&status=B` mean the same.
  return rawValues(params, name).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
}

export function getOne(params: Params, name: string): string | undefined {
  return rawValues(params, name).map((v) => v.trim()).find(Boolean);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// A decimal number as JavaScript writes one (String(5e-7) is "5e-7"), so a filter written back reads back.
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** True for a number as the filters take one: 42, -1.5, .5, 1e-7. */
export function isNumberText(value: string): boolean {
  return NUMBER.test(value.trim());
}

function parseDate(value: string, endOfDay: boolean, zone: string): Date | null {
  if (DATE_ONLY.test(value)) {
    const day = new Date(`${value}T00:00:00.000Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) return null;
    return startOfDayIn(endOfDay ? nextDay(value) : value, zone);
  }
  // A time without an offset is ambiguous: only full ISO 8601 instants are taken.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `<label>:<op>[:<value>]`, label and value URL-encoded (so a ':' inside them is %3A). */
export function parseAnswerFilter(raw: string): AnswerFilter | string {
  const [encodedLabel, op, ...rest] = raw.split(":");
  let label: string;
  let value: string | null;
  try {
    label = decodeURIComponent(encodedLabel ?? "").trim();
    value = rest.length > 0 ? decodeURIComponent(rest.join(":")) : null;
  } catch {
    return `"answer" must be <label>:<op>:<value> with label and value URL-encoded`;
  }
  if (!label) return `"answer" must start with a key question's label: <label>:<op>:<value>`;
  if (!op || !(ANSWER_OPS as readonly string[]).includes(op)) {
    return `"answer" op must be one of ${ANSWER_OPS.join(", ")} (got "${op ?? ""}")`;
  }
  const answerOp = op as AnswerOp;
  if (answerOp === "exists" || answerOp === "missing") return { label, op: answerOp, value: null };
  if (value === null || value === "") return `"answer" op ${op} needs a value: ${encodedLabel}:${op}:<value>`;
  if (["gt", "gte", "lt", "lte"].includes(answerOp) && !NUMBER.test(value.trim())) {
    return `"answer" op ${op} compares numbers; "${value}" is not a number`;
  }
  return { label, op: answerOp, value };
}

export function formatAnswerFilter(filter: AnswerFilter): string {
  const head = `${encodeURIComponent(filter.label)}:${filter.op}`;
  return filter.value === null ? head : `${head}:${encodeURIComponent(filter.value)}`;
}

function parseSeconds(params: Params, name: "minDuration" | "maxDuration"): number | null | FilterProblem {
  const raw = getOne(params, name);
  if (raw === undefined) return null;
  if (!NUMBER.test(raw) || Number(raw) < 0) return { param: name, message: `"${name}" must be a number of seconds, 0 or more` };
  return Number(raw);
}

export function parseCallFilters(params: Params, options: ParseOptions = {}): Parsed {
  // Fresh lists: EMPTY_FILTERS is shared, and `answer` is built by push.
  const filters: CallFilters = { ...EMPTY_FILTERS, answer: [] };
  for (const name of LIST_PARAMS) filters[name] = [...new Set(getAll(params, name))];

  const contactStatus = getAll(params, "contactStatus");
  const badFlag = contactStatus.find((s) => !(CONTACT_STATUSES as readonly string[]).includes(s));
  if (badFlag) return problem("contactStatus", `"contactStatus" must be ${CONTACT_STATUSES.join(", ")} (got "${badFlag}")`);
  filters.contactStatus = [...new Set(contactStatus)] as ContactStatusFlag[];

  const measure = getAll(params, "measure");
  const badMeasure = measure.find((m) => !(MEASURE_NAMES as readonly string[]).includes(m));
  if (badMeasure) return problem("measure", `"measure" must be one of ${MEASURE_NAMES.join(", ")} (got "${badMeasure}")`);
  filters.measure = [...new Set(measure)] as MeasureName[];

  const interested = getOne(params, "interested");
  if (interested !== undefined) {
    if (interested !== "true" && interested !== "false") return problem("interested", `"interested" must be true or false`);
    filters.interested = interested === "true";
  }

  for (const name of ["minDuration", "maxDuration"] as const) {
    const seconds = parseSeconds(params, name);
    if (seconds !== null && typeof seconds === "object") return { ok: false, problem: seconds };
    filters[name] = seconds;
  }
  if (filters.minDuration !== null && filters.maxDuration !== null && filters.minDuration > filters.maxDuration) {
    return problem("maxDuration", `"maxDuration" must not be less than "minDuration"`);
  }

  // Not split on commas: a label or value may contain one (they are URL-encoded, a ',' need not be).
  for (const raw of rawValues(params, "answer").map((v) => v.trim()).filter(Boolean)) {
    const parsed = parseAnswerFilter(raw);
    if (typeof parsed === "string") return problem("answer", parsed);
    if (!filters.answer.some((a) => formatAnswerFilter(a) === formatAnswerFilter(parsed))) filters.answer.push(parsed);
  }

  const tz = getOne(params, "tz");
  const zone = tz ?? options.timeZone ?? "UTC";
  if (!isTimeZone(zone)) return problem("tz", `"tz" must be an IANA time zone such as UTC or Europe/Berlin (got "${zone}")`);
  filters.timeZone = zone;

  for (const [name, endOfDay] of [["from", false], ["to", true]] as const) {
    const raw = getOne(params, name);
    if (!raw) continue;
    const date = parseDate(raw, endOfDay, zone);
    if (!date) return problem(name, `"${name}" must be a date such as 2024-03-11 or an instant such as 2024-03-11T14:56:41Z`);
    filters[name] = date;
  }
  const q = getOne(params, "q");
  if (q) filters.q = q.slice(0, 200);
  const test = getOne(params, "test");
  if (test) {
    if (test !== "exclude" && test !== "include" && test !== "only") return problem("test", `"test" must be exclude, include or only`);
    filters.test = test;
  }
  return { ok: true, filters };
}

function problem(param: string, message: string): { ok: false; problem: FilterProblem } {
  return { ok: false, problem: { param, message } };
}

/** For pages: a malformed parameter is dropped rather than failing the whole view. */
export function parseCallFiltersLeniently(params: Params, options: ParseOptions = {}): CallFilters {
  const result = parseCallFilters(params, options);
  if (result.ok) return result.filters;
  const cleaned = params instanceof URLSearchParams ? new URLSearchParams(params) : new URLSearchParams(toPairs(params));
  cleaned.delete(result.problem.param);
  return parseCallFiltersLeniently(cleaned, options);
}

function toPairs(params: Record<string, string | string[] | undefined>): [string, string][] {
  return Object.entries(params).flatMap(([k, v]) => [v ?? []].flat().map((x) => [k, x] as [string, string]));
}

/**
 * Filters back to URL parameters; defaults are left out so URLs stay short. `tz` is written when the
 * filters' zone differs from `options.timeZone` (the zone the reader of the URL will assume).
 */
export function serializeCallFilters(filters: CallFilters, options: ParseOptions = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of LIST_PARAMS) for (const value of filters[name]) params.append(name, value);
  for (const flag of filters.contactStatus) params.append("contactStatus", flag);
  if (filters.interested !== null) params.set("interested", String(filters.interested));
  if (filters.minDuration !== null) params.set("minDuration", String(filters.minDuration));
  if (filters.maxDuration !== null) params.set("maxDuration", String(filters.maxDuration));
  for (const answer of filters.answer) params.append("answer", formatAnswerFilter(answer));
  for (const measure of filters.measure) params.append("measure", measure);
  const zone = filters.timeZone;
  if ((filters.from || filters.to) && zone !== (options.timeZone ?? "UTC")) params.set("tz", zone);
  if (filters.from) params.set("from", formatDateParam(filters.from, false, zone));
  if (filters.to) params.set("to", formatDateParam(filters.to, true, zone));
  if (filters.q) params.set("q", filters.q);
  if (filters.test !== "exclude") params.set("test", filters.test);
  return params;
}

function formatDateParam(date: Date, isEnd: boolean, zone: string): string {
  const day = dayIn(date, zone);
  if (startOfDayIn(day, zone).getTime() !== date.getTime()) return date.toISOString();
  return isEnd ? nextDay(day, -1) : day;
}

/** The text matched literally by LIKE/ILIKE (whose default escape character is the backslash). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
