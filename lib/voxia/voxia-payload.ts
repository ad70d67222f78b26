// The one definition of a Voxia webhook payload: which fields exist and how each is read.
// Tolerant by design: the only thing a delivery must have is a usable call `id`. Numbers may come as
// strings, booleans as "true"/"false", the summary as objects (current format) or plain strings
// (older format); unknown values and unknown fields are kept as they are, and a known field in a
// shape this version cannot read is kept as sent in `notUnderstood`, never dropped.
import { JsonNumber, type JsonValue } from "./parse-voxia-json";
import { parseIsoTimestamp } from "./iso-timestamp";
import { stringifyJson } from "./stringify-json";
import { stageRank } from "./vocabulary";
import { CALL_FIELDS, KNOWN_TOP_LEVEL_FIELDS, READ_FIELDS, type CallField, type ReadFieldName, type ReaderName, type ReaderOf } from "./call-fields";

type JsonObject = { [key: string]: JsonValue };

/** `role` and `content` as text where they are text, else as sent (e.g. an object). */
export type TranscriptEntry = { role: JsonValue; content: JsonValue } & JsonObject;

export type KeyAnswer = {
  label: string;
  type: string | null;
  value: JsonValue;
  valueText: string | null;
  order: number | null;
  description: string | null;
  options: JsonValue[] | null;
};

export type CallEventEntry = { type: string | null; data: JsonValue };

/** What each reader of the registry (call-fields.ts) reads a payload value as; null: "not said". */
const READERS = {
  text,
  number,
  boolean,
  date,
  jsonArray: arrayOrNull,
  jsonObject: objectOrNull,
  transcript,
  events,
} satisfies Record<ReaderName, (value: JsonValue | undefined) => unknown>;

/** The older format carries the contact's name and number in `variables`. */
const FALLBACKS = {
  olderFormatContactName: (variables: JsonObject | null) => text(variables?.name) ?? text(variables?.contactName),
  olderFormatContactPhone: (variables: JsonObject | null) =>
    text(variables?.phoneNumber) ?? text(variables?.phone) ?? text(variables?.phone_number),
} satisfies Record<NonNullable<CallField["fallback"]>, (variables: JsonObject | null) => string | null>;

type ReadValues = { [K in ReadFieldName]: ReturnType<(typeof READERS)[ReaderOf<K>]> };

/** One delivery, read into typed fields (one per registry entry with a reader). `null` means "this delivery does not say". */
export type VoxiaDelivery = ReadValues & {
  id: string;
  stageRank: number;
  answers: KeyAnswer[];
  /** Top-level fields this version does not know, as sent. */
  extra: JsonObject | null;
  /**
   * Known fields sent in a shape this version cannot read (a summary that is an array, a createdAt
   * that is no date), keyed by their path ("summary", "contact.data", "summary.Budget.order").
   */
  notUnderstood: JsonObject | null;
};

export type PayloadProblem = { field: string; message: string };

export const MAX_ID_LENGTH = 255;

