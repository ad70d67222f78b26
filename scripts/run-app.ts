// `npm run dev` / `npm start`: runs Callboard against DATABASE_URL, or, when none is given, against
// an embedded database kept in .data/ that this script starts and stops with the app.
import { spawn } from "node:child_process";
import { migrateDatabase } from "../lib/db/migrate.ts";
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
  console.error(`[callboard] cannot prepare the database: ${(error as Error).message}`);
  await embedded?.stop();
  process.exit(1);
}

const port = env.PORT ?? "3000";
const args = ["node_modules/next/dist/bin/next", mode, "--port", port];
if (mode === "start") {
  args.push("--keepAliveTimeout", String(KEEP_ALIVE_TIMEOUT_MS));
  env.NODE_OPTIONS = serverNodeOptions(env.NODE_OPTIONS);
}
const next = spawn(process.execPath, args, { env, stdio: "inherit" });

let exiting = false;
async function shutdown(code: number) {
  if (exiting) return;
  exiting = true;
  if (next.exitCode === null) next.kill("SIGTERM");
  await embedded?.stop();
  process.exit(code);
}
next.on("exit", (code) => void shutdown(code ?? 0));
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
