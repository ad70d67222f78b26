// Whole-table snapshots of what ingestion derives, for comparing two databases (or one database
// before and after a rebuild) row by row. Receipt-time columns can be left out: they record when a
// delivery happened to arrive, which differs between runs by design.
import type { TestDatabase } from "./test-database.ts";

export const RECEIPT_TIME_COLUMNS = ["first_received_at", "last_received_at"];

type Row = Record<string, unknown>;
export type CallTables = { calls: Row[]; call_answers: Row[]; call_events: Row[]; campaigns: Row[]; contacts: Row[] };

const ORDER: Record<keyof CallTables, string> = {
  calls: "id",
  call_answers: "call_id, label",
  call_events: "call_id, position",
  campaigns: "id",
  contacts: "id",
};

export async function readCallTables(database: TestDatabase, options: { omit?: string[] } = {}): Promise<CallTables> {
  const omit = new Set(options.omit ?? []);
  const tables = {} as CallTables;
  for (const [table, order] of Object.entries(ORDER) as [keyof CallTables, string][]) {
    const rows = await database.query(`SELECT * FROM ${table} ORDER BY ${order}`);
    tables[table] = rows.map((row) => {
      const kept = Object.fromEntries(Object.entries(row).filter(([column]) => !omit.has(column)));
      // The merge state records the receipt times too (lib/voxia/merge-call-state.ts).
      if (kept.merge_state && omit.has("first_received_at")) {
        const { firstReceivedAt: _first, lastReceivedAt: _last, ...state } = kept.merge_state as Row;
        kept.merge_state = state;
      }
      return kept;
    });
  }
  return tables;
}

/** One call's rows with its id blanked, so calls that should be identical but for their id compare equal. */
export function callRowsWithoutId(tables: CallTables, callId: string) {
  const strip = (row: Row, key: string) => ({ ...row, [key]: "(id)" });
  // Without the merge state: it names its deliveries by their sha256, which differs with the id.
  const withoutMergeState = ({ merge_state: _state, ...row }: Row) => row;
  return {
    call: tables.calls.filter((r) => r.id === callId).map((r) => strip(withoutMergeState(r), "id")),
    answers: tables.call_answers.filter((r) => r.call_id === callId).map((r) => strip(r, "call_id")),
    events: tables.call_events.filter((r) => r.call_id === callId).map((r) => strip(r, "call_id")),
  };
}