export function readVoxiaDelivery(
  body: JsonValue,
): { ok: true; delivery: VoxiaDelivery } | { ok: false; problem: PayloadProblem } {
  if (!isObject(body)) {
    return {
      ok: false,
      problem: { field: "(body)", message: `the body must be a JSON object describing one call, not ${describe(body)}` },
    };
  }
  const rawId = sentId(body);
  // Surrounding spaces are not part of an id (README, "Webhook contract"); the acknowledgement
  // names the id as stored. A number keeps its digits: 67212411941217521949 is that id, exactly.
  const id =
    typeof rawId === "number" && Number.isFinite(rawId) ? String(rawId)
    : rawId instanceof JsonNumber ? rawId.text
    : typeof rawId === "string" ? rawId.trim()
    : null;
  if (!id) {
    return {
      ok: false,
      problem: {
        field: "id",
        message:
          rawId === undefined
            ? 'the call "id" field is missing'
            : `the call "id" field must be a non-empty string, not ${describe(rawId ?? null)}`,
      },
    };
  }
  if (id.length > MAX_ID_LENGTH) {
    return { ok: false, problem: { field: "id", message: `the call "id" is longer than ${MAX_ID_LENGTH} characters` } };
  }
  const unstorable = unstorableIdProblem(id);
  if (unstorable) return { ok: false, problem: unstorable };

  const notUnderstood: JsonObject = {};
  // A value that is there (not null, not blank text) but that `reader` cannot read is kept as sent.
  const read = <T>(path: string, value: JsonValue | undefined, reader: (v: JsonValue | undefined) => T | null): T | null => {
    const result = reader(value);
    if (result === null && value !== undefined && value !== null && !(typeof value === "string" && value.trim() === "")) {
      Object.defineProperty(notUnderstood, path, { value, enumerable: true, writable: true, configurable: true });
    }
    return result;
  };

  // A field at ["contact", "name"] is read from the contact object, itself read (once) as an object.
  const parents = new Map<string, JsonObject | null>();
  const valueAt = (path: readonly [string] | readonly [string, string]): JsonValue | undefined => {
    if (path.length === 1) return body[path[0]];
    let parent = parents.get(path[0]);
    if (parent === undefined) {
      parent = read(path[0], body[path[0]], objectOrNull);
      parents.set(path[0], parent);
    }
    return parent?.[path[1]];
  };
  const values: Partial<Record<ReadFieldName, unknown>> = {};
  for (const name of READ_FIELDS) {
    const field: CallField = CALL_FIELDS[name];
    const reader: (value: JsonValue | undefined) => unknown = READERS[field.read!];
    // An impossible date ("2024-02-30") is no date: the call is dated by receipt, the text kept.
    values[name] = read(field.path!.join("."), valueAt(field.path!), reader);
  }
  const fields = values as ReadValues;
  for (const name of READ_FIELDS) {
    const fallback = (CALL_FIELDS[name] as CallField).fallback;
    if (fallback && values[name] === null) values[name] = FALLBACKS[fallback](fields.variables);
  }

  const extraEntries = Object.entries(body).filter(([key]) => !KNOWN_TOP_LEVEL_FIELDS.has(key));

  return {
    ok: true,
    delivery: {
      ...fields,
      id,
      stageRank: stageRank(fields),
      answers: fields.summary ? keyAnswers(fields.summary, read) : [],
      extra: extraEntries.length > 0 ? Object.fromEntries(extraEntries) : null,
      notUnderstood: Object.keys(notUnderstood).length > 0 ? notUnderstood : null,
    },
  };
}

type Read = <T>(path: string, value: JsonValue | undefined, reader: (v: JsonValue | undefined) => T | null) => T | null;

function sentId(body: JsonObject): JsonValue | undefined {
  return Object.hasOwn(body, "id") ? body.id : body._id;
}

/**
 * An id that cannot be stored and read back exactly: Postgres text holds no NUL or lone surrogate,
 * and "." and ".." are path segments a URL cannot carry (they are resolved away before any server
 * sees them), so GET /api/calls/{id} could never find the call.
 */
function unstorableIdProblem(id: string): PayloadProblem | null {
  if (id === "." || id === "..") {
    return { field: "id", message: `the call "id" cannot be "${id}": a call must be readable at /api/calls/{id}, and a URL cannot carry "${id}" as a path segment` };
  }
  if (id.includes("\u0000") || !id.isWellFormed()) {
    return { field: "id", message: 'the call "id" contains a NUL character or an unpaired UTF-16 surrogate, which cannot be stored exactly' };
  }
  return null;
}

/**
 * The parser keeps only text Postgres can store, so NUL and lone surrogates arrive here as U+FFFD
 * (README, "Webhook contract"). For the id that would merge "a\u0000" into "a\uFFFD": when the
 * id holds a U+FFFD, `exact` (the body parsed with exactStrings) tells whether it was sent so.
 */
export function idRewrittenProblem(delivery: VoxiaDelivery, exact: () => JsonValue): PayloadProblem | null {
  if (!delivery.id.includes("\uFFFD")) return null;
  const body = exact();
  const raw = body !== null && typeof body === "object" && !Array.isArray(body) && !(body instanceof JsonNumber) ? sentId(body) : undefined;
  return typeof raw === "string" ? unstorableIdProblem(raw.trim()) : null;
}

