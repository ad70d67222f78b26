// The do-not-call list and the wrong-number list: one row per normalised number, kept from the
// calls by the ingest transaction (lib/contacts/contact-state-sql.ts). Listed on /suppression and
// exported for re-import into Voxia or a CRM.
import { prisma } from "@/lib/db/client";
import { Prisma, type SuppressedNumber } from "@/lib/generated/prisma/client";
import { maskPhone } from "@/lib/ui/mask-phone";
import { keysetPage } from "@/lib/db/keyset-page";

export const SUPPRESSION_LISTS = ["do_not_call", "wrong_number"] as const;
export type SuppressionList = (typeof SUPPRESSION_LISTS)[number];

/** `list` of a URL: do_not_call unless it says wrong_number; anything else is a problem naming it. */
export function parseSuppressionList(value: string | null): SuppressionList | { param: string; message: string } {
  const list = value ?? "do_not_call";
  return (SUPPRESSION_LISTS as readonly string[]).includes(list)
    ? (list as SuppressionList)
    : { param: "list", message: `"list" must be ${SUPPRESSION_LISTS.join(" or ")} (got "${list}")` };
}

/** Voxia's reasons, in words. */
export const REASON_TITLES: Record<string, string> = {
  DO_NOT_CALL: "Asked not to be called (outcome DO_NOT_CALL)",
  "contactStatus.doNotCall": "Asked not to be called (contactStatus.doNotCall)",
  DO_NOT_CALL_REGISTRY_MATCHED: "On a do-not-call registry",
  WRONG_NUMBER: "Wrong number (outcome WRONG_NUMBER)",
  "contactStatus.wrongNumber": "Wrong number (contactStatus.wrongNumber)",
};

const PAGE = 2000;

type Cursor = { firstSeenAt: Date; phone: string };

export function encodeSuppressionCursor(row: Cursor): string {
  return Buffer.from(`${row.firstSeenAt.toISOString()}|${row.phone}`).toString("base64url");
}

export function decodeSuppressionCursor(value: string): Cursor | null {
  const text = Buffer.from(value, "base64url").toString("utf8");
  const at = text.indexOf("|");
  const firstSeenAt = new Date(text.slice(0, at));
  return at < 0 || Number.isNaN(firstSeenAt.getTime()) ? null : { firstSeenAt, phone: text.slice(at + 1) };
}

/** One page of a list, newest first (ties by number), after `cursor` or, paging back, before `before`. */
export async function listSuppressedNumbers(
  list: SuppressionList,
  page: { cursor?: Cursor | null; before?: Cursor | null; limit: number },
): Promise<{ numbers: SuppressedNumber[]; nextCursor: string | null; prevCursor: string | null }> {
  const backwards = !page.cursor && !!page.before;
  const rows = await readSuppressedNumbers(list, { from: page.cursor ?? page.before ?? null, backwards, limit: page.limit + 1 });
  const paged = keysetPage(rows, { limit: page.limit, backwards, fromCursor: !!page.cursor }, encodeSuppressionCursor);
  return { numbers: paged.rows, nextCursor: paged.nextCursor, prevCursor: paged.prevCursor };
}

/** Newest first from `from` on (oldest first when `backwards`): a seek on suppressed_numbers_seen_idx. */
async function readSuppressedNumbers(list: SuppressionList, { from, backwards, limit }: { from: Cursor | null; backwards: boolean; limit: number }): Promise<SuppressedNumber[]> {
  const bound = from
    ? backwards
      ? Prisma.sql`AND (first_seen_at, phone) > (${from.firstSeenAt}, ${from.phone})`
      : Prisma.sql`AND (first_seen_at, phone) < (${from.firstSeenAt}, ${from.phone})`
    : Prisma.empty;
  const order = Prisma.raw(backwards ? "first_seen_at, phone" : "first_seen_at DESC, phone DESC");
  return prisma().$queryRaw<SuppressedNumber[]>`
    SELECT list, phone, reason, first_seen_at AS "firstSeenAt", last_seen_at AS "lastSeenAt", call_id AS "callId",
      contact_id AS "contactId", contact_name AS "contactName", calls
    FROM suppressed_numbers WHERE list = ${list} ${bound}
    ORDER BY ${order}
    LIMIT ${limit}`;
}

export function countSuppressedNumbers(list: SuppressionList): Promise<number> {
  return prisma().suppressedNumber.count({ where: { list } });
}

export function suppressedNumberJson(row: SuppressedNumber, { maskPhones }: { maskPhones: boolean }) {
  return {
    list: row.list,
    phone: maskPhones ? maskPhone(row.phone) : row.phone,
    name: row.contactName,
    reason: row.reason,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    callId: row.callId,
    contactId: row.contactId,
    calls: row.calls,
  };
}

/**
 * The list as CSV for re-import: phone (E.164 as text, no spreadsheet quoting, since importers read
 * it as is), name, reason, date (first seen, ISO 8601), newest first, a page at a time.
 */
export async function* exportSuppressionCsv(list: SuppressionList): AsyncGenerator<Uint8Array, void, undefined> {
  const encoder = new TextEncoder();
  yield encoder.encode("phone,name,reason,date,last_seen,call_id\r\n");
  let after: Cursor | null = null;
  for (;;) {
    const rows = await readSuppressedNumbers(list, { from: after, backwards: false, limit: PAGE });
    if (rows.length === 0) return;
    yield encoder.encode(
      rows
        .map((r) => [r.phone, r.contactName, r.reason, r.firstSeenAt.toISOString(), r.lastSeenAt.toISOString(), r.callId].map(plainCell).join(",") + "\r\n")
        .join(""),
    );
    const last = rows[rows.length - 1]!;
    after = { firstSeenAt: last.firstSeenAt, phone: last.phone };
    if (rows.length < PAGE) return;
  }
}

/** RFC 4180 quoting; a name a spreadsheet would run as a formula gets a leading apostrophe. */
function plainCell(value: string | null): string {
  if (value === null) return "";
  const text = /^[=+\-@\t\r]/.test(value) && !/^\+\d+$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
