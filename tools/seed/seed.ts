// `npm run seed -- --calls N`: fills the database with N realistic, deterministic Voxia calls (see
// tools/seed). Uses DATABASE_URL, or the embedded database in .data/pglite when none is set (stop the
// app first: the embedded database serves one process).
//   --calls N       how many calls (default 10000)
//   --seed TEXT     PRNG seed (default "callboard"); the same seed and --until give the same data
//   --until ISO     end of the seeded period (default: the current hour)
//   --days N        length of the period (default 180)
//   --reset         empty every call table first (required when the database already has calls)
//   --batch N       calls per batch (default 2000)
//   --workers N     worker threads generating calls (default: one per CPU core but one, at most 4)
import pg from "pg";
import { migrateDatabase } from "../../lib/db/migrate.ts";
import { redactedDatabaseUrl } from "../../lib/db/database-url.ts";
import { seedCalls } from "./seed-calls.ts";
import { startEmbeddedDb, type EmbeddedDb } from "../launch/start-embedded-db.ts";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
function positiveInteger(name: string, fallback: number): number {
  const raw = option(name);
  if (raw === undefined) return fallback;
  const value = Number(raw.replaceAll("_", ""));
  if (!Number.isInteger(value) || value < 1) fail(`${name} must be a whole number above 0, not "${raw}"`);
  return value;
}
function fail(message: string): never {
  console.error(`[seed] ${message}`);
  process.exit(2);
}

const calls = positiveInteger("--calls", 10_000);
const days = positiveInteger("--days", 180);
const batchSize = positiveInteger("--batch", 2_000);
const workers = option("--workers") === undefined ? undefined : positiveInteger("--workers", 1);
const seed = option("--seed") ?? "callboard";
const untilRaw = option("--until");
const until = untilRaw ? new Date(untilRaw) : new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
if (Number.isNaN(until.getTime())) fail(`--until must be an ISO date such as 2026-11-25 or 2026-11-25T12:00:00Z`);

let embedded: EmbeddedDb | undefined;
let url = process.env.DATABASE_URL;
if (!url) {
  const port = Number(process.env.EMBEDDED_DB_PORT ?? 54329);
  console.log(`[seed] no DATABASE_URL given: seeding the embedded database in .data/pglite`);
  embedded = await startEmbeddedDb({ port, dataDir: ".data/pglite" });
  url = embedded.url;
}

const client = new pg.Client({ connectionString: url });
try {
  await migrateDatabase(url);
  await client.connect();
  // A seed can simply be run again after a crash, so it need not wait for each commit to reach disk.
  await client.query("SET synchronous_commit = off");
  const reset = args.includes("--reset");
  const existing = (await client.query("SELECT 1 FROM deliveries LIMIT 1")).rowCount ?? 0;
  if (existing > 0 && !reset) throw new Error(`${redactedDatabaseUrl(url)} already holds calls; pass --reset to empty it first`);
  console.log(`[seed] ${calls} calls, seed "${seed}", ${days} days until ${until.toISOString()} → ${redactedDatabaseUrl(url)}`);
  const started = Date.now();
  const result = await seedCalls(client, {
    calls,
    seed,
    until,
    days,
    batchSize,
    workers,
    reset,
    onStep: (message) => console.log(`\n[seed] ${message}`),
    onProgress: (done, deliveries) => {
      const seconds = (Date.now() - started) / 1000;
      const rate = done / seconds;
      const eta = Math.round((calls - done) / rate);
      process.stdout.write(`\r[seed] ${done}/${calls} calls, ${deliveries} deliveries, ${Math.round(rate)} calls/s, ${eta} s left   `);
    },
  });
  console.log("[seed] analyzing tables");
  await client.query("ANALYZE calls, call_answers, call_events, deliveries, contacts, campaigns, call_rollups, call_rollups_daily");
  const seconds = (Date.now() - started) / 1000;
  console.log(`[seed] done: ${result.calls} calls and ${result.deliveries} deliveries in ${seconds.toFixed(1)} s (${Math.round(result.calls / seconds)} calls/s)`);
} catch (error) {
  console.error(`\n[seed] failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => {});
  await embedded?.stop();
}
