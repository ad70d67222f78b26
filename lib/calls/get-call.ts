// One call with everything Voxia sent about it: merged state, key questions, events, deliveries.
import { prisma } from "@/lib/db/client";
import { callSummaryJson } from "./call-json";
import { readCallJson } from "./read-call-json";
import { withPhonesShown, type PhoneView } from "./phone-view";

export async function getCall(id: string, view: PhoneView) {
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
  // The JSON columns again, as text: Prisma would round numbers a double cannot hold.
  const json = await readCallJson(id);
  if (!json) return null;
  const deliveries = await prisma().delivery.findMany({
    where: { callId: id },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    select: { id: true, webhookEvent: true, receivedAt: true, sha256: true, contentType: true },
  });
  const summary = callSummaryJson(call, view);
  return {
    ...summary,
    contact: { ...summary.contact, data: withPhonesShown(json.contactData, view) },
    organizationId: call.organizationId,
    twilio: { accountSid: call.twilioAccountSid, callSessionId: call.twilioCallSessionId },
    sessionId: call.sessionId,
    webhookUrl: call.webhookUrl,
    slackUrl: call.slackUrl,
    webhookEvents: json.webhookEvents,
    webhookStatuses: json.webhookStatuses,
    conversationFlow: json.conversationFlow,
    variables: json.variables,
    transcript: json.transcript,
    summary: json.summary,
    keyQuestions: call.answers.map((a) => ({
      label: a.label,
      type: a.type,
      value: json.answers.get(a.label)?.value ?? null,
      valueText: a.valueText,
      order: a.order,
      description: a.description,
      options: json.answers.get(a.label)?.options ?? null,
    })),
    events: call.events.map((e) => ({ type: e.type, data: withPhonesShown(json.events.get(e.position) ?? null, view) })),
    extra: json.extra,
    // Known fields sent in a shape this version cannot read, as sent, by path ("summary", "createdAt").
    notUnderstood: json.notUnderstood,
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

