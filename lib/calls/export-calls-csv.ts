// Every call matching the filters as CSV, produced in keyset batches so memory stays flat however many
// calls match: one row per call; a column per call field, then one per contact.data key and one per
// key question found among the matching calls, then (on request) the transcript.
//
// Written for spreadsheets (README "CSV export"): human headers by default (`?headers=keys` for the
// read API's field names), times as `2024-03-11 14:56:41` in UTC (which Excel and Google Sheets read
// as a date; ISO 8601's `T…Z` they keep as text) with the zone in the header, and text that would
// turn into a number (a phone number) kept as text (lib/csv/csv-cell.ts).
//
// Built for throughput (docs/performance.md): one SQL statement per batch, answers included, read
// through the pg pool as arrays of text instead of Prisma objects; rows encoded line by line into a
// byte chunk; the next batch read while the current one is sent.
import { parseVoxiaJson } from "@/lib/voxia/parse-voxia-json";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { csvCell, csvRow } from "@/lib/csv/csv-cell";
import { Utf8Chunk } from "@/lib/csv/utf8-chunk";
import { serializeCallFilters, type CallFilters } from "./call-filters";
import { callWhereSql, keysetSql } from "./call-filters-sql";
import { transcriptPlainText } from "./transcript-speakers";
import { storedField, type ColumnType, type StoredFieldName } from "@/lib/voxia/call-fields";
import { shownPhone, type PhoneView } from "./phone-view";

/** How the CSV is written, from its own URL parameters (the filter is parseCallFilters'). */
export type CsvOptions = { headers: "labels" | "keys"; transcript: boolean };

const INCLUDES = ["transcript"] as const;

/** `headers=labels|keys` (default labels) and `include=transcript` (repeatable or comma-separated). */
export function parseCsvOptions(params: URLSearchParams): { ok: true; options: CsvOptions } | { ok: false; problem: { param: string; message: string } } {
  const headers = params.get("headers")?.trim() || "labels";
  if (headers !== "labels" && headers !== "keys") return { ok: false, problem: { param: "headers", message: `"headers" must be labels or keys` } };
  const include = params.getAll("include").flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  const unknown = include.find((v) => !(INCLUDES as readonly string[]).includes(v));
  if (unknown !== undefined) return { ok: false, problem: { param: "include", message: `"include" takes ${INCLUDES.join(", ")}; not "${unknown.slice(0, 50)}"` } };
  return { ok: true, options: { headers, transcript: include.includes("transcript") } };
}

// Measured at 1M calls: 1,000 rows per batch used less CPU than 500, 2,000 or 4,000 (larger batches
// keep more rows alive across garbage collections; smaller ones pay more round trips). Transcripts
// are tens of times larger than the rest of a row, so with them a batch holds fewer calls.
const BATCH_SIZE = 1000;
const BATCH_SIZE_WITH_TRANSCRIPT = 200;

// Timestamps travel as epoch milliseconds (exact: the columns hold milliseconds) and are written from
// Date.toISOString; Postgres' to_char cost more than this and the JS together. One Date is reused:
// under Next, `new Date` goes through a wrapper that cost ~1.5 µs per call.
const epochMs = (column: string) => `(extract(epoch FROM ${column}) * 1000)::bigint`;
const scratchDate = new Date(0);
const isoDate = (text: string) => {
  scratchDate.setTime(Number(text));
  return scratchDate.toISOString();
};
/** `2024-03-11 14:56:41` (UTC), milliseconds added when there are any: a date to a spreadsheet. */
const spreadsheetDate = (text: string) => {
  const iso = isoDate(text);
  return iso.slice(0, 10) + " " + (iso.endsWith(".000Z") ? iso.slice(11, 19) : iso.slice(11, 23));
};
const number = (text: string) => Number(text);

