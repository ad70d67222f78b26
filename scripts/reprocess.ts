// `npm run reprocess`: rebuilds calls, key-question answers, events, campaigns and contacts from the
// raw delivery log alone — after a parser fix, or to prove nothing lives only in derived tables.
// Safe while the app runs: each call is recomputed under the same lock ingestion takes.
// --from-scratch empties the derived tables first (stop the app for that).
// Without DATABASE_URL it works on the embedded database in .data/pglite, as `npm start` does; the
// app must be stopped then, since only one process can hold that data directory.
import { migrateDatabase } from "../lib/db/migrate.ts";
import { startEmbeddedDb, type EmbeddedDb } from "../tools/launch/start-embedded-db.ts";

const fromScratch = process.argv.includes("--from-scratch");
let embedded: EmbeddedDb | undefined;
if (!process.env.DATABASE_URL) {
  const port = Number(process.env.EMBEDDED_DB_PORT ?? 54329);
  try {
    embedded = await startEmbeddedDb({ port, dataDir: ".data/pglite" });
  } catch (error) {
    console.error(`[reprocess] cannot open the embedded database: ${(error as Error).message}`);
    console.error("[reprocess] stop Callboard first (or set DATABASE_URL to reprocess a Postgres server)");
    process.exit(1);
  }
  process.env.DATABASE_URL = embedded.url;
  process.env.CALLBOARD_EMBEDDED_DB = "1";
  await migrateDatabase(embedded.url);
}

// Imported only now: the client reads DATABASE_URL when it is first used.
const { rebuildCallTables } = await import("../lib/ingest/rebuild-call-tables.ts");
const { db, prisma } = await import("../lib/db/client.ts");

if (embedded) {
  // The embedded database takes one connection and frees the migration's a moment after it closed:
  // wait for it, after which the pool keeps its one connection for the whole rebuild.
  for (let attempt = 1; ; attempt++) {
    try {
      await prisma().$queryRaw`SELECT 1`;
      break;
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const started = Date.now();
const result = await rebuildCallTables({
  fromScratch,
  onProgress: (done, total) => process.stdout.write(`\r[reprocess] ${done}/${total} calls`),
});
const seconds = ((Date.now() - started) / 1000).toFixed(1);
let exitCode = 0;
if (result.undecodable.length > 0) {
  // Named by call and delivery id only: a body's text may hold personal data.
  const calls = new Set(result.undecodable.map((f) => f.callId));
  console.error(
    `\n[reprocess] ${result.undecodable.length} stored deliver${result.undecodable.length === 1 ? "y" : "ies"} of ${calls.size} call(s) no longer parse; ` +
      (fromScratch && !result.truncated
        ? "nothing was deleted or rebuilt (--from-scratch needs every body to parse):"
        : "those calls were left as they were:"),
  );
  for (const f of result.undecodable.slice(0, 50)) console.error(`[reprocess]   call ${JSON.stringify(f.callId)} delivery ${f.deliveryId}: ${f.problem}`);
  if (result.undecodable.length > 50) console.error(`[reprocess]   … and ${result.undecodable.length - 50} more`);
  console.error("[reprocess] fix the parser (the bodies are kept byte for byte in the deliveries table), then run reprocess again");
  exitCode = 1;
}
const rebuilt = result.rebuilt === result.calls ? `${result.calls}` : `${result.rebuilt} of ${result.calls}`;
console.log(`\n[reprocess] rebuilt ${rebuilt} calls from ${result.deliveries} deliveries in ${seconds} s`);
await prisma().$disconnect();
await db().pool.end();
await embedded?.stop();
process.exit(exitCode);
