// The columns the writers write (lib/ingest/call-table-columns.ts; the calls table's from the
// registry of a call's fields, lib/voxia/call-fields.ts) against the columns the migrations create,
// and against prisma/schema.prisma: a field added to one and not the others fails here, not as a
// failed insert (or a silently unwritten column) in production.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  CALLS,
  CALL_ANSWERS,
  CALL_EVENTS,
  CAMPAIGNS,
  CONTACTS,
  DELIVERIES,
  type CallTable,
  type ColumnType,
} from "../../lib/ingest/call-table-columns.ts";
import { STORED_COLUMNS } from "../../lib/voxia/call-fields.ts";
import { DERIVED_CONTACT_COLUMNS, recomputeContactStateSql } from "../../lib/contacts/contact-state-sql.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase("call_columns");
});
after(async () => {
  await database?.drop();
});

// information_schema's udt_name for each type the writers cast to.
const UDT: Record<ColumnType, string> = {
  text: "text",
  int: "int4",
  float8: "float8",
  boolean: "bool",
  timestamptz: "timestamptz",
  jsonb: "jsonb",
  bytea: "bytea",
};

/** Columns the database fills itself and no writer writes. */
const NOT_WRITTEN: Record<string, readonly string[]> = { deliveries: ["id"], contacts: DERIVED_CONTACT_COLUMNS };
/** Written as one type into a column of another, on purpose: a sha256's 64 hex digits as text into char(64). */
const STORED_AS: Record<string, string> = { "deliveries.sha256": "bpchar" };

async function databaseColumns(table: string): Promise<string[]> {
  const rows = await database.query<{ column_name: string; udt_name: string }>(
    `SELECT column_name, udt_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY column_name`,
    [table],
  );
  return rows.map((r) => `${r.column_name} ${r.udt_name}`);
}

for (const table of [CALLS, CALL_ANSWERS, CALL_EVENTS, CAMPAIGNS, CONTACTS, DELIVERIES] satisfies CallTable[]) {
  test(`the migrated ${table.name} table has exactly the columns its writers write, with their types`, async () => {
    const actual = (await databaseColumns(table.name)).filter((column) => !(NOT_WRITTEN[table.name] ?? []).includes(column.split(" ")[0]!));
    const written = table.columns.map(([name, type]) => `${name} ${STORED_AS[`${table.name}.${name}`] ?? UDT[type]}`).sort();
    assert.deepEqual(actual, written);
  });
}

test("the contacts columns the writer leaves are each written by the recomputation from calls", () => {
  const sql = recomputeContactStateSql("batch");
  for (const column of DERIVED_CONTACT_COLUMNS) assert.match(sql, new RegExp(`\\b${column} = n\\.${column}\\b`), column);
});

test("the calls columns written are the registry's, each once", () => {
  const names = CALLS.columns.map(([name]) => name);
  assert.deepEqual(names, STORED_COLUMNS.map((c) => c.name));
  assert.equal(new Set(names).size, names.length);
});

test("every field of schema.prisma's Call model maps to a registry column, and every registry column to a field", () => {
  const schema = readFileSync("prisma/schema.prisma", "utf8");
  const model = /^model Call \{\n([\s\S]*?)^\}/m.exec(schema);
  assert.ok(model, "prisma/schema.prisma has a Call model");
  const columns: string[] = [];
  for (const line of model[1]!.split("\n")) {
    const field = /^\s+(\w+)\s+(\w+)(\[\])?\??(.*)$/.exec(line);
    if (!field) continue;
    const [, name, , list, rest] = field;
    // Relations (Campaign, CallAnswer[] …) are no columns of calls.
    if (list || rest!.includes("@relation")) continue;
    columns.push(/@map\("([^"]+)"\)/.exec(rest!)?.[1] ?? name!);
  }
  assert.deepEqual(columns.sort(), STORED_COLUMNS.map((c) => c.name).sort());
});
