// csvCell read back the way a spreadsheet reads a CSV: SheetJS's CSV reader infers types as Excel does
// (a leading + or 0 makes a number, `="…"` is text, `=…` a formula).
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import XLSX from "xlsx";
import { csvCell } from "../../lib/csv/csv-cell.ts";

/** The middle cell of a one-row CSV as a spreadsheet holds it (a file starts with a header). */
function asSpreadsheetReadsIt(cell: string): XLSX.CellObject {
  const sheet = XLSX.read(`start,${cell},end\r\n`, { type: "string", FS: ",", raw: false }).Sheets.Sheet1!;
  assert.equal(sheet.C1?.v, "end", `the row was read as three cells: ${cell}`);
  return sheet.B1 ?? { t: "z" };
}

test("phone numbers and other digit strings a spreadsheet would change come back as exactly their text", () => {
  for (const text of ["+15550000001", "+1 (617) 555-0198", "0049 30 1234567", "007", "3-4", "12/10", "12345678901234567890", "-0", "1.2.3"]) {
    const cell = asSpreadsheetReadsIt(csvCell(text));
    assert.deepEqual([cell.t, cell.v, cell.f], ["s", text, undefined], `${text} as ${csvCell(text)}`);
  }
  // Without it, the reader makes a number of a phone number and drops its +.
  assert.equal(asSpreadsheetReadsIt("+15550000001").t, "n");
});

test("plain numbers stay numbers", () => {
  for (const [value, number] of [["42", 42], ["-3", -3], ["0.5", 0.5], [185, 185], [1.25, 1.25], ["123456789012345", 123456789012345]] as const) {
    const cell = asSpreadsheetReadsIt(csvCell(value));
    assert.deepEqual([cell.t, cell.v], ["n", number], String(value));
  }
});

test("formulas are shown, not run", () => {
  for (const text of ["=1+2", "+SUM(A1:A9)", "-1+2", "@cmd", '=HYPERLINK("http://evil.example","click")', "\t=1", "=\"\"+1"]) {
    const cell = asSpreadsheetReadsIt(csvCell(text));
    assert.equal(cell.f, undefined, text);
    assert.equal(cell.t, "s", text);
    assert.equal(cell.v, `'${text}`, text);
  }
});

test("no text becomes a formula, and number-like text comes back exactly", () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[+-]?[\d ().\-/]{1,20}$/)), (text) => {
      const cell = asSpreadsheetReadsIt(csvCell(text));
      assert.equal(cell.f, undefined);
      if (!/^[+-]?[\d ().\-/]*\d[\d ().\-/]*$/.test(text)) return;
      // Number-like text is either exactly itself, or a plain decimal read as that number.
      if (cell.t === "s") assert.equal(cell.v, text);
      else assert.deepEqual([cell.t, cell.v], ["n", Number(text)], text);
    }),
    { numRuns: 2000 },
  );
});
