// The Live view's calls: those whose latest stage is still in progress (DIALING, CONNECTED,
// FORWARDED), newest delivery first. A call that never sent its end (a lost HANG_UP) would stay
// "in progress" forever; after STALE_HOURS without a delivery it is no longer shown as live.
// Read through calls_in_progress_idx (a partial index: only the in-progress calls are in it).
import { db } from "@/lib/db/client";
import { shownPhone, type PhoneView } from "@/lib/calls/phone-view";

// Written into the SQL as literals: the partial index's predicate matches only a literal list.
const IN_PROGRESS_STAGES = ["DIALING", "CONNECTED", "FORWARDED"] as const;
export const STALE_HOURS = 2;
const LIMIT = 200;

export type LiveCall = {
  id: string;
  campaign: { id: string; name: string | null } | null;
  contactName: string | null;
  phoneNumber: string | null;
  stage: string;
  createdAt: string;
  /** When Callboard received its first delivery: elapsed time is counted from here, not from the sender's clock. */
  firstReceivedAt: string;
  lastReceivedAt: string;
  isTestCall: boolean;
};

export async function listLiveCalls(view: PhoneView): Promise<{ calls: LiveCall[]; more: boolean }> {
  const { rows } = await db().pool.query<{
    id: string;
    campaign_id: string | null;
    campaign_name: string | null;
    contact_name: string | null;
    contact_phone: string | null;
    webhook_event: string;
    created_at: Date;
    first_received_at: Date;
    last_received_at: Date;
    is_test_call: boolean;
  }>(
    `SELECT id, campaign_id, campaign_name, contact_name, contact_phone, webhook_event, created_at, first_received_at, last_received_at, is_test_call
     FROM calls
     WHERE webhook_event IN (${IN_PROGRESS_STAGES.map((stage) => `'${stage}'`).join(", ")}) AND last_received_at > now() - make_interval(hours => $1)
     ORDER BY last_received_at DESC, id
     LIMIT $2`,
    [STALE_HOURS, LIMIT + 1],
  );
  return {
    more: rows.length > LIMIT,
    calls: rows.slice(0, LIMIT).map((r) => ({
      id: r.id,
      campaign: r.campaign_id === null ? null : { id: r.campaign_id, name: r.campaign_name },
      contactName: r.contact_name,
      phoneNumber: shownPhone(r.contact_phone, view),
      stage: r.webhook_event,
      createdAt: r.created_at.toISOString(),
      firstReceivedAt: r.first_received_at.toISOString(),
      lastReceivedAt: r.last_received_at.toISOString(),
      isTestCall: r.is_test_call,
    })),
  };
}
