// Writes encoded seed rows (tools/seed/seed-worker.ts) inside the caller's transaction: on a Postgres
// server one binary COPY per table and batch; on the embedded database, which cannot COPY FROM STDIN
// over its socket, one INSERT … SELECT FROM json_to_recordset($1) per table and batch.
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { EncodedTable, SeedFormat } from "./encode-rows";
import { BATCH_TABLES, FOLDED_TABLES, type CallTable, type CallTableName } from "@/lib/ingest/call-table-columns";

const TABLES = new Map<CallTableName, CallTable>([...BATCH_TABLES, ...FOLDED_TABLES].map((t) => [t.name, t]));

const profile = process.env.SEED_PROFILE === "1" ? new Map<string, number>() : null;

export async function writeEncodedTable(client: pg.ClientBase, format: SeedFormat, encoded: EncodedTable): Promise<void> {
  if (encoded.rows === 0) return;
  const table = TABLES.get(encoded.table)!;
  const started = performance.now();
  if (format === "copy") await copyRows(client, table, encoded.copy!);
  else await client.query(jsonInsertSql(table), [encoded.json!]);
  profileTime(`${format} ${table.name}`, started);
}

function copyRows(client: pg.ClientBase, table: CallTable, chunks: Buffer[]): Promise<void> {
  const columns = table.columns.map(([name]) => `"${name}"`).join(", ");
  return new Promise((resolve, reject) => {
    // FREEZE: the seed truncates the tables in its transaction first (tools/seed/seed-calls.ts).
    const stream = client.query(copyFrom(`COPY "${table.name}" (${columns}) FROM STDIN (FORMAT binary, FREEZE)`));
    stream.on("error", reject);
    // Emitted once the server has acknowledged the whole COPY.
    stream.on("finish", () => resolve());
    for (const chunk of chunks) stream.write(chunk);
    stream.end();
  });
}

const jsonSql = new Map<string, string>();

function jsonInsertSql(table: CallTable): string {
  let sql = jsonSql.get(table.name);
  if (!sql) {
    const names = table.columns.map(([name]) => `"${name}"`).join(", ");
    // Raw bodies travel as JSON strings and are stored as their UTF-8 bytes.
    const values = table.columns.map(([name, type]) => (type === "bytea" ? `convert_to("${name}", 'UTF8')` : `"${name}"`)).join(", ");
    const record = table.columns.map(([name, type]) => `"${name}" ${type === "bytea" ? "text" : type}`).join(", ");
    sql = `INSERT INTO "${table.name}" (${names}) SELECT ${values} FROM json_to_recordset($1::json) AS r(${record})`;
    jsonSql.set(table.name, sql);
  }
  return sql;
}

/** With SEED_PROFILE=1, where the seed's time goes, printed at exit (milliseconds). */
export function profileTime(key: string, started: number) {
  if (profile) profile.set(key, (profile.get(key) ?? 0) + performance.now() - started);
}

if (profile) {
  process.on("exit", () => console.log("\n[seed] time per step (ms):", Object.fromEntries([...profile].map(([k, v]) => [k, Math.round(v)]))));
}
