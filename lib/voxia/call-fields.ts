// The one registry of a call's fields: for each, where Voxia sends it, how it is read, how a call's
// deliveries merge it, and the `calls` column it is stored in. Derived from it: the payload's known
// top-level fields and typed fields (voxia-payload.ts), the merge's field lists and defaults
// (merge-call-state.ts), the `calls` row and column list (lib/ingest/call-table-rows.ts,
// call-table-columns.ts), the CSV's call columns' SQL, decoding and names (export-calls-csv.ts lists
// which, in order) and the read API's JSON columns (read-call-json.ts). The read API's nesting
// (call-json.ts, get-call.ts) is still written out by hand. test/integration/call-columns.test.ts
// checks the registry against the migrated database and prisma/schema.prisma. A new Voxia field is
// an entry here, its migration and schema.prisma field, and where the read API and CSV show it.
//
// Fields that need more than one of the plain readers name a special reader instead, defined where
// it is used: "transcript" and "events" normalise their entries (voxia-payload.ts); contactName and
// contactPhone fall back to the older format's `variables` (`fallback`); summary, answers, contactKey,
// transcriptText, extra, notUnderstood and the fold's bookkeeping are computed, not read.

export type ColumnType = "text" | "int" | "float8" | "boolean" | "timestamptz" | "jsonb" | "bytea";

/** How a field's value is read from the payload (the readers are in voxia-payload.ts). */
export type ReaderName = "text" | "number" | "boolean" | "date" | "jsonArray" | "jsonObject" | "transcript" | "events";

/**
 * How a call's deliveries merge a field (merge-call-state.ts):
 * - latest: the latest stage that says anything wins;
 * - keyByKey: an object merged key by key, later stages winning per key;
 * - mostComplete: from the most complete delivery (transcript, summary with its answers, events);
 * - computed: not merged, computed from merged fields or by the fold itself (stage, counts, times).
 */
export type MergeRule = "latest" | "keyByKey" | "mostComplete" | "computed";

export type CallField = {
  /** Where Voxia sends it, e.g. ["contactStatus", "callMeLater"]; none for fields not read from the payload as such. */
  readonly path?: readonly [string] | readonly [string, string];
  readonly read?: ReaderName;
  /** A named fallback when the payload's own field says nothing (the older format's `variables`). */
  readonly fallback?: "olderFormatContactName" | "olderFormatContactPhone";
  readonly merge: MergeRule;
  /** Where the read API and the CSV show it, when not at its payload path (or, without one, its name). */
  readonly shownAt?: readonly [string] | readonly [string, string];
  /** The `calls` column it is stored in, and its type; none for a field stored elsewhere or not at all. */
  readonly column?: readonly [name: string, type: ColumnType];
};

/**
 * In `calls` column order (the order writers write them in). Keys are VoxiaDelivery / CallState
 * property names.
 */
