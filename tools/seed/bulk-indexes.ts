// Secondary indexes are cheaper to build once over the loaded rows than to maintain row by row while
// a million calls go in (measured in docs/performance.md). Runs inside the seed's transaction, so a
// failed seed rolls the dropped indexes back with everything else.
import type pg from "pg";

const BULK_TABLES = ["calls", "call_answers", "call_events", "deliveries"];

export type DroppedObject = { name: string; definition: string };

/** Drops the tables' foreign keys (checked again, all at once, when re-added). */
export async function dropForeignKeys(client: pg.ClientBase): Promise<DroppedObject[]> {
  const { rows } = await client.query<{ name: string; table: string; definition: string }>(
    `SELECT c.conname AS name, t.relname AS table, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
     WHERE c.contype = 'f' AND t.relname = ANY($1::text[]) AND t.relnamespace = current_schema()::regnamespace
     ORDER BY t.relname, c.conname`,
    [BULK_TABLES],
  );
  for (const { name, table } of rows) await client.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${name}"`);
  return rows.map(({ name, table, definition }) => ({ name, definition: `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" ${definition}` }));
}

/** Drops the tables' indexes that no constraint needs; returns the statements that recreate them. */
export async function dropSecondaryIndexes(client: pg.ClientBase): Promise<DroppedObject[]> {
  const { rows } = await client.query<DroppedObject>(
    `SELECT i.indexname AS name, i.indexdef AS definition
     FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
     ORDER BY i.tablename, i.indexname`,
    [BULK_TABLES],
  );
  for (const { name } of rows) await client.query(`DROP INDEX "${name}"`);
  return rows;
}

/** Runs the statements that recreate dropped indexes and constraints, reporting each one's time. */
export async function recreate(
  client: pg.ClientBase,
  indexes: DroppedObject[],
  onIndex?: (name: string, seconds: number) => void,
): Promise<void> {
  for (const { name, definition } of indexes) {
    const started = Date.now();
    await client.query(definition);
    onIndex?.(name, (Date.now() - started) / 1000);
  }
}
