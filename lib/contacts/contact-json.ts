// The JSON shape of a contact in the read API and on its pages: Voxia's contact fields (id, name,
// phoneNumber, data) and what Callboard derives from the contact's calls.
import { maskPhone } from "@/lib/ui/mask-phone";

export type ContactRow = {
  id: string;
  name: string | null;
  phoneNumber: string | null;
  phoneE164: string | null;
  callCount: number;
  firstCallAt: Date | null;
  lastCallAt: Date;
  campaignIds: string[];
  campaigns: { id: string; name: string | null }[] | null;
  latestCallId: string | null;
  latestStatus: string | null;
  callbackRequested: boolean;
  interested: boolean;
  doNotCall: boolean;
  wrongNumber: boolean;
  /** The number is on the do-not-call list (from this contact's calls or another's). */
  suppressed: boolean;
};

export function contactSummaryJson(row: ContactRow, { maskPhones }: { maskPhones: boolean }) {
  return {
    id: row.id,
    name: row.name,
    phoneNumber: maskPhones ? maskPhone(row.phoneNumber) : row.phoneNumber,
    phoneNumberMasked: maskPhones && row.phoneNumber !== null,
    calls: row.callCount,
    firstCallAt: row.firstCallAt?.toISOString() ?? null,
    lastCallAt: row.lastCallAt.toISOString(),
    campaigns: row.campaigns ?? [],
    latestCall: row.latestCallId ? { id: row.latestCallId, status: row.latestStatus } : null,
    flags: {
      callbackRequested: row.callbackRequested,
      interested: row.interested,
      doNotCall: row.doNotCall,
      wrongNumber: row.wrongNumber,
    },
    suppressed: row.suppressed,
  };
}

export type ContactSummaryJson = ReturnType<typeof contactSummaryJson>;
