// The one definition of "which calls": URL parameters ⇄ filter object ⇄ SQL condition.
// Pages, client controls, the JSON API, stats and the CSV export all go through this file, so a
// link copied from the dashboard and a script's API call mean exactly the same calls.
import { Prisma } from "@/lib/generated/prisma/client";

export type TestCalls = "exclude" | "include" | "only";

export type CallFilters = {
  campaign: string[];
  status: string[];
  callStatus: string[];
  /** Inclusive lower bound on createdAt. */
  from: Date | null;
  /** Exclusive upper bound on createdAt (a date-only `to` means "through that day"). */
  to: Date | null;
  q: string | null;
  test: TestCalls;
};

export const EMPTY_FILTERS: CallFilters = {
  campaign: [],
  status: [],
  callStatus: [],
  from: null,
  to: null,
  q: null,
  test: "exclude",
};

export type FilterProblem = { param: string; message: string };

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function getAll(params: Params, name: string): string[] {
  const values = params instanceof URLSearchParams ? params.getAll(name) : [params[name] ?? []].flat();
  // `?status=A,B` and `?status=A&status=B` mean the same.
  return values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: string, endOfDay: boolean): Date | null {
  const date = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(date.getTime())) return null;
  if (endOfDay && DATE_ONLY.test(value)) date.setUTCDate(date.getUTCDate() + 1);
  return date;
}

export function parseCallFilters(params: Params): { ok: true; filters: CallFilters } | { ok: false; problem: FilterProblem } {
  const filters: CallFilters = {
    ...EMPTY_FILTERS,
    campaign: getAll(params, "campaign"),
    status: getAll(params, "status"),
    callStatus: getAll(params, "callStatus"),
  };
  for (const [name, endOfDay] of [["from", false], ["to", true]] as const) {
    const raw = getAll(params, name)[0];
    if (!raw) continue;
    const date = parseDate(raw, endOfDay);
    if (!date) return { ok: false, problem: { param: name, message: `"${name}" must be an ISO date such as 2024-03-11 or 2024-03-11T14:56:41Z` } };
    filters[name] = date;
  }
  const q = (params instanceof URLSearchParams ? params.get("q") : [params.q ?? []].flat()[0])?.trim();
  if (q) filters.q = q.slice(0, 200);
  const test = getAll(params, "test")[0];
  if (test) {
    if (test !== "exclude" && test !== "include" && test !== "only") {
      return { ok: false, problem: { param: "test", message: `"test" must be exclude, include or only` } };
    }
    filters.test = test;
  }
  return { ok: true, filters };
}

/** For pages: a malformed parameter is dropped rather than failing the whole view. */
export function parseCallFiltersLeniently(params: Params): CallFilters {
  const result = parseCallFilters(params);
  if (result.ok) return result.filters;
  const cleaned = params instanceof URLSearchParams ? new URLSearchParams(params) : new URLSearchParams(toPairs(params));
  cleaned.delete(result.problem.param);
  return parseCallFiltersLeniently(cleaned);
}

function toPairs(params: Record<string, string | string[] | undefined>): [string, string][] {
  return Object.entries(params).flatMap(([k, v]) => [v ?? []].flat().map((x) => [k, x] as [string, string]));
}

/** Filters back to URL parameters; defaults are left out so URLs stay short. */
export function serializeCallFilters(filters: CallFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const c of filters.campaign) params.append("campaign", c);
  for (const s of filters.status) params.append("status", s);
  for (const s of filters.callStatus) params.append("callStatus", s);
  if (filters.from) params.set("from", formatDateParam(filters.from, false));
  if (filters.to) params.set("to", formatDateParam(filters.to, true));
  if (filters.q) params.set("q", filters.q);
  if (filters.test !== "exclude") params.set("test", filters.test);
  return params;
}

function formatDateParam(date: Date, isEnd: boolean): string {
  const midnight = date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;
  if (!midnight) return date.toISOString();
  const day = new Date(date);
  if (isEnd) day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** The SQL condition for the filters, used by every query over calls. */
export function callWhere(filters: CallFilters): Prisma.CallWhereInput {
  const and: Prisma.CallWhereInput[] = [];
  if (filters.campaign.length > 0) and.push({ campaignId: { in: filters.campaign } });
  if (filters.status.length > 0) and.push({ status: { in: filters.status } });
  if (filters.callStatus.length > 0) and.push({ callStatus: { in: filters.callStatus } });
  if (filters.from) and.push({ createdAt: { gte: filters.from } });
  if (filters.to) and.push({ createdAt: { lt: filters.to } });
  if (filters.test === "exclude") and.push({ isTestCall: false });
  if (filters.test === "only") and.push({ isTestCall: true });
  if (filters.q) {
    // Prisma passes `contains` into ILIKE unescaped: without this, "50%" or "john_doe" would match far too much.
    const contains = { contains: escapeLike(filters.q), mode: "insensitive" as const };
    and.push({ OR: [{ contactName: contains }, { contactPhone: contains }, { transcriptText: contains }] });
  }
  return { AND: and };
}

/** The text matched literally by LIKE/ILIKE (whose default escape character is the backslash). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