function transcript(value: JsonValue | undefined): TranscriptEntry[] | null {
  if (!Array.isArray(value)) return null;
  return value.map((entry) => {
    if (isObject(entry)) {
      // A role or content that is not text (an object, a number) is kept as sent.
      return {
        ...entry,
        role: text(entry.role) ?? text(entry.speaker) ?? entry.role ?? null,
        content: text(entry.content) ?? text(entry.text) ?? text(entry.message) ?? entry.content ?? null,
      };
    }
    // A bare line: keep it, with no role.
    return { role: null, content: text(entry) ?? entry };
  });
}

/** Summary entries: `{description, options, order, type, value}` now, a plain string in the older format. */
function keyAnswers(summary: JsonObject, read: Read): KeyAnswer[] {
  return Object.entries(summary).map(([label, entry]) => {
    if (isObject(entry)) {
      const value = entry.value ?? null;
      return {
        label,
        type: read(`summary.${label}.type`, entry.type, text),
        value,
        valueText: valueText(value),
        order: read(`summary.${label}.order`, entry.order, integer),
        description: read(`summary.${label}.description`, entry.description, text),
        options: read(`summary.${label}.options`, entry.options, arrayOrNull),
      };
    }
    return { label, type: null, value: entry ?? null, valueText: valueText(entry ?? null), order: null, description: null, options: null };
  });
}

function events(value: JsonValue | undefined): CallEventEntry[] | null {
  if (!Array.isArray(value)) return null;
  return value.map((event) =>
    isObject(event)
      ? { type: text(event.type), data: Object.hasOwn(event, "data") ? (event.data ?? null) : event }
      : { type: null, data: event },
  );
}

function valueText(value: JsonValue): string | null {
  if (value === null) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean" || value instanceof JsonNumber) return String(value);
  return stringifyJson(value);
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof JsonNumber);
}

function objectOrNull(value: JsonValue | undefined): JsonObject | null {
  return isObject(value) ? value : null;
}

function arrayOrNull(value: JsonValue | undefined): JsonValue[] | null {
  return Array.isArray(value) ? value : null;
}

/** Strings as sent (blank means absent); numbers and booleans as their text. */
function text(value: JsonValue | undefined): string | null {
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (value instanceof JsonNumber) return value.text;
  if (typeof value === "boolean") return String(value);
  return null;
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A number for a float8 column: a JsonNumber as its nearest double (a 20-digit duration keeps its
 * magnitude); one beyond a double's range (1e400) is no number here, and is kept in notUnderstood.
 */
function number(value: JsonValue | undefined): number | null {
  const n =
    typeof value === "number" ? value
    : value instanceof JsonNumber ? value.valueOf()
    : typeof value === "string" && NUMERIC.test(value.trim()) ? Number(value.trim())
    : null;
  return n !== null && Number.isFinite(n) ? n : null;
}

function integer(value: JsonValue | undefined): number | null {
  const n = number(value);
  return n !== null && Number.isSafeInteger(n) && Math.abs(n) <= 2_147_483_647 ? n : null;
}

function boolean(value: JsonValue | undefined): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value === "string") {
    const lowered = value.trim().toLowerCase();
    if (lowered === "true" || lowered === "yes" || lowered === "1") return true;
    if (lowered === "false" || lowered === "no" || lowered === "0") return false;
  }
  if (value === 1) return true;
  if (value === 0) return false;
  return null;
}

function date(value: JsonValue | undefined): Date | null {
  // ISO 8601 read strictly; a time without an offset is UTC whatever the server's zone. Numbers are epoch ms.
  const parsed = typeof value === "string" ? parseIsoTimestamp(value) : typeof value === "number" ? new Date(value) : null;
  if (!parsed) return null;
  const time = parsed.getTime();
  // Postgres timestamptz holds years 4713 BC – 294276 AD; anything odd is treated as "not said".
  if (Number.isNaN(time) || parsed.getUTCFullYear() < 1970 || parsed.getUTCFullYear() > 9999) return null;
  return parsed;
}

function describe(value: JsonValue): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof JsonNumber) return "a number";
  return `a ${typeof value}`;
}