export const CALL_FIELDS = {
  id: { merge: "computed", column: ["id", "text"] },
  campaignId: { path: ["campaign", "id"], read: "text", merge: "latest", column: ["campaign_id", "text"] },
  campaignName: { path: ["campaign", "name"], read: "text", merge: "latest", column: ["campaign_name", "text"] },
  // Voxia's contact id is not stored as such: calls.contact_id holds contactKey.
  contactId: { path: ["contact", "id"], read: "text", merge: "latest" },
  contactKey: { merge: "computed", shownAt: ["contact", "id"], column: ["contact_id", "text"] },
  contactName: { path: ["contact", "name"], read: "text", fallback: "olderFormatContactName", merge: "latest", column: ["contact_name", "text"] },
  contactPhone: { path: ["contact", "phoneNumber"], read: "text", fallback: "olderFormatContactPhone", merge: "latest", column: ["contact_phone", "text"] },
  contactData: { path: ["contact", "data"], read: "jsonObject", merge: "keyByKey", column: ["contact_data", "jsonb"] },
  status: { path: ["status"], read: "text", merge: "latest", column: ["status", "text"] },
  callStatus: { path: ["callStatus"], read: "text", merge: "latest", column: ["call_status", "text"] },
  postProcessStatus: { path: ["postProcessStatus"], read: "text", merge: "latest", column: ["post_process_status", "text"] },
  hangUpReason: { path: ["hangUpReason"], read: "text", merge: "latest", column: ["hang_up_reason", "text"] },
  webhookEvent: { path: ["webhookEvent"], read: "text", merge: "latest", column: ["webhook_event", "text"] },
  stageRank: { merge: "computed", column: ["stage_rank", "int"] },
  duration: { path: ["duration"], read: "number", merge: "latest", column: ["duration", "float8"] },
  totalDuration: { path: ["totalDuration"], read: "number", merge: "latest", column: ["total_duration", "float8"] },
  callMeLater: { path: ["contactStatus", "callMeLater"], read: "boolean", merge: "latest", column: ["call_me_later", "boolean"] },
  doNotCall: { path: ["contactStatus", "doNotCall"], read: "boolean", merge: "latest", column: ["do_not_call", "boolean"] },
  wrongNumber: { path: ["contactStatus", "wrongNumber"], read: "boolean", merge: "latest", column: ["wrong_number", "boolean"] },
  interestedReached: { path: ["interested", "reached"], read: "boolean", merge: "latest", column: ["interested_reached", "boolean"] },
  interestedDescription: { path: ["interested", "description"], read: "text", merge: "latest", column: ["interested_description", "text"] },
  // Merged like the others; a call no delivery marks as a test call is not one (callStateOf).
  isTestCall: { path: ["isTestCall"], read: "boolean", merge: "latest", column: ["is_test_call", "boolean"] },
  // Merged like the others; a call no delivery dates is dated by its first receipt (callStateOf).
  createdAt: { path: ["createdAt"], read: "date", merge: "latest", column: ["created_at", "timestamptz"] },
  phoneFrom: { path: ["phoneFrom"], read: "text", merge: "latest", column: ["phone_from", "text"] },
  organizationId: { path: ["organizationId"], read: "text", merge: "latest", column: ["organization_id", "text"] },
  twilioAccountSid: { path: ["twilio", "accountSid"], read: "text", merge: "latest", column: ["twilio_account_sid", "text"] },
  twilioCallSessionId: { path: ["twilio", "callSessionId"], read: "text", merge: "latest", column: ["twilio_call_session_id", "text"] },
  sessionId: { path: ["sessionId"], read: "text", merge: "latest", column: ["session_id", "text"] },
  webhookUrl: { path: ["webhookUrl"], read: "text", merge: "latest", column: ["webhook_url", "text"] },
  slackUrl: { path: ["slackUrl"], read: "text", merge: "latest", column: ["slack_url", "text"] },
  webhookEvents: { path: ["webhookEvents"], read: "jsonArray", merge: "latest", column: ["webhook_events", "jsonb"] },
  webhookStatuses: { path: ["webhookStatuses"], read: "jsonArray", merge: "latest", column: ["webhook_statuses", "jsonb"] },
  transcript: { path: ["transcript"], read: "transcript", merge: "mostComplete", column: ["transcript", "jsonb"] },
  transcriptText: { merge: "computed", column: ["transcript_text", "text"] },
  // Read as an object; its entries become the call's answers (call_answers), merged with it.
  summary: { path: ["summary"], read: "jsonObject", merge: "mostComplete", column: ["summary", "jsonb"] },
  answers: { merge: "mostComplete" },
  conversationFlow: { path: ["conversationFlow"], read: "jsonArray", merge: "latest", column: ["conversation_flow", "jsonb"] },
  variables: { path: ["variables"], read: "jsonObject", merge: "keyByKey", column: ["variables", "jsonb"] },
  // Stored in call_events, a row per event.
  events: { path: ["events"], read: "events", merge: "mostComplete" },
  /** Top-level fields this version does not know, as sent. */
  extra: { merge: "keyByKey", column: ["extra", "jsonb"] },
  /** Known fields sent in a shape this version cannot read, as sent, by path. */
  notUnderstood: { merge: "keyByKey", column: ["not_understood", "jsonb"] },
  deliveryCount: { merge: "computed", column: ["delivery_count", "int"] },
  firstReceivedAt: { merge: "computed", column: ["first_received_at", "timestamptz"] },
  lastReceivedAt: { merge: "computed", column: ["last_received_at", "timestamptz"] },
  mergeState: { merge: "computed", column: ["merge_state", "jsonb"] },
} as const satisfies Record<string, CallField>;

