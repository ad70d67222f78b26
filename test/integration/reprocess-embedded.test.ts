// `npm run reprocess` on a machine without DATABASE_URL works on the embedded database in
// .data/pglite, as `npm start` does — and refuses clearly while the app holds that database.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase } from "../../lib/db/migrate.ts";
import { startEmbeddedDb, type EmbeddedDb } from "../../tools/launch/start-embedded-db.ts";
import { freePort } from "../support/free-port.ts";
import { postWebhook, startTestApp } from "../support/test-app.ts";
import { readCallTables, type CallTables } from "../support/call-tables.ts";
import { connectWhenFree, type TestDatabase } from "../support/test-database.ts";
import { lifecycleDeliveries } from "../support/voxia-fixtures.ts";

const repo = process.cwd();
let home: string;
let port: number;
let database: EmbeddedDb | undefined;
let live: CallTables;

// A directory laid out like a checkout, with its own .data: the script finds the data where `npm start` keeps it.
before(async () => {
  home = mkdtempSync(path.join(tmpdir(), "callboard-reprocess-"));
  symlinkSync(path.join(repo, "node_modules"), path.join(home, "node_modules"));
  mkdirSync(path.join(home, "prisma"));
  symlinkSync(path.join(repo, "prisma", "migrations"), path.join(home, "prisma", "migrations"));
  port = await freePort();
});
after(async () => {
  await database?.stop();
  rmSync(home, { recursive: true, force: true });
});

function tablesOf(url: string) {
  const reader = {
    query: async (sql: string) => {
      const client = await connectWhenFree(url, true);
      try {
        return (await client.query(sql)).rows;
      } finally {
        await client.end();
      }
    },
  } as Pick<TestDatabase, "query"> as TestDatabase;
  return readCallTables(reader);
}

function reprocess(args: string[], options: { port?: number } = {}) {
  // TSX_TSCONFIG_PATH: the checkout's "@/" import paths, although the script runs in another directory.
  const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_DB_PORT: String(options.port ?? port), TSX_TSCONFIG_PATH: path.join(repo, "tsconfig.json") };
  delete env.DATABASE_URL;
  delete env.CALLBOARD_EMBEDDED_DB;
  return spawnSync(process.execPath, ["--import", "tsx", path.join(repo, "scripts", "reprocess.ts"), ...args], {
    cwd: home,
    env,
    encoding: "utf8",
    timeout: 120_000,
  });
}

test("calls received by an app on the embedded database are rebuilt identically from scratch", async () => {
  database = await startEmbeddedDb({ port, dataDir: path.join(home, ".data", "pglite") });
  await migrateDatabase(database.url);
  const app = await startTestApp({ databaseUrl: database.url, embedded: true });
  for (let i = 0; i < 3; i++) {
    for (const { body } of lifecycleDeliveries({ id: `embedded-${i}`, outcome: "INTERESTED" })) {
      assert.equal((await postWebhook(app, body)).status, 200);
    }
  }
  await app.stop();
  live = await tablesOf(database.url);
  assert.equal(live.calls.length, 3);

  // On another port, so that only the data directory's lock can refuse it: a second PGlite on these
  // files would write into them while the first holds them.
  const busy = reprocess(["--from-scratch"], { port: await freePort() });
  assert.equal(busy.status, 1, `refused while the database is held\n${busy.stdout}\n${busy.stderr}`);
  assert.match(busy.stderr, /pglite is in use by process \d+/);
  assert.match(busy.stderr, /stop Callboard first/);

  await database.stop();
  database = undefined;
  const result = reprocess(["--from-scratch"]);
  assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
  assert.match(result.stdout, /rebuilt 3 calls from 12 deliveries/);

  database = await startEmbeddedDb({ port, dataDir: path.join(home, ".data", "pglite") });
  assert.deepEqual(await tablesOf(database.url), live);
});
