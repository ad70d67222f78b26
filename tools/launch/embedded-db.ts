// The embedded database: PGlite (Postgres compiled to WebAssembly) behind a Postgres wire-protocol
// socket, so the app connects to it exactly as it connects to a Postgres server.
// Usage: tsx tools/launch/embedded-db.ts [--port 54329] [--data .data/pglite | --memory]
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(option("--port") ?? process.env.EMBEDDED_DB_PORT ?? 54329);
const dataDir = args.includes("--memory") ? undefined : (option("--data") ?? ".data/pglite");

if (dataDir) mkdirSync(dataDir, { recursive: true });
// pg_trgm ships separately in PGlite; the migrations create trigram indexes for the `q` search.
const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm } });
// One connection: every connection shares PGlite's single session, so two would interleave transactions.
const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 1 });
try {
  await server.start();
} catch (error) {
  console.error(`[embedded-db] cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`);
  console.error("[embedded-db] is another Callboard already running? Stop it, or set EMBEDDED_DB_PORT.");
  process.exit(1);
}
console.log(`[embedded-db] ready on 127.0.0.1:${port} (${dataDir ? `data in ${dataDir}` : "in memory"})`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop().catch(() => {});
  await db.close().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
// Stop with the parent: a launcher that dies must not leave the data directory held.
process.on("disconnect", () => void stop());
