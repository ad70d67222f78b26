// `npm run dev` / `npm start`: runs Callboard against DATABASE_URL, or, when none is given, against
// an embedded database kept in .data/ that this script starts and stops with the app.
import { spawn, type ChildProcess } from "node:child_process";
import { MigrationFailedError, migrateDatabase } from "../lib/db/migrate.ts";
import { redactedDatabaseUrl } from "../lib/db/database-url.ts";
import { startEmbeddedDb, type EmbeddedDb } from "../tools/launch/start-embedded-db.ts";
import { exitIfInsecure } from "../lib/security/required-settings.ts";
import { KEEP_ALIVE_TIMEOUT_MS, serverNodeOptions } from "../lib/http/next-server-options.ts";

const mode = process.argv[2] === "start" ? "start" : "dev";
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
let embedded: EmbeddedDb | undefined;

// `npm start` serves production: refuse before touching the database (the server checks again).
if (mode === "start") exitIfInsecure({ ...env, NODE_ENV: "production" });

if (!env.DATABASE_URL) {
  const port = Number(env.EMBEDDED_DB_PORT ?? 54329);
  console.log(`[callboard] no DATABASE_URL given: starting the embedded database (data in .data/pglite)`);
  embedded = await startEmbeddedDb({ port, dataDir: ".data/pglite" });
  env.DATABASE_URL = embedded.url;
  env.CALLBOARD_EMBEDDED_DB = "1";
}

try {
  const { applied } = await migrateDatabase(env.DATABASE_URL);
  console.log(`[callboard] database ${redactedDatabaseUrl(env.DATABASE_URL)}: ${applied.length} migration(s) applied`);
} catch (error) {
  if (error instanceof MigrationFailedError) {
    // The server starts anyway and refuses to serve on the old schema (health and webhook 503, naming
    // the migration) while it retries, so the problem is visible where the operator looks for it.
    console.error(`[callboard] NOT SERVING until fixed: ${error.message}`);
  } else {
    console.error(`[callboard] cannot prepare the database: ${(error as Error).message}`);
    await embedded?.stop();
    process.exit(1);
  }
}

const port = env.PORT ?? "3000";
const args = ["node_modules/next/dist/bin/next", mode, "--port", port];
if (mode === "start") {
  args.push("--keepAliveTimeout", String(KEEP_ALIVE_TIMEOUT_MS));
  env.NODE_OPTIONS = serverNodeOptions(env.NODE_OPTIONS);
}
// `npm start` supervises the server: if it dies anyway (out of memory, a crash), it is started again
// after a backoff that doubles from 1 s up to 30 s and starts over once a server has run for a minute.
// `npm run dev` ends with its server, as a developer expects.
const supervise = mode === "start";
const BACKOFF_FIRST_MS = 1_000;
const BACKOFF_MAX_MS = 30_000;
const HEALTHY_RUN_MS = 60_000;
const STOP_GRACE_MS = 10_000;

let server: ChildProcess | undefined;
let restartTimer: NodeJS.Timeout | undefined;
let backoffMs = BACKOFF_FIRST_MS;
let exiting = false;

function startServer() {
  restartTimer = undefined;
  const started = Date.now();
  const child = spawn(process.execPath, args, { env, stdio: "inherit" });
  server = child;
  if (supervise) console.log(`[callboard] server started (pid ${child.pid})`);
  child.on("exit", (code, signal) => {
    if (exiting) return;
    if (!supervise) return void shutdown(code ?? 0);
    if (Date.now() - started >= HEALTHY_RUN_MS) backoffMs = BACKOFF_FIRST_MS;
    const delay = backoffMs;
    backoffMs = Math.min(backoffMs * 2, BACKOFF_MAX_MS);
    console.error(
      `[callboard] server (pid ${child.pid}) exited with code ${code ?? "none"} (signal ${signal ?? "none"}); restarting in ${delay / 1000} s`,
    );
    restartTimer = setTimeout(startServer, delay);
  });
}

async function shutdown(code: number) {
  if (exiting) return;
  exiting = true;
  clearTimeout(restartTimer);
  const child = server;
  if (child && child.exitCode === null && child.signalCode === null) {
    // Let the server finish what it is answering, then stop the database under it.
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const forced = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    await exited;
    clearTimeout(forced);
  }
  await embedded?.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
startServer();
