// CSV cells (RFC 4180) that are also safe to open in a spreadsheet: a cell a spreadsheet would run as a
// formula (= + - @, or a leading tab/carriage return) gets a leading apostrophe, because names,
// transcripts and answers come from callers and contact lists we do not control. A cell made only of
// digits and phone punctuation ("+15551234567", "-3") cannot call a function, so phone numbers are
// left intact for the CRM the file is imported into.
import { stringifyJson } from "@/lib/voxia/stringify-json";

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?[\d\s().\-/]+$/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  let text = typeof value === "string" ? value : stringifyJson(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}
