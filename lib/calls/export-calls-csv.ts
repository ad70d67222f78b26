// Every call matching the filters as CSV, produced in keyset batches so memory stays flat however many
// calls match: one row per call, a column per call field, then one column per key question.
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
import { storedField, type ColumnType, type StoredFieldName } from "@/lib/voxia/call-fields";

// Measured at 1M calls: 1,000 rows per batch used less CPU than 500, 2,000 or 4,000 (larger batches
// keep more rows alive across garbage collections; smaller ones pay more round trips).
const BATCH_SIZE = 1000;

// Timestamps travel as epoch milliseconds (exact: the columns hold milliseconds) and are written by
// Date.toISOString, as before; Postgres' to_char cost more than this and the JS together. One Date
// is reused: under Next, `new Date` goes through a wrapper that cost ~1.5 µs per call.
const epochMs = (column: string) => `(extract(epoch FROM ${column}) * 1000)::bigint`;
const scratchDate = new Date(0);
const isoDate = (text: string) => {
  scratchDate.setTime(Number(text));
  return scratchDate.toISOString();
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
  timestamptz: (column) => [epochMs(column), isoDate],
  jsonb: (column) => [`${column}::text`, parseVoxiaJson],
};

function fieldColumn(field: StoredFieldName): CsvColumn {
  const { column, type, shownAs } = storedField(field);
  const [sql, decode] = BY_TYPE[type]!(`c.${column}`);
  return [shownAs, sql, decode];
}

type CsvColumn = [name: string, sql: string, decode?: (text: string) => unknown];

/**
 * The CSV's call columns, in order: named as in the read API (Voxia's field names), read and
 * decoded as their registry column's type (lib/voxia/call-fields.ts).
 */
const CALL_COLUMNS: CsvColumn[] = [
  ...(["id", "createdAt", "campaignId"] as const).map(fieldColumn),
  ["campaign.name", "NULL"], // the campaign's own name, looked up in the names readCampaignNames read
  ...(
    [
      "contactKey", "contactName", "contactPhone", "status", "callStatus", "postProcessStatus", "hangUpReason", "webhookEvent",
      "duration", "totalDuration", "callMeLater", "doNotCall", "wrongNumber", "interestedReached", "interestedDescription",
      "isTestCall", "phoneFrom", "organizationId", "sessionId", "twilioAccountSid", "twilioCallSessionId", "contactData",
      "deliveryCount", "firstReceivedAt", "lastReceivedAt",
    ] as const
  ).map(fieldColumn),
];
const ID = 0;
const CREATED_AT = 1;
const CAMPAIGN_ID = 2;
const CAMPAIGN_NAME = 3;
const ANSWERS = CALL_COLUMNS.length;
const DECODERS = CALL_COLUMNS.map(([, , decode]) => decode);
const SELECT_LIST = Prisma.raw(CALL_COLUMNS.map(([, sql]) => sql).join(", "));

type TextRow = (string | null)[];
type Cursor = { createdAt: string; id: string };
type CampaignNames = Map<string, string | null>;

// Every value arrives as the text Postgres sent; CALL_COLUMNS decides what it means.
const AS_TEXT = { getTypeParser: () => (text: string) => text };

/**
 * One batch after the cursor, in list order (createdAt desc, id desc), each row ending with the
 * call's answers as a JSON object label → text, read by call_answers' primary key (call_id, label)
 * in the same statement. The redundant `created_at <=` bound lets the scan start at the cursor, as
 * in keysetSql (call-filters-sql.ts).
 */
async function fetchBatch(filters: CallFilters, cursor: Cursor | null, withAnswers: boolean): Promise<TextRow[]> {
  const after = cursor ? Prisma.sql`AND ${keysetSql(cursor, "older")}` : Prisma.empty;
  const answers = withAnswers
    ? Prisma.sql`, (SELECT json_object_agg(a.label, a.value_text) FROM call_answers a WHERE a.call_id = c.id)::text`
    : Prisma.empty;
  const query = Prisma.sql`
    SELECT ${SELECT_LIST}${answers}
    FROM calls c
    WHERE ${callWhereSql(filters)} ${after}
    ORDER BY c.created_at DESC, c.id DESC
    LIMIT ${BATCH_SIZE}`;
  const result = await db().pool.query<TextRow>({ text: query.text, values: query.values, rowMode: "array", types: AS_TEXT });
  return result.rows;
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
  const allCalls = filters.test !== "only" && serializeCallFilters({ ...filters, test: "exclude" }).toString() === "";
  const answers = allCalls
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

function csvLines(rows: TextRow[], labels: string[], names: CampaignNames): Uint8Array {
  const chunk = new Utf8Chunk();
  for (const row of rows) {
    const campaignId = row[CAMPAIGN_ID];
    let line = "";
    for (let i = 0; i < ANSWERS; i++) {
      const text = i === CAMPAIGN_NAME ? (campaignId == null ? null : names.get(campaignId)) : row[i];
      const decode = DECODERS[i];
      line += (i === 0 ? "" : ",") + csvCell(text != null && decode ? decode(text) : text);
    }
    if (labels.length > 0) {
      const text = row[ANSWERS];
      const answers = text ? (JSON.parse(text) as Record<string, string | null>) : {};
      // hasOwn: a label such as "constructor" must not find Object.prototype's.
      for (const label of labels) line += "," + csvCell(Object.hasOwn(answers, label) ? answers[label] : null);
    }
    chunk.push(line + "\r\n");
  }
  return chunk.take();
}

/** The CSV as UTF-8 bytes, a chunk per batch of calls (the header first). */
export async function* exportCallsCsv(filters: CallFilters): AsyncGenerator<Uint8Array> {
  const [labels, names] = await Promise.all([keyQuestionLabels(filters), readCampaignNames()]);
  yield Buffer.from("\uFEFF" + csvRow([...CALL_COLUMNS.map(([name]) => name), ...labels.map((label) => `keyQuestion: ${label}`)]));
  // The next batch is read while this one is formatted and sent, so Postgres and this process work
  // at the same time; at most one batch is read ahead of what the client has taken.
  let pending: Promise<TextRow[]> | null = fetchBatch(filters, null, labels.length > 0);
  try {
    while (pending) {
      const rows: TextRow[] = await pending;
      pending = null;
      if (rows.length === BATCH_SIZE) {
        const last = rows[rows.length - 1]!;
        pending = fetchBatch(filters, { createdAt: isoDate(last[CREATED_AT]!), id: last[ID]! }, labels.length > 0);
        // Awaited in the next round or below; this only keeps an abandoned export from reporting an
        // unhandled rejection meanwhile.
        pending.catch(() => undefined);
      }
      // A call stored after the names were read may belong to a campaign created since.
      if (rows.some((row) => row[CAMPAIGN_ID] != null && !names.has(row[CAMPAIGN_ID]))) await readCampaignNames(names);
      if (rows.length > 0) yield csvLines(rows, labels, names);
    }
  } finally {
    // The client went away: let the batch in flight finish rather than leave it running unobserved.
    await pending?.catch(() => undefined);
  }
}
