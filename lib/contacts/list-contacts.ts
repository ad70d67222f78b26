// Contacts matching the filters, most recently called first, one keyset page at a time, and how
// many match.
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { boundedCount, type BoundedCount } from "@/lib/db/bounded-count";
import { keysetPage } from "@/lib/db/keyset-page";
import { contactWhereSql, type ContactFilters } from "./contact-filters";
import { contactSummaryJson, type ContactRow, type ContactSummaryJson } from "./contact-json";

export const DEFAULT_CONTACTS_PAGE = 50;
export const MAX_CONTACTS_PAGE = 500;

export type ContactCursor = { lastCallAt: Date; id: string };
type Cursor = ContactCursor;

export function encodeContactCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.lastCallAt.toISOString()}|${cursor.id}`).toString("base64url");
}

export function decodeContactCursor(value: string): Cursor | null {
  const decoded = Buffer.from(value, "base64url").toString("utf8");
  const separator = decoded.indexOf("|");
  if (separator < 0) return null;
  const lastCallAt = new Date(decoded.slice(0, separator));
  const id = decoded.slice(separator + 1);
  return Number.isNaN(lastCallAt.getTime()) || !id ? null : { lastCallAt, id };
}

/** The columns a list row shows, with the campaigns' names. */
export const CONTACT_ROW_SQL = Prisma.sql`ct.id, ct.name, ct.phone_number AS "phoneNumber", ct.phone_e164 AS "phoneE164",
  ct.call_count AS "callCount", ct.first_call_at AS "firstCallAt", ct.last_call_at AS "lastCallAt",
  ct.campaign_ids AS "campaignIds", ct.latest_call_id AS "latestCallId", ct.latest_status AS "latestStatus",
  ct.callback_requested AS "callbackRequested", ct.interested, ct.do_not_call AS "doNotCall", ct.wrong_number AS "wrongNumber",
  EXISTS (SELECT 1 FROM suppressed_numbers s WHERE s.list = 'do_not_call' AND s.phone = ct.phone_e164) AS suppressed,
  (SELECT json_agg(json_build_object('id', u.id, 'name', cp.name) ORDER BY u.n)
   FROM unnest(ct.campaign_ids) WITH ORDINALITY AS u(id, n) LEFT JOIN campaigns cp ON cp.id = u.id) AS campaigns`;

export async function listContacts(
  filters: ContactFilters,
  page: { cursor?: Cursor | null; before?: Cursor | null; limit?: number },
  options: { maskPhones: boolean },
): Promise<{ contacts: ContactSummaryJson[]; nextCursor: string | null; prevCursor: string | null }> {
  const limit = Math.min(Math.max(page.limit ?? DEFAULT_CONTACTS_PAGE, 1), MAX_CONTACTS_PAGE);
  // `before` pages back towards the most recently called (the page's "Newer" link): read upwards
  // from the cursor, then show the rows in the list's order.
  const backwards = !page.cursor && !!page.before;
  const bound = page.cursor
    ? Prisma.sql`AND (ct.last_call_at, ct.id) < (${page.cursor.lastCallAt}, ${page.cursor.id})`
    : page.before
      ? Prisma.sql`AND (ct.last_call_at, ct.id) > (${page.before.lastCallAt}, ${page.before.id})`
      : Prisma.empty;
  const order = Prisma.raw(backwards ? "ct.last_call_at ASC, ct.id ASC" : "ct.last_call_at DESC, ct.id DESC");
  const rows = await prisma().$queryRaw<ContactRow[]>`
    SELECT ${CONTACT_ROW_SQL} FROM contacts ct
    WHERE ${contactWhereSql(filters)} ${bound}
    ORDER BY ${order}
    LIMIT ${limit + 1}`;
  const paged = keysetPage(rows, { limit, backwards, fromCursor: !!page.cursor }, (row) => encodeContactCursor({ lastCallAt: row.lastCallAt, id: row.id }));
  return { contacts: paged.rows.map((row) => contactSummaryJson(row, options)), nextCursor: paged.nextCursor, prevCursor: paged.prevCursor };
}

export function countContacts(filters: ContactFilters): Promise<BoundedCount> {
  return boundedCount(Prisma.sql`FROM contacts ct WHERE ${contactWhereSql(filters)}`);
}
