// A call's JSON columns as stored, numbers with all their digits. Prisma hands Json columns to
// JSON.parse, which rounds 67212411941217521949 to 67212411941217520000; so these columns are read
// as text through the same pool and parsed with Voxia's parser, which keeps such numbers as
// JsonNumber. Each column is parsed on its own, so a value nests no deeper than it did when sent.
import { db } from "@/lib/db/client";
import { parseVoxiaJson, type JsonValue } from "@/lib/voxia/parse-voxia-json";
import { SHOWN_JSON_FIELDS, storedField } from "@/lib/voxia/call-fields";

type JsonField = (typeof SHOWN_JSON_FIELDS)[number];

/** The registry's JSON columns (lib/voxia/call-fields.ts), with the key questions' and events' JSON. */
export type CallJsonColumns = Record<JsonField, JsonValue> & {
  /** Key-question value and options by label. */
  answers: Map<string, { value: JsonValue; options: JsonValue }>;
  /** Event data by position. */
  events: Map<number, JsonValue>;
};

type Row = Record<JsonField | "answers" | "events", string | null>;

const JSON_COLUMNS = SHOWN_JSON_FIELDS.map((field) => `${storedField(field).column}::text AS "${field}"`).join(", ");

export async function readCallJson(id: string): Promise<CallJsonColumns | null> {
  const { rows } = await db().pool.query<Row>(
    `SELECT ${JSON_COLUMNS},
       (SELECT json_agg(json_build_array(a.label, a.value, a.options))::text FROM call_answers a WHERE a.call_id = c.id) AS answers,
       (SELECT json_agg(json_build_array(e.position, e.data))::text FROM call_events e WHERE e.call_id = c.id) AS events
     FROM calls c WHERE c.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  // Plain JSON: values were unwrapped on the way in, so unknown fields {"$date": …} stay an object.
  const parse = (text: string | null): JsonValue => (text === null ? null : parseVoxiaJson(text, { extendedJson: false }));
  const answers = new Map<string, { value: JsonValue; options: JsonValue }>();
  for (const [label, value, options] of (parse(row.answers) ?? []) as [string, JsonValue, JsonValue][]) answers.set(label, { value, options });
  const events = new Map<number, JsonValue>();
  for (const [position, data] of (parse(row.events) ?? []) as [number, JsonValue][]) events.set(position, data);
  return {
    ...(Object.fromEntries(SHOWN_JSON_FIELDS.map((field) => [field, parse(row[field])])) as Record<JsonField, JsonValue>),
    answers,
    events,
  };
}
