// The embedded database: PGlite (Postgres compiled to WebAssembly) behind a Postgres wire-protocol
// socket, so the app connects to it exactly as it connects to a Postgres server.
// Usage: tsx tools/launch/embedded-db.ts [--port 54329] [--data .data/pglite | --memory]
import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from "node:fs";
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

if (dataDir) {
  mkdirSync(dataDir, { recursive: true });
  holdDataDir(dataDir);
}
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

// One process per data directory. PGlite has no lock of its own: a second one (`npm run reprocess`
// while the app runs) would start Postgres on files the first is writing, and its start-up writes into
// them before it even finds the port taken. The lock beside the directory names the holder's pid; a
// lock whose process is gone (killed with SIGKILL) is taken over.
function holdDataDir(dir: string) {
  const lock = `${dir.replace(/\/+$/, "")}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      process.on("exit", () => {
        try {
          if (readFileSync(lock, "utf8") === String(process.pid)) unlinkSync(lock);
        } catch {
          // Already gone, or taken over: nothing of ours to remove.
        }
      });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lock, "utf8"));
      if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
        console.error(`[embedded-db] ${dir} is in use by process ${holder} (${lock})`);
        console.error("[embedded-db] is another Callboard already running? Stop it first.");
        process.exit(1);
      }
      unlinkSync(lock);
    }
  }
  console.error(`[embedded-db] cannot take ${lock}: another process took it meanwhile`);
  process.exit(1);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
