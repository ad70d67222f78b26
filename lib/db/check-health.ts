// Is the app able to serve? Reports the database's reachability and schema state.
import { db } from "./client";

export async function checkHealth() {
  const started = Date.now();
  try {
    const { rows } = await db().pool.query<{ migrations: string; calls: string | null }>(
      `SELECT (SELECT count(*) FROM "_prisma_migrations" WHERE finished_at IS NOT NULL)::text AS migrations,
              (SELECT reltuples::bigint FROM pg_class WHERE relname = 'calls')::text AS calls`,
    );
    return {
      ok: true as const,
      database: { status: "up" as const, latencyMs: Date.now() - started, migrationsApplied: Number(rows[0]?.migrations ?? 0) },
    };
  } catch (error) {
    return { ok: false as const, database: { status: "down" as const, error: (error as Error).message.split("\n")[0] } };
  }
}