type Fields = typeof CALL_FIELDS;
export type CallFieldName = keyof Fields;

/** Fields read from the payload with a reader, each with its reader's name. */
export type ReadFieldName = { [K in CallFieldName]: Fields[K] extends { read: ReaderName } ? K : never }[CallFieldName];
export type ReaderOf<K extends ReadFieldName> = Fields[K]["read"];
export type FieldsMerged<R extends MergeRule> = { [K in CallFieldName]: Fields[K]["merge"] extends R ? K : never }[CallFieldName];
export type StoredFieldName = { [K in CallFieldName]: Fields[K] extends { column: readonly [string, ColumnType] } ? K : never }[CallFieldName];

/** Stored fields of a column type. */
export type StoredAs<T extends ColumnType> = { [K in StoredFieldName]: Fields[K]["column"][1] extends T ? K : never }[StoredFieldName];

const entries = Object.entries(CALL_FIELDS) as [CallFieldName, CallField][];

/** Names of the fields whose entry satisfies `test`, in table order. */
function namesWhere<K extends CallFieldName>(test: (field: CallField) => boolean): K[] {
  return entries.filter(([, field]) => test(field)).map(([name]) => name as K);
}

/** The fields read by a reader from a path of the payload, in table order. */
export const READ_FIELDS: readonly ReadFieldName[] = namesWhere<ReadFieldName>((f) => f.read !== undefined);

/** The top-level payload fields this version knows: every path's first step, and the id's two spellings. */
export const KNOWN_TOP_LEVEL_FIELDS: ReadonlySet<string> = new Set(["id", "_id", ...entries.flatMap(([, f]) => (f.path ? [f.path[0]] : []))]);

export const LATEST_WINS: readonly FieldsMerged<"latest">[] = namesWhere<FieldsMerged<"latest">>((f) => f.merge === "latest");
export const MERGED_OBJECTS: readonly FieldsMerged<"keyByKey">[] = namesWhere<FieldsMerged<"keyByKey">>((f) => f.merge === "keyByKey");
/** Latest-wins fields stored in a column: null in a call no delivery says anything about them. */
export const STORED_LATEST_WINS: readonly (FieldsMerged<"latest"> & StoredFieldName)[] = namesWhere<FieldsMerged<"latest"> & StoredFieldName>(
  (f) => f.merge === "latest" && f.column !== undefined,
);

/** A stored field's `calls` column and the name the read API and the CSV show it by ("contactStatus.callMeLater"). */
export function storedField(name: StoredFieldName): { column: string; type: ColumnType; shownAs: string } {
  const field: CallField = CALL_FIELDS[name];
  return { column: field.column![0], type: field.column![1], shownAs: (field.shownAt ?? field.path ?? [name]).join(".") };
}

/** The `calls` columns, in table order, with the field each is written from. */
export const STORED_COLUMNS: readonly { field: StoredFieldName; name: string; type: ColumnType }[] = entries.flatMap(([field, f]) =>
  f.column ? [{ field: field as StoredFieldName, name: f.column[0], type: f.column[1] }] : [],
);

/** The JSON columns the read API shows (all but the merge's own bookkeeping), in table order. */
export const SHOWN_JSON_FIELDS: readonly Exclude<StoredAs<"jsonb">, "mergeState">[] = STORED_COLUMNS.flatMap(({ field, type }) =>
  type === "jsonb" && field !== "mergeState" ? [field as Exclude<StoredAs<"jsonb">, "mergeState">] : [],
);
