"use server";
// The "Send Voxia's example" button: stores the published example through the webhook's ingestion
// path and says where the call can be seen.
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/require-viewer";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { ingestPublishedExample } from "@/lib/connect/ingest-published-example";

export type SendExampleResult =
  | { ok: true; callId: string; duplicate: boolean }
  | { ok: false; message: string }
  | null;

export async function sendPublishedExample(): Promise<SendExampleResult> {
  // Server actions are reachable by POST from anywhere: the same check as the page.
  await requireViewer();
  try {
    const outcome = await ingestPublishedExample();
    revalidatePath("/settings/webhook");
    if (outcome.kind === "stored") return { ok: true, callId: outcome.callId, duplicate: outcome.duplicate };
    return { ok: false, message: `The example was refused: ${outcome.message}` };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { ok: false, message: "The database is unavailable; nothing was stored. Try again in a moment." };
    throw error;
  }
}
