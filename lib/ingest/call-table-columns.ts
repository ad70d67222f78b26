// The columns of the call tables as ingestion and the seed write them, with their Postgres types.
// Every writer is generated from this one list: the ingest batch's json_to_recordset statements
// (lib/ingest/write-call-states.ts), and the seed's binary COPY on a Postgres server
// (tools/seed/copy-binary.ts) or json_to_recordset on the embedded database, which has no COPY FROM
// STDIN (tools/seed/write-seed-batch.ts).

import { STORED_COLUMNS, type ColumnType } from "@/lib/voxia/call-fields";

export type { ColumnType };
export type Column = readonly [name: string, type: ColumnType];
export type CallTable = { name: CallTableName; columns: readonly Column[] };
export type CallTableName = "campaigns" | "contacts" | "calls" | "call_answers" | "call_events" | "deliveries";

export const CAMPAIGNS: CallTable = {
  name: "campaigns",
  columns: [["id", "text"], ["name", "text"], ["last_call_at", "timestamptz"]],
};

export const CONTACTS: CallTable = {
  name: "contacts",
  columns: [["id", "text"], ["name", "text"], ["phone_number", "text"], ["data", "jsonb"], ["last_call_at", "timestamptz"]],
};

/** From the registry of a call's fields (lib/voxia/call-fields.ts), in its order. */
export const CALLS: CallTable = {
  name: "calls",
  columns: STORED_COLUMNS.map(({ name, type }) => [name, type] as const),
};

export const CALL_ANSWERS: CallTable = {
  name: "call_answers",
  columns: [
    ["call_id", "text"], ["label", "text"], ["campaign_id", "text"], ["type", "text"], ["value", "jsonb"],
    ["value_text", "text"], ["position", "int"], ["description", "text"], ["options", "jsonb"],
    ["created_at", "timestamptz"], ["is_test_call", "boolean"],
  ],
};

export const CALL_EVENTS: CallTable = {
  name: "call_events",
  columns: [["call_id", "text"], ["position", "int"], ["type", "text"], ["data", "jsonb"]],
};

/** `id` is left to its sequence, so deliveries are numbered in the order they are written. */
export const DELIVERIES: CallTable = {
  name: "deliveries",
  columns: [
    ["call_id", "text"], ["sha256", "text"], ["body", "bytea"], ["webhook_event", "text"], ["content_type", "text"],
    ["received_at", "timestamptz"],
  ],
};

/** Written once per batch, in this order. */
export const BATCH_TABLES = [CALLS, CALL_ANSWERS, CALL_EVENTS, DELIVERIES] as const;
/** Folded over the whole seed (each value from the newest call naming one) and written once at the end. */
export const FOLDED_TABLES = [CAMPAIGNS, CONTACTS] as const;

/** `name type, …` for json_to_recordset's column definition list. */
export function recordsetColumns(table: CallTable): string {
  return table.columns.map(([name, type]) => `${name} ${type}`).join(", ");
}

export function columnNames(table: CallTable): string[] {
  return table.columns.map(([name]) => name);
}
