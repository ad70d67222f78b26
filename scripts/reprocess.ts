// `npm run reprocess`: rebuilds calls, key-question answers, events, campaigns and contacts from the
// raw delivery log alone — after a parser fix, or to prove nothing lives only in derived tables.
// Safe while the app runs: each call is recomputed under the same lock ingestion takes.
// --from-scratch empties the derived tables first (stop the app for that).
import { rebuildCallTables } from "../lib/ingest/rebuild-call-tables.ts";
import { prisma } from "../lib/db/client.ts";

const fromScratch = process.argv.includes("--from-scratch");
const started = Date.now();
const result = await rebuildCallTables({
  fromScratch,
  onProgress: (done, total) => process.stdout.write(`\r[reprocess] ${done}/${total} calls`),
});
console.log(`\n[reprocess] rebuilt ${result.calls} calls from ${result.deliveries} deliveries in ${((Date.now() - started) / 1000).toFixed(1)} s`);
await prisma().$disconnect();
process.exit(0);
