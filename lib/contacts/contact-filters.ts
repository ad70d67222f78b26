// Which contacts: URL parameters ⇄ filter object ⇄ SQL, one definition for /contacts, GET
// /api/contacts and the contacts CSV, with the conventions of the calls filter (repeatable
// parameters are any-of, NONE selects "not set", bad values are a problem naming the parameter).
import { Prisma } from "@/lib/generated/prisma/client";
import { revealsDigits } from "@/lib/calls/call-filters-sql";
import { NONE, escapeLike, getAll, getOne, type FilterProblem, type Params } from "@/lib/calls/call-filters";

export const CONTACT_FLAGS = ["callbackRequested", "interested", "doNotCall", "wrongNumber"] as const;
export type ContactFlag = (typeof CONTACT_FLAGS)[number];

export const CONTACT_FLAG_TITLES: Record<ContactFlag, string> = {
  callbackRequested: "Callback requested",
  interested: "Interested",
  doNotCall: "Do not call",
  wrongNumber: "Wrong number",
};

export type ContactFilters = {
  /** Name, phone number (any spelling), contact id, or text in contact.data. */
  q: string | null;
  /** The searcher reads numbers masked (a viewer): no phone matching (searchFor). */
  maskedSearch?: boolean;
  /** The latest call's status, any of; NONE: the latest call has none. */
  status: string[];
  /** Flags that are set, any of. */
  flag: ContactFlag[];
  /** Campaigns the contact was called in, any of. */
  campaign: string[];
};

export const EMPTY_CONTACT_FILTERS: ContactFilters = { q: null, status: [], flag: [], campaign: [] };

export function parseContactFilters(params: Params): { ok: true; filters: ContactFilters } | { ok: false; problem: FilterProblem } {
  const flag = [...new Set(getAll(params, "flag"))];
  const bad = flag.find((f) => !(CONTACT_FLAGS as readonly string[]).includes(f));
  if (bad) return { ok: false, problem: { param: "flag", message: `"flag" must be ${CONTACT_FLAGS.join(", ")} (got "${bad}")` } };
  const q = getOne(params, "q");
  return {
    ok: true,
    filters: {
      q: q ? q.slice(0, 200) : null,
      status: [...new Set(getAll(params, "status"))],
      flag: flag as ContactFlag[],
      campaign: [...new Set(getAll(params, "campaign"))],
    },
  };
}

export function serializeContactFilters(filters: ContactFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  for (const name of ["status", "flag", "campaign"] as const) for (const value of filters[name]) params.append(name, value);
  return params;
}

const FLAG_COLUMN: Record<ContactFlag, string> = {
  callbackRequested: "callback_requested",
  interested: "interested",
  doNotCall: "do_not_call",
  wrongNumber: "wrong_number",
};

/** The SQL condition over `contacts ct`. */
export function contactWhereSql(filters: ContactFilters): Prisma.Sql {
  const and: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filters.status.length > 0) {
    const values = filters.status.filter((s) => s !== NONE);
    const any: Prisma.Sql[] = [];
    if (values.length > 0) any.push(Prisma.sql`ct.latest_status IN (${Prisma.join(values)})`);
    if (filters.status.includes(NONE)) any.push(Prisma.sql`ct.latest_status IS NULL`);
    and.push(Prisma.sql`(${Prisma.join(any, " OR ")})`);
  }
  if (filters.flag.length > 0) and.push(Prisma.sql`(${Prisma.raw(filters.flag.map((f) => `ct.${FLAG_COLUMN[f]}`).join(" OR "))})`);
  if (filters.campaign.length > 0) and.push(Prisma.sql`ct.campaign_ids && ${filters.campaign}::text[]`);
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    // A number in any spelling finds its contact; text that is not one (an email's digits) is not read as one.
    const asNumber = /^[+\d\s().\-/]+$/.test(filters.q) && filters.q.replace(/\D/g, "").length >= 5
      ? Prisma.sql`OR ct.phone_e164 = callboard_e164(${filters.q})`
      : Prisma.empty;
    if (filters.maskedSearch) {
      // As for calls (callWhereSql): a viewer's search matches no number, nor contact.data by its digits.
      const data = revealsDigits(filters.q) ? Prisma.empty : Prisma.sql`OR callboard_contact_data_text(ct.data) ILIKE ${pattern}`;
      and.push(Prisma.sql`(ct.id = ${filters.q} OR ct.name ILIKE ${pattern} ${data})`);
    } else {
      and.push(Prisma.sql`(ct.id = ${filters.q} ${asNumber} OR ct.name ILIKE ${pattern}
      OR ct.phone_number ILIKE ${pattern} OR callboard_contact_data_text(ct.data) ILIKE ${pattern})`);
    }
  }
  return Prisma.join(and, " AND ");
}
