// Generates seeded calls and loads them in batches: raw deliveries plus every derived row, computed
// by the same merge as live ingestion (lib/voxia/merge-call-state.ts), then the rollups in one pass.
import type pg from "pg";
import { REBUILD_ROLLUPS_SQL } from "@/lib/rollups/rollup-sql";
import { recomputeContactStateSql } from "@/lib/contacts/contact-state-sql";
import { availableParallelism } from "node:os";
import { createFoldedRows } from "./build-batch";
import { CONTACT_KEY_SECRET_SQL, contactKeySecretFrom } from "@/lib/contacts/contact-key-secret";
import { rowSink, type SeedFormat } from "./encode-rows";
import { SeedGenerator } from "./seed-generator";
import { FOLDED_TABLES } from "@/lib/ingest/call-table-columns";
import { profileTime, writeEncodedTable } from "./write-seed-batch";
import { dropForeignKeys, dropSecondaryIndexes, recreate } from "./bulk-indexes";

export type SeedOptions = {
  calls: number;
  seed: string;
  /** End of the seeded period; calls are spread over the `days` before it. */
  until: Date;
  days: number;
  batchSize: number;
  /** Empty every call table first. */
  reset: boolean;
  /** Worker threads generating calls (default: one per CPU core but one, at most 4). */
  workers?: number;
  onProgress?: (done: number, deliveries: number) => void;
  onStep?: (message: string) => void;
};

const CALL_TABLES = ["deliveries", "call_answers", "call_events", "calls", "contacts", "campaigns"];
const ROLLUP_TABLES = ["call_rollups", "call_rollups_daily", "call_answer_rollups", "answer_call_rollups"];
// Derived from the calls once they are in (follow-ups start empty: a seeded database has no one's work yet).
const CONTACT_STATE_TABLES = ["suppressed_numbers", "follow_up_changes", "follow_ups"];

/**
 * One transaction: a seed that fails or is interrupted leaves the database as it was. The secondary
 * indexes and foreign keys are dropped first and built once at the end (much faster at 1M calls);
 * readers of the call tables wait meanwhile, which is fine for a seed.
 */
export async function seedCalls(client: pg.ClientBase, options: SeedOptions): Promise<{ calls: number; deliveries: number }> {
  const format = await seedFormat(client);
  await client.query("BEGIN");
  try {
    const result = await seedInTransaction(client, format, options);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** Binary COPY where the server takes it; the embedded database (PGlite) cannot COPY FROM STDIN. */
async function seedFormat(client: pg.ClientBase): Promise<SeedFormat> {
  const { rows } = await client.query<{ version: string }>("SELECT version()");
  return /PGlite/i.test(rows[0]?.version ?? "") ? "json" : "copy";
}

// One core is left to the database's backend, this thread and V8's garbage collector, which together
// use about as much CPU as one worker. On the 2-core development machine (busy, 100k–200k calls) a
// second worker cost 10–15 % more CPU and was not faster over several runs.
function defaultWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

async function seedInTransaction(client: pg.ClientBase, format: SeedFormat, options: SeedOptions) {
  if (!options.reset) {
    // Campaigns and contacts are written once, folded over the whole seed, so the tables must start empty.
    const { rows } = await client.query<{ used: boolean }>(
      `SELECT ${CALL_TABLES.map((t) => `EXISTS (SELECT 1 FROM ${t})`).join(" OR ")} AS used`,
    );
    if (rows[0]?.used) throw new Error("the database already holds calls; reset it first (--reset)");
  }
  // Truncated in this transaction (even when already empty), the tables take COPY … FREEZE: rows are
  // written frozen and their pages marked all-visible, so nothing rewrites 7 GB of pages afterwards to
  // set hint bits or freeze them. Other sessions see the new rows only at commit, as with any insert.
  await client.query(`TRUNCATE ${[...CALL_TABLES, ...ROLLUP_TABLES, ...CONTACT_STATE_TABLES].join(", ")}`);
  const dropped = [...(await dropForeignKeys(client)), ...(await dropSecondaryIndexes(client))];
  // Compresses large values several times faster than the default pglz (absent on some builds).
  await client.query("SAVEPOINT toast; SET LOCAL default_toast_compression = 'lz4'; RELEASE toast").catch(() => client.query("ROLLBACK TO toast"));
  let deliveries = 0;
  const folded = createFoldedRows();
  const workers = options.workers ?? defaultWorkers();
  const contactKeySecret = contactKeySecretFrom((await client.query<{ contact_key_secret: string }>(CONTACT_KEY_SECRET_SQL)).rows);
  const generator = new SeedGenerator(
    { seed: options.seed, calls: options.calls, untilMs: options.until.getTime(), days: options.days, contactKeySecret },
    format,
    workers,
  );
  try {
    const ranges: [number, number][] = [];
    for (let start = 0; start < options.calls; start += options.batchSize) ranges.push([start, Math.min(options.calls, start + options.batchSize)]);
    // Each worker builds one batch ahead while this thread writes the current one: enough to keep them
    // busy when the database is the faster side, and no more, since on the embedded database (slower
    // than generation) batches built further ahead only take CPU from it.
    const ahead = workers;
    const ask = ([start, end]: [number, number]) => {
      const batch = generator.batch(start, end);
      batch.catch(() => {}); // a failure surfaces where the batch is awaited
      return batch;
    };
    const queued = ranges.slice(0, ahead).map(ask);
    for (let i = 0; i < ranges.length; i++) {
      const next = ranges[i + ahead];
      if (next) queued.push(ask(next));
      const waited = performance.now();
      const batch = await queued.shift()!;
      profileTime("wait for generator", waited);
      for (const table of batch.tables) await writeEncodedTable(client, format, table);
      folded.campaigns.absorb(batch.campaigns);
      folded.contacts.absorb(batch.contacts);
      deliveries += batch.deliveries;
      options.onProgress?.(ranges[i]![1], deliveries);
    }
  } finally {
    await generator.close();
  }
  for (const table of FOLDED_TABLES) {
    const rows = folded[table.name as keyof typeof folded].drain();
    // In chunks, so that neither a COPY nor a JSON parameter gets huge.
    for (let i = 0; i < rows.length; i += 20_000) {
      const sink = rowSink(format, table);
      for (const row of rows.slice(i, i + 20_000)) sink.add(row);
      await writeEncodedTable(client, format, sink.finish());
    }
  }
  await client.query("SET LOCAL maintenance_work_mem = '512MB'");
  // No progress inside one CREATE INDEX, so say up front what comes (the transcripts' trigram index
  // takes longest, about a minute at 1M calls).
  options.onStep?.(`building ${dropped.length} indexes and foreign keys over the loaded rows`);
  let built = 0;
  await recreate(client, dropped, (name, seconds) => options.onStep?.(`rebuilt ${name} in ${seconds.toFixed(1)} s (${++built}/${dropped.length})`));
  await client.query("LOCK TABLE calls IN SHARE MODE");
  await client.query(REBUILD_ROLLUPS_SQL);
  options.onStep?.("rollups rebuilt");
  await client.query(recomputeContactStateSql("all"));
  options.onStep?.("contacts, follow-up queues and suppressed numbers built");
  return { calls: options.calls, deliveries };
}
