// Seeded calls index by index, as the rows ingestion would store for them: each call's raw deliveries
// are read and merged by the ingestion code itself (readVoxiaDelivery + mergeCallState).
import { createHash } from "node:crypto";
import { mergeCallState, type ReceivedDelivery } from "@/lib/voxia/merge-call-state";
import { readVoxiaDelivery } from "@/lib/voxia/voxia-payload";
import { answerRecords, callRecord, eventRecords, NewestWins, offerCampaignAndContact } from "@/lib/ingest/call-table-rows";
import { generateCall, type SeedPlan } from "./generate-call";

import type { RowSink } from "./encode-rows";

export type BatchSinks = { calls: RowSink; call_answers: RowSink; call_events: RowSink; deliveries: RowSink };

/**
 * Builds calls [start, end) into the sinks, row by row. Campaign and contact rows are folded into `folded` instead, with the
 * newest-wins rule of the ingest upserts, so that each is written once, at the end of the seed.
 */
export function buildBatch(plan: SeedPlan, start: number, end: number, folded: FoldedRows, sinks: BatchSinks): { deliveries: number } {
  let deliveries = 0;
  for (let index = start; index < end; index++) {
    const call = generateCall(plan, index);
    const received: ReceivedDelivery[] = [];
    for (const d of call.deliveries) {
      const sha256 = createHash("sha256").update(d.body).digest("hex");
      // Seeded bodies are plain JSON, which the lenient webhook parser reads exactly as JSON.parse does.
      const read = readVoxiaDelivery(JSON.parse(d.body));
      if (!read.ok) throw new Error(`seeded delivery for ${call.id} is unusable: ${read.problem.message}`);
      received.push({ delivery: read.delivery, sha256, receivedAt: d.receivedAt });
      deliveries++;
      sinks.deliveries.add({
        call_id: call.id, sha256, body: d.body, webhook_event: d.webhookEvent, content_type: "application/json", received_at: d.receivedAt,
      });
    }
    const state = mergeCallState(received);
    offerCampaignAndContact(state, folded.campaigns, folded.contacts);
    sinks.calls.add(callRecord(state));
    for (const answer of answerRecords(state)) sinks.call_answers.add(answer);
    for (const event of eventRecords(state)) sinks.call_events.add(event);
  }
  return { deliveries };
}

export type FoldedRows = { campaigns: NewestWins; contacts: NewestWins };

export function createFoldedRows(): FoldedRows {
  return { campaigns: new NewestWins(), contacts: new NewestWins() };
}
