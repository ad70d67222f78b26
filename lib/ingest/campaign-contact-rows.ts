// A call's campaign and contact rows: created when first seen, then the newest call's values win
// (name, number, data), whatever order calls arrive in.
//
// Every delivery of a campaign touches the same campaign row, so a lock on it serialises ingestion.
// The original single upsert (INSERT … ON CONFLICT DO UPDATE … WHERE) locks the row even when its
// WHERE is false and held that lock for the rest of the transaction (measured: most ingest time was
// spent waiting on it, docs/performance.md). Now: insert-if-missing (ON CONFLICT DO NOTHING takes no
// lock), and at the end of the transaction an UPDATE that matches, and so locks, only when a value
// actually changes. last_call_at only grows, so a row that needs no change now never will for this call.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CallState } from "@/lib/voxia/merge-call-state";

type Tx = Prisma.TransactionClient;

export async function ensureCampaignAndContact(tx: Tx, state: CallState): Promise<void> {
  if (state.campaignId) {
    await tx.$executeRaw`
      INSERT INTO campaigns (id, name, last_call_at) VALUES (${state.campaignId}, ${state.campaignName}, ${state.createdAt})
      ON CONFLICT (id) DO NOTHING`;
  }
  if (state.contactKey) {
    await tx.$executeRaw`
      INSERT INTO contacts (id, name, phone_number, data, last_call_at)
      VALUES (${state.contactKey}, ${state.contactName}, ${state.contactPhone}, ${contactData(state)}::jsonb, ${state.createdAt})
      ON CONFLICT (id) DO NOTHING`;
  }
}

export async function refreshCampaignAndContact(tx: Tx, state: CallState): Promise<void> {
  if (state.campaignId) {
    await tx.$executeRaw`
      UPDATE campaigns SET name = COALESCE(${state.campaignName}, name), last_call_at = ${state.createdAt}
      WHERE id = ${state.campaignId} AND last_call_at <= ${state.createdAt}
        AND (last_call_at < ${state.createdAt} OR name IS DISTINCT FROM COALESCE(${state.campaignName}, name))`;
  }
  if (state.contactKey) {
    const data = contactData(state);
    await tx.$executeRaw`
      UPDATE contacts SET
        name = COALESCE(${state.contactName}, name),
        phone_number = COALESCE(${state.contactPhone}, phone_number),
        data = COALESCE(${data}::jsonb, data),
        last_call_at = ${state.createdAt}
      WHERE id = ${state.contactKey} AND last_call_at <= ${state.createdAt}
        AND (last_call_at < ${state.createdAt}
          OR name IS DISTINCT FROM COALESCE(${state.contactName}, name)
          OR phone_number IS DISTINCT FROM COALESCE(${state.contactPhone}, phone_number)
          OR data IS DISTINCT FROM COALESCE(${data}::jsonb, data))`;
  }
}

function contactData(state: CallState): string | null {
  return state.contactData ? JSON.stringify(state.contactData) : null;
}