// How a column's text becomes the value csvCell writes (none: the text itself), by its type.
// Postgres already writes booleans as the cells need them; numbers go through Number and JSON
// through Voxia's parser so that csvCell writes them exactly as JS does (Postgres would write 1e-05
// for 1e-5, and spaces in JSON), and a 20-digit number in contact data keeps its digits.
const BY_TYPE: Partial<Record<ColumnType, (column: string) => [sql: string, decode?: (text: string) => unknown]>> = {
  text: (column) => [column],
  int: (column) => [column, number],
  float8: (column) => [column, number],
  boolean: (column) => [`${column}::text`],
  timestamptz: (column) => [epochMs(column), spreadsheetDate],
  jsonb: (column) => [`${column}::text`, parseVoxiaJson],
};

// `phone`: written masked for a reader who may not see numbers in full (lib/calls/phone-view.ts).
type CsvColumn = { key: string; label: string; sql: string; decode?: (text: string) => unknown; phone?: true };

function fieldColumn(field: StoredFieldName, label: string): CsvColumn {
  const { column, type, shownAs } = storedField(field);
  const [sql, decode] = BY_TYPE[type]!(`c.${column}`);
  return { key: shownAs, label, sql, decode };
}

/**
 * The CSV's call columns, in order: keyed as in the read API (Voxia's field names), read and decoded
 * as their registry column's type (lib/voxia/call-fields.ts), labelled for people. contact.data is
 * not one column but one per key (after these); the campaign's name is filled in from the names
 * readCampaignNames read.
 */
const CALL_COLUMNS: CsvColumn[] = [
  fieldColumn("id", "Call ID"),
  fieldColumn("createdAt", "Created (UTC)"),
  fieldColumn("campaignId", "Campaign ID"),
  { key: "campaign.name", label: "Campaign", sql: "NULL" },
  fieldColumn("contactKey", "Contact ID"),
  fieldColumn("contactName", "Contact name"),
  { ...fieldColumn("contactPhone", "Contact phone"), phone: true },
  fieldColumn("status", "Status"),
  fieldColumn("callStatus", "Call status"),
  fieldColumn("postProcessStatus", "Post-processing status"),
  fieldColumn("hangUpReason", "Hang-up reason"),
  fieldColumn("webhookEvent", "Latest webhook event"),
  fieldColumn("duration", "Duration (s)"),
  fieldColumn("totalDuration", "Total duration (s)"),
  fieldColumn("callMeLater", "Call me later"),
  fieldColumn("doNotCall", "Do not call"),
  fieldColumn("wrongNumber", "Wrong number"),
  fieldColumn("interestedReached", "Interested"),
  fieldColumn("interestedDescription", "Interest description"),
  fieldColumn("isTestCall", "Test call"),
  { ...fieldColumn("phoneFrom", "Called from"), phone: true },
  fieldColumn("organizationId", "Organization ID"),
  fieldColumn("sessionId", "Session ID"),
  fieldColumn("twilioAccountSid", "Twilio account SID"),
  fieldColumn("twilioCallSessionId", "Twilio call session ID"),
  fieldColumn("deliveryCount", "Deliveries"),
  fieldColumn("firstReceivedAt", "First received (UTC)"),
  fieldColumn("lastReceivedAt", "Last received (UTC)"),
];
const ID = 0;
const CREATED_AT = 1;
const CAMPAIGN_ID = 2;
const CAMPAIGN_NAME = 3;
// After the call columns, each row holds the contact data, then the answers, then the transcript.
const CONTACT_DATA = CALL_COLUMNS.length;
const ANSWERS = CONTACT_DATA + 1;
const TRANSCRIPT = ANSWERS + 1;
const DECODERS = CALL_COLUMNS.map((column) => column.decode);
const PHONES = CALL_COLUMNS.map((column) => column.phone === true);
const SELECT_LIST = Prisma.raw([...CALL_COLUMNS.map((column) => column.sql), "c.contact_data::text"].join(", "));

type TextRow = (string | null)[];
type Cursor = { createdAt: string; id: string };
type CampaignNames = Map<string, string | null>;
/** The columns found among the matching calls, in order. */
type Found = { contactKeys: string[]; labels: string[] };

// Every value arrives as the text Postgres sent; CALL_COLUMNS decides what it means.
const AS_TEXT = { getTypeParser: () => (text: string) => text };

