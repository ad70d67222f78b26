// The queue's writes, from the browser: one item (POST /api/follow-ups/{id}) or several
// (POST /api/follow-ups/bulk), each at the version the page showed, so a change someone else made
// first is reported rather than overwritten.
import type { FollowUpJson } from "@/lib/follow-ups/follow-up-json";
import type { FollowUpOutcome, FollowUpState } from "@/lib/follow-ups/follow-up-vocabulary";
import { OUTCOME_TITLES } from "@/lib/follow-ups/follow-up-vocabulary";
import { startOfDayIn } from "@/lib/time/time-zone";

export type FollowUpChange = { state: FollowUpState; outcome?: FollowUpOutcome; note?: string; snoozeUntil?: string };

/** `conflict`: someone else changed the item first (409); nothing was written. */
export type ChangeResult = { ok: true } | { ok: false; message: string; conflict: boolean };

/** A snooze date (YYYY-MM-DD) as the start of that day in the viewer's time zone. */
export function snoozeInstant(day: string, zone: string): string {
  return startOfDayIn(day, zone).toISOString();
}

export async function changeFollowUp(item: { id: string; version: number }, change: FollowUpChange): Promise<ChangeResult> {
  const response = await post(`/api/follow-ups/${encodeURIComponent(item.id)}`, { ...change, version: item.version });
  if (response.ok) return { ok: true };
  const body = (await response.json().catch(() => null)) as { error?: { message?: string; current?: FollowUpJson } } | null;
  if (response.status === 409 && body?.error?.current) {
    return { ok: false, conflict: true, message: `Someone else changed this item: ${describe(body.error.current)}. Nothing was written; the queue now shows it as it is.` };
  }
  return { ok: false, conflict: false, message: body?.error?.message ?? `The change failed (HTTP ${response.status}).` };
}

export type BulkResult = { ok: true; updated: string[]; conflicts: string[]; missing: string[] } | { ok: false; message: string };

export async function changeFollowUps(items: { id: string; version: number }[], change: FollowUpChange): Promise<BulkResult> {
  const response = await post("/api/follow-ups/bulk", { ...change, items });
  const body = (await response.json().catch(() => null)) as { updated?: string[]; conflicts?: string[]; missing?: string[]; error?: { message?: string } } | null;
  if (!response.ok || !body?.updated) return { ok: false, message: body?.error?.message ?? `The change failed (HTTP ${response.status}).` };
  return { ok: true, updated: body.updated, conflicts: body.conflicts ?? [], missing: body.missing ?? [] };
}

function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

/** "marked done (Reached) by Ana", "snoozed by Ana", "reopened by a new call". */
function describe(item: FollowUpJson): string {
  const by = item.updatedBy ? ` by ${item.updatedBy}` : "";
  if (item.state === "done") return `it was marked done${item.outcome ? ` (${OUTCOME_TITLES[item.outcome]})` : ""}${by}`;
  if (item.state === "snoozed") return `it was snoozed${by}`;
  return `it is open again${item.reopenedReason ? ` (${item.reopenedReason})` : by}`;
}
