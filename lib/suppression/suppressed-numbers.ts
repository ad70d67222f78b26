// The do-not-call list and the wrong-number list: one row per normalised number, kept from the
// calls by the ingest transaction (lib/contacts/contact-state-sql.ts). Listed on /suppression and
// exported for re-import into Voxia or a CRM.
import { prisma } from "@/lib/db/client";
import type { SuppressedNumber } from "@/lib/generated/prisma/client";
import { maskPhone } from "@/lib/ui/mask-phone";

export const SUPPRESSION_LISTS = ["do_not_call", "wrong_number"] as const;
export type SuppressionList = (typeof SUPPRESSION_LISTS)[number];

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

export async function listSuppressedNumbers(list: SuppressionList, page: { after?: Cursor | null; limit: number }): Promise<SuppressedNumber[]> {
  return prisma().suppressedNumber.findMany({
    where: {
      list,
      ...(page.after
        ? { OR: [{ firstSeenAt: { lt: page.after.firstSeenAt } }, { firstSeenAt: page.after.firstSeenAt, phone: { gt: page.after.phone } }] }
        : {}),
    },
    orderBy: [{ firstSeenAt: "desc" }, { phone: "asc" }],
    take: page.limit,
  });
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
    const rows = await listSuppressedNumbers(list, { after, limit: PAGE });
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
