// JSON.stringify that writes a JsonNumber as the digits it was sent with. Used for everything that
// carries Voxia's values on: the ingest statements' JSON parameters (jsonParam) and the read API's
// responses. Values without a JsonNumber take JSON.stringify itself, so the common case costs no more.
import { JsonNumber, storesCompactly } from "./json-number";

export function stringifyJson(value: unknown, indent?: number): string {
  if (!containsJsonNumber(value, 0)) return JSON.stringify(value, null, indent) ?? "null";
  return write(value, indent ? " ".repeat(indent) : "", "", false) ?? "null";
}

/**
 * A JSON parameter for the write statements (json_to_recordset / ::jsonb): numbers exactly as
 * sent. One Postgres would write out in more than 128 digits (1e400) is written as its text in a
 * string ("1e400"): its digits kept, without letting a short token grow into megabytes in jsonb.
 */
export function jsonParam(value: unknown): string {
  if (!containsJsonNumber(value, 0)) return JSON.stringify(value) ?? "null";
  return write(value, "", "", true) ?? "null";
}

// Plain JSON nests at most 64 levels (the parser's limit); anything deeper is not from a payload.
function containsJsonNumber(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== "object") return false;
  if (value instanceof JsonNumber) return true;
  if (depth > 200) return true; // let the careful writer handle it
  if (Array.isArray(value)) {
    for (const item of value) if (containsJsonNumber(item, depth + 1)) return true;
    return false;
  }
  if (value instanceof Date) return false;
  for (const key in value) {
    if (Object.hasOwn(value, key) && containsJsonNumber((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

function write(value: unknown, indent: string, current: string, forPostgres: boolean): string | undefined {
  if (value instanceof JsonNumber) {
    if (forPostgres && !storesCompactly(value)) return JSON.stringify(value.text);
    return value.text;
  }
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = current + indent;
  const open = indent ? `\n${inner}` : "";
  const close = indent ? `\n${current}` : "";
  const separator = indent ? `,\n${inner}` : ",";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((item) => write(item, indent, inner, forPostgres) ?? "null");
    return `[${open}${items.join(separator)}${close}]`;
  }
  const parts: string[] = [];
  // Object.keys lists an own "__proto__" key like any other.
  for (const key of Object.keys(value)) {
    const written = write((value as Record<string, unknown>)[key], indent, inner, forPostgres);
    if (written !== undefined) parts.push(`${JSON.stringify(key)}:${indent ? " " : ""}${written}`);
  }
  if (parts.length === 0) return "{}";
  return `{${open}${parts.join(separator)}${close}}`;
}
