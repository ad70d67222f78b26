// A person changes a follow-up item: done (with an outcome), snoozed until a date, or open again,
// with a note. Every change names the version it was made on: when someone else (or a new call)
// changed the item first, nothing is written and the caller gets the item as it is now (409), so no
// one's work is silently overwritten. Each change is kept in follow_up_changes.
import { inTransaction, type SqlRunner } from "@/lib/db/pg-transaction";
import { prisma } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import { phoneViewFor } from "@/lib/calls/phone-view";
import { FOLLOW_UP_FROM_SQL, FOLLOW_UP_ROW_SQL, followUpJson, type FollowUpJson, type FollowUpRow } from "./follow-up-json";
import { announceCommitted, appendLiveEvents } from "@/lib/live/live-events";
import { FOLLOW_UP_OUTCOMES, FOLLOW_UP_STATES, type FollowUpOutcome, type FollowUpState } from "./follow-up-vocabulary";

export type FollowUpChangeRequest = {
  state: FollowUpState;
  outcome: FollowUpOutcome | null;
  note: string | null;
  snoozeUntil: Date | null;
  version: number;
};

export type FieldProblem = { field: string; message: string };

const MAX_NOTE = 4000;

/** Checks a request body ({"state","outcome","note","snoozeUntil","version"}); the problem names the field. */
export function readFollowUpChange(body: Record<string, unknown>, now = new Date()): FollowUpChangeRequest | FieldProblem {
  const { state, outcome, note, snoozeUntil, version } = body;
  if (typeof state !== "string" || !(FOLLOW_UP_STATES as readonly string[]).includes(state)) {
    return { field: "state", message: `"state" must be ${FOLLOW_UP_STATES.join(", ")}` };
  }
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return { field: "version", message: `"version" must be the item's version as last read (a whole number)` };
  }
  if (note !== undefined && note !== null && (typeof note !== "string" || note.length > MAX_NOTE)) {
    return { field: "note", message: `"note" must be text of at most ${MAX_NOTE} characters` };
  }
  let checkedOutcome: FollowUpOutcome | null = null;
  if (state === "done") {
    if (typeof outcome !== "string" || !(FOLLOW_UP_OUTCOMES as readonly string[]).includes(outcome)) {
      return { field: "outcome", message: `marking an item done needs "outcome": ${FOLLOW_UP_OUTCOMES.join(", ")}` };
    }
    checkedOutcome = outcome as FollowUpOutcome;
  } else if (outcome !== undefined && outcome !== null) {
    return { field: "outcome", message: `"outcome" is only for "state": "done"` };
  }
  let until: Date | null = null;
  if (state === "snoozed") {
    until = typeof snoozeUntil === "string" && /^\d{4}-\d{2}-\d{2}/.test(snoozeUntil) ? new Date(snoozeUntil) : null;
    if (!until || Number.isNaN(until.getTime())) {
      return { field: "snoozeUntil", message: `snoozing needs "snoozeUntil", a date such as 2026-12-10 or 2026-12-10T09:00:00Z` };
    }
    if (until <= now) return { field: "snoozeUntil", message: `"snoozeUntil" must be in the future` };
  } else if (snoozeUntil !== undefined && snoozeUntil !== null) {
    return { field: "snoozeUntil", message: `"snoozeUntil" is only for "state": "snoozed"` };
  }
  return { state: state as FollowUpState, outcome: checkedOutcome, note: typeof note === "string" && note.trim() !== "" ? note.trim() : null, snoozeUntil: until, version };
}

const MAX_BULK_ITEMS = 500;

/** The `items` of a bulk change: 1 to 500 distinct {"id","version"}. */
export function readBulkItems(items: unknown): { id: string; version: number }[] | FieldProblem {
  const isItem = (i: unknown): i is { id: string; version: number } => {
    const { id, version } = (typeof i === "object" && i !== null ? i : {}) as { id?: unknown; version?: unknown };
    return typeof id === "string" && typeof version === "number" && Number.isInteger(version) && version >= 1;
  };
  if (!Array.isArray(items) || items.length === 0 || items.length > MAX_BULK_ITEMS || !items.every(isItem)) {
    return { field: "items", message: `"items" must list 1 to ${MAX_BULK_ITEMS} items as {"id":"12","version":1}` };
  }
  return [...new Map(items.map((i) => [i.id, { id: i.id, version: i.version }])).values()];
}

