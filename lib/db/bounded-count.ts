// How many rows match, never a wrong number and never slow: an exact count given EXACT_COUNT_MS (an
// index-only filter counts tens of thousands of rows in that time); past that, counted up to
// COUNT_LIMIT within CAPPED_COUNT_MS: exact below it, else the lower bound COUNT_LIMIT ("10,000+");
// a filter that finds even that few too slowly (a free-text search over most of a table) says only
// "at least 0", for the caller to raise to what it listed. Used by the calls and contacts lists.
import { db } from "./client";
import { Prisma } from "@/lib/generated/prisma/client";
import { isEmbeddedDatabase } from "./database-url";

export const COUNT_LIMIT = 10_000;
const EXACT_COUNT_MS = 60;
const CAPPED_COUNT_MS = 90;

export type BoundedCount = { total: number; isLowerBound: boolean };

/** `from` is the query's FROM … WHERE … part ("FROM calls c WHERE …"). */
export async function boundedCount(from: Prisma.Sql): Promise<BoundedCount> {
  const exact = await countWithin(EXACT_COUNT_MS, Prisma.sql`SELECT count(*)::int AS n ${from}`);
  if (exact !== null) return { total: exact, isLowerBound: false };
  const capped = await countWithin(CAPPED_COUNT_MS, Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 ${from} LIMIT ${COUNT_LIMIT + 1}) AS matched`);
  if (capped === null) return { total: 0, isLowerBound: true };
  return capped > COUNT_LIMIT ? { total: COUNT_LIMIT, isLowerBound: true } : { total: capped, isLowerBound: false };
}

const QUERY_CANCELED = "57014";

/** The count `query` returns, or null when Postgres cancels it after `ms` (statement_timeout). */
async function countWithin(ms: number, query: Prisma.Sql): Promise<number | null> {
  const client = await db().pool.connect();
  // Only a connection whose transaction could not be closed is dropped: a count that fails in SQL
  // (a NUL in the search text) is rolled back and its connection reused — on the embedded database
  // it is the only one, and dropping it cut off the requests queued behind.
  let broken = true;
  try {
    await client.query("BEGIN");
    // The embedded database runs one statement at a time and has no timeout to give: it counts all.
    if (!isEmbeddedDatabase()) await client.query(`SET LOCAL statement_timeout = ${Math.round(ms)}`);
    try {
      const result = await client.query<{ n: number }>(query.text, query.values);
      await client.query("COMMIT");
      broken = false;
      return result.rows[0]?.n ?? 0;
    } catch (error) {
      await client.query("ROLLBACK");
      broken = false;
      if ((error as { code?: string }).code === QUERY_CANCELED) return null;
      throw error;
    }
  } finally {
    client.release(broken);
  }
}
