// For a call's page: the contact the call belongs to, how many calls that contact has, and whether
// the call's number is on the do-not-call or wrong-number list (by the number, whoever it belongs to).
import { prisma } from "@/lib/db/client";

export type CallContact = {
  contactId: string | null;
  callCount: number;
  suppression: { list: string; reason: string; firstSeenAt: string; callId: string }[];
};

export async function getCallContact(callId: string): Promise<CallContact | null> {
  const rows = await prisma().$queryRaw<{ contactId: string | null; callCount: number | null; list: string | null; reason: string | null; firstSeenAt: Date | null; fromCallId: string | null }[]>`
    SELECT k.contact_id AS "contactId", ct.call_count AS "callCount", s.list, s.reason, s.first_seen_at AS "firstSeenAt", s.call_id AS "fromCallId"
    FROM calls k
    LEFT JOIN contacts ct ON ct.id = k.contact_id
    LEFT JOIN suppressed_numbers s ON s.phone = callboard_e164(k.contact_phone)
    WHERE k.id = ${callId}
    ORDER BY s.list`;
  const first = rows[0];
  if (!first) return null;
  return {
    contactId: first.contactId,
    callCount: first.callCount ?? 0,
    suppression: rows.flatMap((r) =>
      r.list && r.reason && r.firstSeenAt && r.fromCallId ? [{ list: r.list, reason: r.reason, firstSeenAt: r.firstSeenAt.toISOString(), callId: r.fromCallId }] : [],
    ),
  };
}
