// pg-pool's `pool.query` releases its connection with the query's error, which closes it — for a
// duplicate key or a bad parameter as much as for a broken socket. Prisma's driver adapter runs every
// query through `pool.query`, so each SQL error cost a connection. On the embedded database that was
// worse than slow: it serves one connection, counts a closed one as gone only a moment later, and
// turned away the pool's immediate reconnect, so the request after any SQL error failed too.
// An error the server reported (it has a SQLSTATE) leaves the connection ready for the next query;
// only errors that say the connection itself is gone or in an unknown state close it.
import pg from "pg";
import { isDatabaseUnavailable } from "./is-database-unavailable";

export function keepConnectionOnSqlError(pool: pg.Pool): void {
  const original = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((config: unknown, values?: unknown, callback?: unknown) => {
    // Callback forms and submittables (cursors, streams) keep pg-pool's own handling.
    const submittable = typeof (config as { submit?: unknown } | null)?.submit === "function";
    if (submittable || typeof values === "function" || typeof callback === "function") return original(config, values, callback);
    return queryOnce(pool, config as string | pg.QueryConfig, values as unknown[] | undefined);
  }) as pg.Pool["query"];
}

async function queryOnce(pool: pg.Pool, config: string | pg.QueryConfig, values: unknown[] | undefined) {
  const client = await pool.connect();
  try {
    const result = await client.query(config, values);
    client.release();
    return result;
  } catch (error) {
    client.release(isServerReportedSqlError(error) ? undefined : (error as Error));
    throw error;
  }
}

/** An ErrorResponse from the server about the statement (after which it is ready for the next one). */
export function isServerReportedSqlError(error: unknown): boolean {
  return error instanceof pg.DatabaseError && !isDatabaseUnavailable(error);
}
