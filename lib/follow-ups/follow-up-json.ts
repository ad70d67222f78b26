// A follow-up item as the queue, the contact page and the API show it: the contact (number masked
// for viewers), the call that put them in the queue with what they said, how long they have waited,
// and the team's state, outcome and note.
import { Prisma } from "@/lib/generated/prisma/client";
import type { FollowUpChange } from "@/lib/generated/prisma/client";
import { maskPhone } from "@/lib/ui/mask-phone";
import type { FollowUpQueue } from "@/lib/contacts/contact-state-sql";
import type { FollowUpOutcome, FollowUpState } from "./follow-up-vocabulary";

/** A snooze past its date is open again: no timer needed, the state is read as of now. */
export const EFFECTIVE_STATE_SQL = `CASE WHEN f.state = 'snoozed' AND f.snooze_until <= now() THEN 'open' ELSE f.state END`;

/** Over `follow_ups f JOIN contacts ct`. */
export const FOLLOW_UP_ROW_SQL = Prisma.sql`f.id::text AS id, f.queue, ${Prisma.raw(EFFECTIVE_STATE_SQL)} AS state, f.version, f.active,
  f.waiting_since AS "waitingSince", f.snooze_until AS "snoozeUntil", f.outcome, f.note, f.updated_by AS "updatedBy",
  f.updated_at AS "updatedAt", f.reopened_reason AS "reopenedReason", f.created_at AS "createdAt",
  ct.id AS "contactId", ct.name AS "contactName", ct.phone_number AS "phoneNumber", ct.call_count AS "callCount",
  ct.wrong_number AS "wrongNumber",
  EXISTS (SELECT 1 FROM suppressed_numbers s WHERE s.list = 'do_not_call' AND s.phone = ct.phone_e164) AS suppressed,
  k.id AS "callId", k.created_at AS "callAt", k.campaign_id AS "campaignId", COALESCE(cp.name, k.campaign_name) AS "campaignName",
  k.status AS "callStatus", k.interested_description AS "interestedDescription",
  (SELECT json_agg(json_build_object('label', a.label, 'valueText', a.value_text) ORDER BY a.position, a.label)
   FROM call_answers a WHERE a.call_id = k.id) AS answers`;

/** The FROM part FOLLOW_UP_ROW_SQL reads: the item, its contact, the call that put it there and its campaign. */
export const FOLLOW_UP_FROM_SQL = Prisma.sql`follow_ups f JOIN contacts ct ON ct.id = f.contact_id
  LEFT JOIN calls k ON k.id = f.trigger_call_id LEFT JOIN campaigns cp ON cp.id = k.campaign_id`;

export type FollowUpRow = {
  id: string;
  queue: FollowUpQueue;
  state: FollowUpState;
  version: number;
  active: boolean;
  waitingSince: Date;
  snoozeUntil: Date | null;
  outcome: FollowUpOutcome | null;
  note: string | null;
  updatedBy: string | null;
  updatedAt: Date;
  reopenedReason: string | null;
  createdAt: Date;
  contactId: string;
  contactName: string | null;
  phoneNumber: string | null;
  callCount: number;
  wrongNumber: boolean;
  suppressed: boolean;
  callId: string | null;
  callAt: Date | null;
  campaignId: string | null;
  campaignName: string | null;
  callStatus: string | null;
  interestedDescription: string | null;
  answers: { label: string; valueText: string | null }[] | null;
};

export function followUpJson(row: FollowUpRow, { maskPhones }: { maskPhones: boolean }, changes?: FollowUpChange[], now = Date.now()) {
  return {
    id: row.id,
    queue: row.queue,
    state: row.state,
    version: row.version,
    /** The contact's latest call still qualifies for the queue. */
    inQueue: row.active && !row.suppressed,
    waitingSince: row.waitingSince.toISOString(),
    waitingSeconds: Math.max(0, Math.round((now - row.waitingSince.getTime()) / 1000)),
    snoozeUntil: row.snoozeUntil?.toISOString() ?? null,
    outcome: row.outcome,
    note: row.note,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
    reopenedReason: row.reopenedReason,
    contact: {
      id: row.contactId,
      name: row.contactName,
      phoneNumber: maskPhones ? maskPhone(row.phoneNumber) : row.phoneNumber,
      phoneNumberMasked: maskPhones && row.phoneNumber !== null,
      calls: row.callCount,
      wrongNumber: row.wrongNumber,
      suppressed: row.suppressed,
    },
    call: row.callId
      ? {
          id: row.callId,
          createdAt: row.callAt?.toISOString() ?? null,
          campaign: row.campaignId ? { id: row.campaignId, name: row.campaignName } : null,
          status: row.callStatus,
          interestedDescription: row.interestedDescription,
          answers: row.answers ?? [],
        }
      : null,
    ...(changes
      ? {
          changes: changes.map((c) => ({
            at: c.at.toISOString(),
            by: c.byName,
            state: c.state,
            outcome: c.outcome,
            note: c.note,
            snoozeUntil: c.snoozeUntil?.toISOString() ?? null,
            reason: c.reason,
            callId: c.callId,
          })),
        }
      : {}),
  };
}

export type FollowUpJson = ReturnType<typeof followUpJson>;
