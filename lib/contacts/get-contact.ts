// One contact as the team works it: its calls across campaigns (newest first, with outcome, key
// answers and a transcript excerpt), its contact.data, its follow-up items with every change, and
// whether its number is suppressed.
import { db, prisma } from "@/lib/db/client";
import { parseVoxiaJson, type JsonValue } from "@/lib/voxia/parse-voxia-json";
import { maskPhone } from "@/lib/ui/mask-phone";
import { withPhonesShown } from "@/lib/calls/phone-view";
import { CONTACT_ROW_SQL } from "./list-contacts";
import { contactSummaryJson, type ContactRow } from "./contact-json";
import { followUpJson, FOLLOW_UP_FROM_SQL, FOLLOW_UP_ROW_SQL, type FollowUpRow } from "@/lib/follow-ups/follow-up-json";

/** The timeline shows this many newest calls; the calls list filtered by contact has them all. */
export const CONTACT_TIMELINE_CALLS = 100;
const EXCERPT_CHARS = 240;

type TimelineRow = {
  id: string;
  createdAt: Date;
  campaignId: string | null;
  campaignName: string | null;
  status: string | null;
  callStatus: string | null;
  duration: number | null;
  interestedDescription: string | null;
  phone: string | null;
  excerpt: string | null;
  isTestCall: boolean;
  answers: { label: string; valueText: string | null }[] | null;
};

export async function getContact(id: string, { maskPhones }: { maskPhones: boolean }) {
  const [row] = await prisma().$queryRaw<ContactRow[]>`SELECT ${CONTACT_ROW_SQL} FROM contacts ct WHERE ct.id = ${id}`;
  if (!row) return null;
  const [calls, items, changes, suppression, data] = await Promise.all([
    prisma().$queryRaw<TimelineRow[]>`
      SELECT k.id, k.created_at AS "createdAt", k.campaign_id AS "campaignId", COALESCE(cp.name, k.campaign_name) AS "campaignName",
        k.status, k.call_status AS "callStatus", k.duration, k.interested_description AS "interestedDescription",
        k.contact_phone AS phone, k.is_test_call AS "isTestCall", left(k.transcript_text, ${EXCERPT_CHARS}) AS excerpt,
        (SELECT json_agg(json_build_object('label', a.label, 'valueText', a.value_text) ORDER BY a.position, a.label)
         FROM call_answers a WHERE a.call_id = k.id) AS answers
      FROM calls k LEFT JOIN campaigns cp ON cp.id = k.campaign_id
      WHERE k.contact_id = ${id}
      ORDER BY k.created_at DESC, k.id DESC
      LIMIT ${CONTACT_TIMELINE_CALLS}`,
    prisma().$queryRaw<FollowUpRow[]>`
      SELECT ${FOLLOW_UP_ROW_SQL} FROM ${FOLLOW_UP_FROM_SQL} WHERE f.contact_id = ${id} ORDER BY f.queue`,
    prisma().followUpChange.findMany({ where: { contactId: id }, orderBy: [{ at: "desc" }, { id: "desc" }], take: 500 }),
    row.phoneE164
      ? prisma().suppressedNumber.findMany({ where: { phone: row.phoneE164 }, orderBy: { list: "asc" } })
      : Promise.resolve([]),
    readContactData(id),
  ]);
  const summary = contactSummaryJson(row, { maskPhones });
  return {
    contact: { ...summary, data: withPhonesShown(data, { maskPhones }) },
    calls: calls.map((c) => ({
      id: c.id,
      createdAt: c.createdAt.toISOString(),
      campaign: c.campaignId ? { id: c.campaignId, name: c.campaignName } : null,
      status: c.status,
      callStatus: c.callStatus,
      duration: c.duration,
      interestedDescription: c.interestedDescription,
      phoneNumber: maskPhones ? maskPhone(c.phone) : c.phone,
      isTestCall: c.isTestCall,
      transcriptExcerpt: c.excerpt,
      answers: c.answers ?? [],
    })),
    followUps: items.map((item) =>
      followUpJson(item, { maskPhones }, changes.filter((change) => change.followUpId === BigInt(item.id))),
    ),
    suppression: suppression.map((s) => ({
      list: s.list,
      reason: s.reason,
      firstSeenAt: s.firstSeenAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      callId: s.callId,
      fromContactId: s.contactId,
      calls: s.calls,
    })),
  };
}

export type ContactDetail = NonNullable<Awaited<ReturnType<typeof getContact>>>;

/** contact.data with every number's digits (Prisma would round them; lib/calls/read-call-json.ts). */
async function readContactData(id: string): Promise<JsonValue> {
  const { rows } = await db().pool.query<{ data: string | null }>(`SELECT data::text AS data FROM contacts WHERE id = $1`, [id]);
  const text = rows[0]?.data ?? null;
  return text === null ? null : parseVoxiaJson(text, { extendedJson: false });
}

