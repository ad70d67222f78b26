// CSV cells (RFC 4180) written for the spreadsheet the file is opened in (Excel, Google Sheets),
// safely: names, transcripts and answers come from callers and contact lists we do not control.
//
// - Text a spreadsheet would run as a formula (= + - @, or a leading tab/carriage return) gets a
//   leading apostrophe, so it is shown, never run.
// - Text made only of digits and phone punctuation that a spreadsheet would turn into a different
//   number or a date ("+15551234567" → 15551234567 or 1.56E+10, "007" → 7, "3-4" → 4 March, 16+
//   digits rounded) is written as the formula ="…": Excel, Google Sheets and LibreOffice Calc
//   (checked with LibreOffice 7.4 headless) show exactly the text, as text. Only digits, spaces and + - ( ) . / can be
//   inside it, so it can run nothing else. A plain decimal that reads back unchanged ("42", "-3",
//   "0.5") stays a number.
import { stringifyJson } from "@/lib/voxia/stringify-json";

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER_LIKE = /^[+-]?[\d ().\-/]*\d[\d ().\-/]*$/;
// A decimal a spreadsheet reads as that number: no sign but "-", no leading zero, at most 15
// significant digits (what Excel keeps of a number).
const PLAIN_DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

function survivesAsNumber(text: string): boolean {
  return PLAIN_DECIMAL.test(text) && text.replace(/^-?0*|\./g, "").length <= 15 && !/^-0(?:\.0*)?$/.test(text);
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return String(value);
  let text = typeof value === "string" ? value : typeof value === "number" || typeof value === "bigint" ? String(value) : stringifyJson(value);
  if (NUMBER_LIKE.test(text)) {
    if (!survivesAsNumber(text)) return `"=""${text}"""`;
  } else if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}
