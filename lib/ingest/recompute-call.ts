// Recomputes one call's rows (calls, call_answers, call_events, and its campaign and contact) from
// every delivery stored for it. Runs inside the caller's transaction, under a per-call advisory lock,
// so concurrent deliveries of the same call serialise here and the last one to commit sees them all.
import { Prisma } from "@/lib/generated/prisma/client";
import type { JsonValue } from "@/lib/voxia/parse-voxia-json";
import { parseVoxiaJson } from "@/lib/voxia/parse-voxia-json";
import { readVoxiaDelivery } from "@/lib/voxia/voxia-payload";
import { mergeCallState, type CallState, type ReceivedDelivery } from "@/lib/voxia/merge-call-state";
import { applyRollupDelta, readRollupContribution, rollupContribution } from "@/lib/rollups/apply-rollup-delta";
import { ensureCampaignAndContact, refreshCampaignAndContact } from "./campaign-contact-rows";

export type Tx = Prisma.TransactionClient;

export async function lockCall(tx: Tx, callId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${callId}, 0))`;
}

/** Reads and merges the call's stored deliveries; null when none is stored (or none parses). */
export async function loadCallState(tx: Tx, callId: string): Promise<CallState | null> {
  const rows = await tx.delivery.findMany({
    where: { callId },
    select: { body: true, sha256: true, receivedAt: true },
  });
  const received: ReceivedDelivery[] = [];
  for (const row of rows) {
    const delivery = decodeStoredDelivery(row.body);
    if (delivery) received.push({ delivery, sha256: row.sha256, receivedAt: row.receivedAt });
  }
  return received.length > 0 ? mergeCallState(received) : null;
}

/** A stored body, read the way the webhook read it when it accepted it. */
export function decodeStoredDelivery(body: Uint8Array) {
  try {
    const result = readVoxiaDelivery(parseVoxiaJson(new TextDecoder().decode(body)));
    return result.ok ? result.delivery : null;
  } catch {
    return null;
  }
}

export async function writeCallState(tx: Tx, state: CallState): Promise<void> {
  const rollupBefore = await readRollupContribution(tx, state.id);
  // The call row references its campaign and contact, so they must exist first; their newest-wins
  // fields are refreshed at the end, where the row lock this may take is held only until commit.
  await ensureCampaignAndContact(tx, state);

  const row = callRow(state);
  await tx.call.upsert({ where: { id: state.id }, create: row, update: row });
  await writeJsonPrismaWouldMangle(tx, state);
  await tx.callAnswer.deleteMany({ where: { callId: state.id } });
  await tx.callEvent.deleteMany({ where: { callId: state.id } });
  if (state.answers.length > 0) {
    await tx.callAnswer.createMany({
      data: state.answers.map((answer) => ({
        callId: state.id,
        campaignId: state.campaignId,
        label: answer.label,
        type: answer.type,
        value: json(answer.value),
        valueText: answer.valueText,
        order: answer.order,
        description: answer.description,
        options: json(answer.options),
      })),
    });
  }
  if (state.events && state.events.length > 0) {
    await tx.callEvent.createMany({
      data: state.events.map((event, position) => ({ callId: state.id, position, type: event.type, data: json(event.data) })),
    });
  }
  await writeMangledAnswersAndEvents(tx, state);
  // Last, so shared campaign and rollup rows stay locked for the shortest time before commit.
  await refreshCampaignAndContact(tx, state);
  await applyRollupDelta(tx, rollupBefore, rollupContribution(state));
}

function callRow(state: CallState): Prisma.CallUncheckedCreateInput {
  return {
    id: state.id,
    campaignId: state.campaignId,
    contactId: state.contactKey,
    contactName: state.contactName,
    contactPhone: state.contactPhone,
    contactData: json(state.contactData),
    status: state.status,
    callStatus: state.callStatus,
    postProcessStatus: state.postProcessStatus,
    hangUpReason: state.hangUpReason,
    webhookEvent: state.webhookEvent,
    stageRank: state.stageRank,
    duration: state.duration,
    totalDuration: state.totalDuration,
    callMeLater: state.callMeLater,
    doNotCall: state.doNotCall,
    wrongNumber: state.wrongNumber,
    interestedReached: state.interestedReached,
    interestedDescription: state.interestedDescription,
    isTestCall: state.isTestCall,
    createdAt: state.createdAt,
    phoneFrom: state.phoneFrom,
    organizationId: state.organizationId,
    twilioAccountSid: state.twilioAccountSid,
    twilioCallSessionId: state.twilioCallSessionId,
    sessionId: state.sessionId,
    webhookUrl: state.webhookUrl,
    slackUrl: state.slackUrl,
    webhookEvents: json(state.webhookEvents),
    webhookStatuses: json(state.webhookStatuses),
    transcript: json(state.transcript),
    transcriptText: state.transcriptText,
    summary: json(state.summary),
    conversationFlow: json(state.conversationFlow),
    variables: json(state.variables),
    extra: json(state.extra),
    deliveryCount: state.deliveryCount,
    firstReceivedAt: state.firstReceivedAt,
    lastReceivedAt: state.lastReceivedAt,
  };
}

/** JSON null is stored as SQL NULL: "not said" and "said null" read the same on every page. */
function json(value: JsonValue | object | null | undefined): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (hasProtoKey(value)) return Prisma.DbNull; // written by writeJsonPrismaWouldMangle
  return value === null || value === undefined ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}

/**
 * Prisma's JSON input rebuilds objects by assignment, so an own "__proto__" key (valid JSON, and
 * contact data is whatever the customer uploaded) was silently dropped, or crashed the write when
 * its value was null. Such values go through SQL as text instead, byte for byte.
 */
function hasProtoKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasProtoKey);
  if (value === null || typeof value !== "object") return false;
  return Object.keys(value).some((key) => key === "__proto__" || hasProtoKey((value as Record<string, unknown>)[key]));
}

const CALL_JSON_COLUMNS = {
  contactData: "contact_data",
  webhookEvents: "webhook_events",
  webhookStatuses: "webhook_statuses",
  transcript: "transcript",
  summary: "summary",
  conversationFlow: "conversation_flow",
  variables: "variables",
  extra: "extra",
} as const;

async function writeJsonPrismaWouldMangle(tx: Tx, state: CallState): Promise<void> {
  for (const [field, column] of Object.entries(CALL_JSON_COLUMNS)) {
    const value = state[field as keyof typeof CALL_JSON_COLUMNS];
    if (hasProtoKey(value)) {
      await tx.$executeRaw`UPDATE calls SET ${Prisma.raw(`"${column}"`)} = ${JSON.stringify(value)}::jsonb WHERE id = ${state.id}`;
    }
  }
}

async function writeMangledAnswersAndEvents(tx: Tx, state: CallState): Promise<void> {
  for (const answer of state.answers) {
    if (hasProtoKey(answer.value) || hasProtoKey(answer.options)) {
      await tx.$executeRaw`
        UPDATE call_answers SET value = ${JSON.stringify(answer.value ?? null)}::jsonb, options = ${JSON.stringify(answer.options ?? null)}::jsonb
        WHERE call_id = ${state.id} AND label = ${answer.label}`;
    }
  }
  for (const [position, event] of (state.events ?? []).entries()) {
    if (hasProtoKey(event.data)) {
      await tx.$executeRaw`UPDATE call_events SET data = ${JSON.stringify(event.data)}::jsonb WHERE call_id = ${state.id} AND position = ${position}`;
    }
  }
}
