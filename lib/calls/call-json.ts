// The JSON shape of a call in the read API: Voxia's own field names and nesting, so an integrator
// who knows Voxia's webhook knows this API.
import type { Call, Campaign } from "@/lib/generated/prisma/client";
import { shownPhone, type PhoneView } from "./phone-view";

export const CALL_LIST_SELECT = {
  id: true,
  createdAt: true,
  campaignId: true,
  campaign: { select: { name: true } },
  contactId: true,
  contactName: true,
  contactPhone: true,
  status: true,
  callStatus: true,
  postProcessStatus: true,
  hangUpReason: true,
  webhookEvent: true,
  duration: true,
  totalDuration: true,
  callMeLater: true,
  doNotCall: true,
  wrongNumber: true,
  interestedReached: true,
  interestedDescription: true,
  isTestCall: true,
  phoneFrom: true,
  deliveryCount: true,
  lastReceivedAt: true,
} as const;

type ListRow = Pick<Call, Exclude<keyof typeof CALL_LIST_SELECT, "campaign">> & { campaign: Pick<Campaign, "name"> | null };

export function callSummaryJson(row: ListRow, view: PhoneView) {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    campaign: row.campaignId ? { id: row.campaignId, name: row.campaign?.name ?? null } : null,
    contact: { id: row.contactId, name: row.contactName, phoneNumber: shownPhone(row.contactPhone, view) },
    status: row.status,
    callStatus: row.callStatus,
    postProcessStatus: row.postProcessStatus,
    hangUpReason: row.hangUpReason,
    webhookEvent: row.webhookEvent,
    duration: row.duration,
    totalDuration: row.totalDuration,
    contactStatus: { callMeLater: row.callMeLater, doNotCall: row.doNotCall, wrongNumber: row.wrongNumber },
    interested: { reached: row.interestedReached, description: row.interestedDescription },
    isTestCall: row.isTestCall,
    phoneFrom: shownPhone(row.phoneFrom, view),
    deliveryCount: row.deliveryCount,
    lastReceivedAt: row.lastReceivedAt.toISOString(),
  };
}

export type CallSummaryJson = ReturnType<typeof callSummaryJson>;