/**
 * One batch after the cursor, in list order (createdAt desc, id desc), each row ending with the
 * contact data, the call's answers as a JSON object label → text, read by call_answers' primary key
 * (call_id, label) in the same statement, and the transcript when asked for. The redundant
 * `created_at <=` bound lets the scan start at the cursor, as in keysetSql (call-filters-sql.ts).
 */
async function fetchBatch(filters: CallFilters, cursor: Cursor | null, withAnswers: boolean, options: CsvOptions): Promise<TextRow[]> {
  const after = cursor ? Prisma.sql`AND ${keysetSql(cursor, "older")}` : Prisma.empty;
  const answers = withAnswers
    ? Prisma.sql`, (SELECT json_object_agg(a.label, a.value_text) FROM call_answers a WHERE a.call_id = c.id)::text`
    : Prisma.sql`, NULL`;
  const transcript = options.transcript ? Prisma.sql`, c.transcript::text` : Prisma.empty;
  const query = Prisma.sql`
    SELECT ${SELECT_LIST}${answers}${transcript}
    FROM calls c
    WHERE ${callWhereSql(filters)} ${after}
    ORDER BY c.created_at DESC, c.id DESC
    LIMIT ${options.transcript ? BATCH_SIZE_WITH_TRANSCRIPT : BATCH_SIZE}`;
  const result = await db().pool.query<TextRow>({ text: query.text, values: query.values, rowMode: "array", types: AS_TEXT });
  return result.rows;
}

/** Whether the filter narrows the calls at all (the column look-ups then read every row anyway). */
function isAllCalls(filters: CallFilters): boolean {
  return filters.test !== "only" && serializeCallFilters({ ...filters, test: "exclude" }).toString() === "";
}

/**
 * Key-question labels present among the matching calls, in the campaigns' question order. For a
 * filtered export each matching call's answers are looked up by call_answers' primary key (OFFSET 0
 * keeps Postgres from switching to a hash join over the whole answers table once many calls match,
 * which is slower until nearly all of them do); an export of all calls reads every answer anyway and
 * gets the hash join. Measured at 1M calls: 30 days (221k calls) 0.8–0.9 s by lookups instead of
 * 1.9–2.5 s by the join; a week 0.2–0.4 s either way; all calls 2.0–2.8 s by the join, 3.6–5.8 s by
 * lookups.
 */
async function keyQuestionLabels(filters: CallFilters): Promise<string[]> {
  const answers = isAllCalls(filters)
    ? Prisma.sql`calls c JOIN call_answers a ON a.call_id = c.id`
    : Prisma.sql`calls c CROSS JOIN LATERAL (SELECT label, position FROM call_answers WHERE call_id = c.id OFFSET 0) a`;
  const query = Prisma.sql`
    SELECT a.label, min(a.position) AS "order"
    FROM ${answers}
    WHERE ${callWhereSql(filters)}
    GROUP BY a.label`;
  const { rows } = await db().pool.query<{ label: string; order: number | null }>(query.text, query.values);
  return rows
    .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.label.localeCompare(b.label))
    .map((row) => row.label);
}

/**
 * The contact.data keys present among the matching calls, alphabetically (contact.data is an object
 * merged key by key; the registry reads nothing else into it).
 */
async function contactDataKeys(filters: CallFilters): Promise<string[]> {
  const query = Prisma.sql`
    SELECT DISTINCT k.key
    FROM calls c CROSS JOIN LATERAL jsonb_object_keys(CASE WHEN jsonb_typeof(c.contact_data) = 'object' THEN c.contact_data END) AS k(key)
    WHERE ${callWhereSql(filters)}`;
  const { rows } = await db().pool.query<{ key: string }>(query.text, query.values);
  return rows.map((row) => row.key).sort((a, b) => a.localeCompare(b));
}

/**
 * Campaign names by id, added to `names`. Campaigns are few, so they are read once instead of being
 * looked up per call: on a campaigns table holding many row versions (every webhook updates its
 * campaign's last_call_at; the benchmark database had ~400 per campaign) that lookup cost more than
 * the rest of the row.
 */
async function readCampaignNames(names: CampaignNames = new Map()): Promise<CampaignNames> {
  const { rows } = await db().pool.query<{ id: string; name: string | null }>("SELECT id, name FROM campaigns");
  for (const row of rows) names.set(row.id, row.name);
  return names;
}

