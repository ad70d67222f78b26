// A merged call state as the rows ingestion writes for it (lib/ingest/write-call-states.ts), in the
// column names of the tables (lib/ingest/call-table-columns.ts), for bulk inserts. Times stay Dates: the COPY
// encoder writes them as they are, JSON.stringify as ISO strings. test/integration/seed-reprocess.test.ts
// proves a seeded database and one rebuilt by `npm run reprocess` hold identical rows.
import type { CallState } from "@/lib/voxia/merge-call-state";

type Row = Record<string, unknown>;

export function callRecord(s: CallState): Row {
  return {
    id: s.id,
    campaign_id: s.campaignId,
    contact_id: s.contactKey,
    contact_name: s.contactName,
    contact_phone: s.contactPhone,
    contact_data: s.contactData,
    status: s.status,
    call_status: s.callStatus,
    post_process_status: s.postProcessStatus,
    hang_up_reason: s.hangUpReason,
    webhook_event: s.webhookEvent,
    stage_rank: s.stageRank,
    duration: s.duration,
    total_duration: s.totalDuration,
    call_me_later: s.callMeLater,
    do_not_call: s.doNotCall,
    wrong_number: s.wrongNumber,
    interested_reached: s.interestedReached,
    interested_description: s.interestedDescription,
    is_test_call: s.isTestCall,
    created_at: s.createdAt,
    phone_from: s.phoneFrom,
    organization_id: s.organizationId,
    twilio_account_sid: s.twilioAccountSid,
    twilio_call_session_id: s.twilioCallSessionId,
    session_id: s.sessionId,
    webhook_url: s.webhookUrl,
    slack_url: s.slackUrl,
    webhook_events: s.webhookEvents,
    webhook_statuses: s.webhookStatuses,
    transcript: s.transcript,
    transcript_text: s.transcriptText,
    summary: s.summary,
    conversation_flow: s.conversationFlow,
    variables: s.variables,
    extra: s.extra,
    not_understood: s.notUnderstood,
    delivery_count: s.deliveryCount,
    first_received_at: s.firstReceivedAt,
    last_received_at: s.lastReceivedAt,
  };
}

export function answerRecords(s: CallState): Row[] {
  return s.answers.map((a) => ({
    call_id: s.id,
    label: a.label,
    campaign_id: s.campaignId,
    type: a.type,
    value: a.value,
    value_text: a.valueText,
    position: a.order,
    description: a.description,
    options: a.options,
    created_at: s.createdAt.toISOString(),
    is_test_call: s.isTestCall,
  }));
}

export function eventRecords(s: CallState): Row[] {
  return (s.events ?? []).map((e, position) => ({ call_id: s.id, position, type: e.type, data: e.data }));
}

/** Offers a call's campaign and contact values (each newest call wins) to the folds of both tables. */
export function offerCampaignAndContact(s: CallState, campaigns: NewestWins, contacts: NewestWins): void {
  if (s.campaignId) campaigns.offer(s.campaignId, s.createdAt, { name: s.campaignName });
  if (s.contactKey) contacts.offer(s.contactKey, s.createdAt, { name: s.contactName, phone_number: s.contactPhone, data: s.contactData });
}

/**
 * Campaign and contact rows folded the way ingestion's upserts fold them: the newest call's values
 * win (a later call at the same instant wins too), a missing value keeps the previous one.
 */
export class NewestWins {
  readonly rows = new Map<string, { at: number; values: Record<string, unknown> }>();

  offer(key: string, at: Date, values: Record<string, unknown>) {
    const current = this.rows.get(key);
    if (current && current.at > at.getTime()) return;
    const merged: Record<string, unknown> = { ...values };
    if (current) for (const [k, v] of Object.entries(values)) if (v === null) merged[k] = current.values[k] ?? null;
    this.rows.set(key, { at: at.getTime(), values: merged });
  }

  /** Folds rows drained from another NewestWins, in order: as the ingest upserts would apply them. */
  absorb(rows: readonly Row[]) {
    for (const { id, last_call_at: at, ...values } of rows) this.offer(id as string, at as Date, values);
  }

  drain(): Row[] {
    const out = [...this.rows.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, { at, values }]) => ({ id, last_call_at: new Date(at), ...values }));
    this.rows.clear();
    return out;
  }
}
