// Is the app able to serve? Reports the database's reachability and schema state: a schema whose
// migrations did not apply is not healthy, however reachable the database is (lib/db/schema-state.ts).
import { db } from "./client";
import { schemaState } from "./schema-state";

export async function checkHealth() {
  const started = Date.now();
  const schema = schemaState();
  try {
    const { rows } = await db().pool.query<{ migrations: string; calls: string | null }>(
      `SELECT (SELECT count(*) FROM "_prisma_migrations" WHERE finished_at IS NOT NULL)::text AS migrations,
              (SELECT reltuples::bigint FROM pg_class WHERE relname = 'calls')::text AS calls`,
    );
    const database = { status: "up" as const, latencyMs: Date.now() - started, migrationsApplied: Number(rows[0]?.migrations ?? 0) };
    if (schema.status !== "ready") return { ok: false as const, reason: schema.reason, database: { ...database, schema: schema.status } };
    return { ok: true as const, database: { ...database, schema: schema.status } };
  } catch (error) {
    const message = (error as Error).message.split("\n")[0];
    return { ok: false as const, reason: message, database: { status: "down" as const, error: message, schema: schema.status } };
  }
}
