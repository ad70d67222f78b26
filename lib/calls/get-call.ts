// One call with everything Voxia sent about it: merged state, key questions, events, deliveries.
import { prisma } from "@/lib/db/client";
import { callSummaryJson } from "./call-json";

export async function getCall(id: string) {
  const call = await prisma().call.findUnique({
    where: { id },
    // The merge's own bookkeeping: as large as the call, and of no use to a reader.
    omit: { mergeState: true },
    include: {
      campaign: { select: { name: true } },
      answers: { orderBy: [{ order: "asc" }, { label: "asc" }] },
      events: { orderBy: { position: "asc" } },
    },
  });
  if (!call) return null;
  const deliveries = await prisma().delivery.findMany({
    where: { callId: id },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    select: { id: true, webhookEvent: true, receivedAt: true, sha256: true, contentType: true },
  });
  const summary = callSummaryJson(call);
  return {
    ...summary,
    contact: { ...summary.contact, data: call.contactData },
    organizationId: call.organizationId,
    twilio: { accountSid: call.twilioAccountSid, callSessionId: call.twilioCallSessionId },
    sessionId: call.sessionId,
    webhookUrl: call.webhookUrl,
    slackUrl: call.slackUrl,
    webhookEvents: call.webhookEvents,
    webhookStatuses: call.webhookStatuses,
    conversationFlow: call.conversationFlow,
    variables: call.variables,
    transcript: call.transcript,
    summary: call.summary,
    keyQuestions: call.answers.map((a) => ({
      label: a.label,
      type: a.type,
      value: a.value,
      valueText: a.valueText,
      order: a.order,
      description: a.description,
      options: a.options,
    })),
    events: call.events.map((e) => ({ type: e.type, data: e.data })),
    extra: call.extra,
    firstReceivedAt: call.firstReceivedAt.toISOString(),
    deliveries: deliveries.map((d) => ({
      id: d.id.toString(),
      webhookEvent: d.webhookEvent,
      receivedAt: d.receivedAt.toISOString(),
      sha256: d.sha256,
      contentType: d.contentType,
    })),
  };
}

export type CallDetail = NonNullable<Awaited<ReturnType<typeof getCall>>>;

/** The raw bytes of one delivery, as received. */
export async function getDeliveryBody(callId: string, deliveryId: bigint): Promise<string | null> {
  const row = await prisma().delivery.findFirst({ where: { id: deliveryId, callId }, select: { body: true } });
  return row ? new TextDecoder().decode(row.body) : null;
}