/** The header row: human labels, or the read API's field names with `headers=keys`. */
function headerRow({ contactKeys, labels }: Found, options: CsvOptions): string {
  const keys = options.headers === "keys";
  return csvRow([
    ...CALL_COLUMNS.map((column) => (keys ? column.key : column.label)),
    ...contactKeys.map((key) => (keys ? `contact.data.${key}` : `Contact data: ${key}`)),
    ...labels.map((label) => (keys ? `keyQuestion: ${label}` : `Key question: ${label}`)),
    ...(options.transcript ? [keys ? "transcript" : "Transcript"] : []),
  ]);
}

// hasOwn: a key or label such as "constructor" must not find Object.prototype's.
const own = (object: Record<string, unknown>, key: string) => (Object.hasOwn(object, key) ? object[key] : null);

function csvLines(rows: TextRow[], { contactKeys, labels }: Found, names: CampaignNames, options: CsvOptions, view: PhoneView): Uint8Array {
  const chunk = new Utf8Chunk();
  for (const row of rows) {
    const campaignId = row[CAMPAIGN_ID];
    let line = "";
    for (let i = 0; i < CONTACT_DATA; i++) {
      const cell = i === CAMPAIGN_NAME ? (campaignId == null ? null : names.get(campaignId)) : row[i];
      const text = PHONES[i] ? shownPhone(cell ?? null, view) : cell;
      const decode = DECODERS[i];
      line += (i === 0 ? "" : ",") + csvCell(text != null && decode ? decode(text) : text);
    }
    if (contactKeys.length > 0) {
      const text = row[CONTACT_DATA];
      const parsed = text ? parseVoxiaJson(text) : null;
      const data = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
      for (const key of contactKeys) line += "," + csvCell(own(data, key));
    }
    if (labels.length > 0) {
      const text = row[ANSWERS];
      const answers = text ? (JSON.parse(text) as Record<string, string | null>) : {};
      for (const label of labels) line += "," + csvCell(own(answers, label));
    }
    if (options.transcript) {
      const text = row[TRANSCRIPT];
      line += "," + csvCell(text ? transcriptPlainText(parseVoxiaJson(text)) : null);
    }
    chunk.push(line + "\r\n");
  }
  return chunk.take();
}

/** The CSV as UTF-8 bytes, a chunk per batch of calls (the header first). */
export async function* exportCallsCsv(filters: CallFilters, options: CsvOptions, view: PhoneView): AsyncGenerator<Uint8Array> {
  const [labels, contactKeys, names] = await Promise.all([keyQuestionLabels(filters), contactDataKeys(filters), readCampaignNames()]);
  const found: Found = { contactKeys, labels };
  yield Buffer.from("\uFEFF" + headerRow(found, options));
  const withAnswers = labels.length > 0;
  // The next batch is read while this one is formatted and sent, so Postgres and this process work
  // at the same time; at most one batch is read ahead of what the client has taken.
  let pending: Promise<TextRow[]> | null = fetchBatch(filters, null, withAnswers, options);
  const batchSize = options.transcript ? BATCH_SIZE_WITH_TRANSCRIPT : BATCH_SIZE;
  try {
    while (pending) {
      const rows: TextRow[] = await pending;
      pending = null;
      if (rows.length === batchSize) {
        const last = rows[rows.length - 1]!;
        pending = fetchBatch(filters, { createdAt: isoDate(last[CREATED_AT]!), id: last[ID]! }, withAnswers, options);
        // Awaited in the next round or below; this only keeps an abandoned export from reporting an
        // unhandled rejection meanwhile.
        pending.catch(() => undefined);
      }
      // A call stored after the names were read may belong to a campaign created since.
      if (rows.some((row) => row[CAMPAIGN_ID] != null && !names.has(row[CAMPAIGN_ID]))) await readCampaignNames(names);
      if (rows.length > 0) yield csvLines(rows, found, names, options, view);
    }
  } finally {
    // The client went away: let the batch in flight finish rather than leave it running unobserved.
    await pending?.catch(() => undefined);
  }
}
