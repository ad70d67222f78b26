// A write transaction on the app's connection pool (the one Prisma's driver adapter uses), run with
// the pg driver directly. The webhook's write path is four set-based SQL statements; run through a
// Prisma interactive transaction instead, the same statements cost more. Measured at 1M calls, 16
// senders, runs alternating on a quiet machine: 302-334 vs 242-267 webhooks/s, 2.3-2.6 vs 3.0-3.6 ms
// of server CPU per delivery, 167 vs 252 MB peak memory (docs/performance.md, "Ingestion").
import { createHash } from "node:crypto";
import type pg from "pg";
import { db } from "./client";
import { isEmbeddedDatabase } from "./database-url";

/** Runs SQL with $1… parameters inside the caller's transaction. */
export type SqlRunner = {
  query<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]>;
  execute(sql: string, params: unknown[]): Promise<number>;
};

/** One statement taking longer than this is treated as a hung database; the connection is dropped. */
const STATEMENT_TIMEOUT_MS = 15_000;

// The write path's statements are the same text for every batch: as named prepared statements,
// each connection parses them once and Postgres can keep their plan instead of planning a
// multi-table CTE for every batch of one or two deliveries (1.1-1.3 ms each; docs/performance.md).
// Not on the embedded database: all its connections share PGlite's one session, so a statement
// prepared on a connection the pool has closed is still there when the next one prepares it again.
const statementNames = new Map<string, string>();
function statementName(text: string): string | undefined {
  if (isEmbeddedDatabase()) return undefined;
  let name = statementNames.get(text);
  if (!name) {
    name = `callboard_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

export async function inTransaction<T>(work: (sql: SqlRunner) => Promise<T>): Promise<T> {
  const client = await db().pool.connect();
  const run = (text: string, values: unknown[] = [], name?: string) =>
    client.query({ text, values, name, query_timeout: STATEMENT_TIMEOUT_MS } as pg.QueryConfig);
  const sql: SqlRunner = {
    query: async <R,>(text: string, values: unknown[]) => (await run(text, values, statementName(text))).rows as R[],
    execute: async (text, values) => (await run(text, values, statementName(text))).rowCount ?? 0,
  };
  try {
    await run("BEGIN");
    const result = await work(sql);
    await run("COMMIT");
    client.release();
    return result;
  } catch (error) {
    // A connection whose state is unknown (timed out mid-statement, or broken) is not reused.
    const rolledBack = await run("ROLLBACK").then(() => true, () => false);
    client.release(rolledBack ? undefined : (error as Error));
    throw error;
  }
}