export type UpdateResult =
  | { ok: true; followUp: FollowUpJson }
  | { ok: false; status: 404 }
  | { ok: false; status: 409; followUp: FollowUpJson };

export async function updateFollowUp(id: string, change: FollowUpChangeRequest, viewer: Viewer): Promise<UpdateResult> {
  if (!/^\d{1,18}$/.test(id)) return { ok: false, status: 404 };
  const updated = await inTransaction(async (sql) => {
    const changed = await applyChange(sql, id, change, viewer);
    if (changed) await appendLiveEvents(sql, [{ type: "follow_up.changed", followUpId: id, contactId: changed.contactId, state: change.state }]);
    return changed !== null;
  });
  if (updated) announceCommitted();
  const current = await readFollowUp(id, phoneViewFor(viewer));
  if (!current) return { ok: false, status: 404 };
  return updated ? { ok: true, followUp: current } : { ok: false, status: 409, followUp: current };
}

/** Several items at once, each at the version it was seen at; the ones someone changed first are listed. */
export async function updateFollowUps(
  items: { id: string; version: number }[],
  change: Omit<FollowUpChangeRequest, "version">,
  viewer: Viewer,
): Promise<{ updated: string[]; conflicts: string[]; missing: string[] }> {
  const result = { updated: [] as string[], conflicts: [] as string[], missing: [] as string[] };
  const sorted = [...items].filter((i) => /^\d{1,18}$/.test(i.id)).sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
  result.missing.push(...items.filter((i) => !/^\d{1,18}$/.test(i.id)).map((i) => i.id));
  const contacts = new Map<string, string>();
  await inTransaction(async (sql) => {
    for (const item of sorted) {
      const changed = await applyChange(sql, item.id, { ...change, version: item.version }, viewer);
      if (changed) {
        result.updated.push(item.id);
        contacts.set(item.id, changed.contactId);
      } else if ((await sql.query(`SELECT 1 FROM follow_ups WHERE id = $1::bigint`, [item.id])).length > 0) result.conflicts.push(item.id);
      else result.missing.push(item.id);
    }
    await appendLiveEvents(sql, [...contacts].map(([followUpId, contactId]) => ({ type: "follow_up.changed", followUpId, contactId, state: change.state })));
  });
  if (contacts.size > 0) announceCommitted();
  return result;
}

/** The changed item's contact, or null when the item is not at that version (or not there). */
async function applyChange(sql: SqlRunner, id: string, change: FollowUpChangeRequest, viewer: Viewer): Promise<{ contactId: string } | null> {
  const rows = await sql.query<{ contact_id: string }>(
    `WITH changed AS (
       UPDATE follow_ups SET state = $2, outcome = $3, note = $4, snooze_until = $5, version = version + 1,
         updated_by = $6, updated_at = now(), reopened_reason = NULL
       WHERE id = $1::bigint AND version = $7
       RETURNING id, contact_id)
     INSERT INTO follow_up_changes (follow_up_id, contact_id, by_name, by_user_id, state, outcome, note, snooze_until)
     SELECT id, contact_id, $6, $8, $2, $3, $4, $5 FROM changed
     RETURNING contact_id`,
    [id, change.state, change.outcome, change.note, change.snoozeUntil, viewer.name, change.version, viewer.userId],
  );
  return rows[0] ? { contactId: rows[0].contact_id } : null;
}

export async function readFollowUp(id: string, options: { maskPhones: boolean }): Promise<FollowUpJson | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const [row] = await prisma().$queryRaw<FollowUpRow[]>`SELECT ${FOLLOW_UP_ROW_SQL} FROM ${FOLLOW_UP_FROM_SQL} WHERE f.id = ${id}::bigint`;
  if (!row) return null;
  const changes = await prisma().followUpChange.findMany({ where: { followUpId: BigInt(id) }, orderBy: [{ at: "desc" }, { id: "desc" }] });
  return followUpJson(row, options, changes);
}
