// A merged call state as the rows ingestion writes for it (lib/ingest/write-call-states.ts), in the
// column names of the tables (lib/ingest/call-table-columns.ts), for bulk inserts. Times stay Dates: the COPY
// encoder writes them as they are, JSON.stringify as ISO strings. test/integration/seed-reprocess.test.ts
// proves a seeded database and one rebuilt by `npm run reprocess` hold identical rows.
import type { CallState } from "@/lib/voxia/merge-call-state";
import { toStoredMergeState } from "@/lib/voxia/stored-merge-state";
import { STORED_COLUMNS } from "@/lib/voxia/call-fields";

type Row = Record<string, unknown>;

/** The `calls` row: each registry column (lib/voxia/call-fields.ts) from its field of the state. */
export function callRecord(s: CallState): Row {
  const row: Row = {};
  for (const { field, name } of STORED_COLUMNS) row[name] = field === "mergeState" ? toStoredMergeState(s.mergeState) : s[field];
  return row;
}

export function answerRecords(s: CallState): Row[] {
  return s.answers.map((a) => ({
    call_id: s.id,
    label: a.label,
    campaign_id: s.campaignId,
    type: a.type,
    value: a.value,
    value_text: a.valueText,
    position: a.order,
    description: a.description,
    options: a.options,
    created_at: s.createdAt.toISOString(),
    is_test_call: s.isTestCall,
  }));
}

export function eventRecords(s: CallState): Row[] {
  return (s.events ?? []).map((e, position) => ({ call_id: s.id, position, type: e.type, data: e.data }));
}

/** Offers a call's campaign and contact values to the folds of both tables. */
export function offerCampaignAndContact(s: CallState, campaigns: NewestWins, contacts: NewestWins): void {
  if (s.campaignId) campaigns.offer(s.campaignId, s.createdAt, s.id, { name: s.campaignName });
  if (s.contactKey) contacts.offer(s.contactKey, s.createdAt, s.id, { name: s.contactName, phone_number: s.contactPhone, data: s.contactData });
}

type Stamp = { at: number; callId: string };
type Folded = { last: Stamp; fields: Record<string, { stamp: Stamp; value: unknown }> };

const newer = (a: Stamp, b: Stamp) => a.at > b.at || (a.at === b.at && a.callId > b.callId);

/**
 * Campaign and contact rows as a function of the calls in them — the rule the ingest writer applies
 * in SQL (lib/ingest/write-call-states.ts): each value comes from the newest call, by (created_at,
 * id), that has one; last_call_at is the newest call's created_at. Independent of offer order.
 */
export class NewestWins {
  readonly rows = new Map<string, Folded>();

  offer(key: string, at: Date, callId: string, values: Record<string, unknown>) {
    this.offerStamped(key, { at: at.getTime(), callId }, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { stamp: { at: at.getTime(), callId }, value: v }])));
  }

  private offerStamped(key: string, last: Stamp, fields: Folded["fields"]) {
    const current = this.rows.get(key) ?? { last, fields: {} };
    if (newer(last, current.last)) current.last = last;
    for (const [k, field] of Object.entries(fields)) {
      if (field.value === null || field.value === undefined) {
        current.fields[k] ??= { stamp: { at: -Infinity, callId: "" }, value: null };
        continue;
      }
      const mine = current.fields[k];
      if (!mine || mine.value === null || newer(field.stamp, mine.stamp)) current.fields[k] = field;
    }
    this.rows.set(key, current);
  }

  /** Folds rows drained from another NewestWins (a seed worker's). */
  absorb(rows: readonly Row[]) {
    for (const row of rows) {
      const { last, fields } = row.folded as Folded;
      this.offerStamped(row.id as string, last, fields);
    }
  }

  /** The rows in id order, as the table's columns (and, under `folded`, what absorb needs). */
  drain(): Row[] {
    const out = [...this.rows.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, folded]) => ({
        id,
        last_call_at: new Date(folded.last.at),
        ...Object.fromEntries(Object.entries(folded.fields).map(([k, f]) => [k, f.value])),
        folded,
      }));
    this.rows.clear();
    return out;
  }
}
