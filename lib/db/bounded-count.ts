// How many rows match, never a wrong number and never slow: all within COUNT_MS. First a count capped
// at COUNT_LIMIT + 1 rows, exact below the cap; past it, an exact count(*) in what is left of the time
// (an index-only filter counts tens of thousands of rows in it), else the lower bound COUNT_LIMIT
// ("10,000+"); a filter that finds even that few too slowly (a free-text search over most of a table)
// says only "at least 0", for the caller to raise to what it listed. (Exact first, 60 ms, then capped,
// 90 ms, could take 150 ms: alone the page target. Side by side, the two counts took each other's CPU
// on two cores and the capped one, the more useful, missed more often.)
import { db } from "./client";
import { Prisma } from "@/lib/generated/prisma/client";
import { isEmbeddedDatabase } from "./database-url";

export const COUNT_LIMIT = 10_000;
const COUNT_MS = 100;
/** Less time than this left after the capped count: the exact one is not tried. */
const MIN_EXACT_MS = 10;

export type BoundedCount = { total: number; isLowerBound: boolean };

/** `from` is the query's FROM … WHERE … part ("FROM calls c WHERE …"). */
export async function boundedCount(from: Prisma.Sql): Promise<BoundedCount> {
  const exactSql = Prisma.sql`SELECT count(*)::int AS n ${from}`;
  // The embedded database runs one statement at a time and has no timeout to give: it counts all.
  if (isEmbeddedDatabase()) return { total: (await countWithin(COUNT_MS, exactSql)) ?? 0, isLowerBound: false };
  const started = performance.now();
  const capped = await countWithin(COUNT_MS, Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 ${from} LIMIT ${COUNT_LIMIT + 1}) AS matched`);
  if (capped === null) return { total: 0, isLowerBound: true };
  if (capped <= COUNT_LIMIT) return { total: capped, isLowerBound: false };
  const left = COUNT_MS - (performance.now() - started);
  const exact = left >= MIN_EXACT_MS ? await countWithin(left, exactSql) : null;
  return exact !== null ? { total: exact, isLowerBound: false } : { total: COUNT_LIMIT, isLowerBound: true };
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

/** A list page's `total`: a lower bound is raised to at least what the page has shown to exist. */
export function pageTotal(count: BoundedCount, listed: number, hasMore: boolean): { total: number; totalIsLowerBound: boolean } {
  const shown = listed + (hasMore ? 1 : 0);
  return { total: count.isLowerBound ? Math.max(count.total, shown) : count.total, totalIsLowerBound: count.isLowerBound };
}
