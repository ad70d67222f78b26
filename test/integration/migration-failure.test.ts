// Promise: a migration that fails at start-up does not let the app serve on the old schema. Health
// answers 503 naming the migration, the log says so, the webhook answers 503 and stores nothing, pages
// say Callboard is not serving — and once the database is fixed the same process serves again.
// Played for real: the database's record of the first migration is removed, so the app applies it
// again and its CREATE TABLE fails on the tables that exist.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { freePort } from "../support/free-port.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { payloadFor } from "../support/voxia-fixtures.ts";

const FIRST = "20261125000000_init";
let database: TestDatabase;
let app: TestApp;
let record: Record<string, unknown>;

before(async () => {
  database = await createTestDatabase("migration_failure");
  [record] = (await database.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = $1 RETURNING *`, [FIRST])) as [Record<string, unknown>];
  assert.ok(record);
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded, healthStatus: 503 });
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

test("health answers 503 naming the failed migration, and the log says the app is not serving", async () => {
  const res = await fetch(`${app.url}/api/health`);
  assert.equal(res.status, 503);
  const health = await res.json();
  assert.equal(health.status, "degraded");
  assert.equal(health.database.status, "up");
  assert.equal(health.database.schema, "migration_failed");
  assert.match(health.reason, new RegExp(`migration ${FIRST} failed: .*already exists`));
  assert.match(app.output(), new RegExp(`\\[db\\] NOT SERVING: migration ${FIRST} failed`));
});

test("the webhook answers 503 naming the migration problem and stores nothing into the old schema", async () => {
  const res = await postWebhook(app, JSON.stringify(payloadFor({ id: "during-failed-migration" }, "HANG_UP", "ended")));
  assert.equal(res.status, 503);
  const json = await res.json();
  assert.equal(json.error.code, "database_unavailable");
  assert.equal(json.error.retryable, true);
  assert.match(json.error.message, new RegExp(`schema is not up to date: migration ${FIRST} failed`));
  // That nothing was stored is checked once the app serves again (the last test).
});

test("the read API answers 503 naming the migration instead of reading the old schema", async () => {
  for (const path of ["/api/calls", "/api/calls/any-id", "/api/stats", "/api/calls/export"]) {
    const res = await fetch(`${app.url}${path}`);
    assert.equal(res.status, 503, path);
    const json = await res.json();
    assert.equal(json.error.code, "database_unavailable", path);
    assert.match(json.error.message, new RegExp(`migration ${FIRST} failed`), path);
  }
});

test("pages say Callboard is not serving instead of showing an empty dashboard", async () => {
  const res = await fetch(`${app.url}/calls`);
  const html = await res.text();
  assert.match(html, /Callboard is not serving yet/);
  assert.match(html, /A database migration failed/);
  assert.doesNotMatch(html, /already exists/, "the error itself is for the log and health, not for the page");
});

test("`npm start` does not exit on it either: it serves the same 503 and says so", async () => {
  // The embedded database takes one connection: the app above lets go of it first.
  if (database.embedded) await app.stop();
  const port = await freePort();
  let output = "";
  const launcher = spawn(process.execPath, ["--import", "tsx", "scripts/run-app.ts", "start"], {
    env: { ...process.env, DATABASE_URL: database.url, ...(database.embedded ? { CALLBOARD_EMBEDDED_DB: "1" } : {}), PORT: String(port), CALLBOARD_ALLOW_INSECURE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  launcher.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  launcher.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    const deadline = Date.now() + 60_000;
    let health: Response | null = null;
    while ((health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status !== 503) {
      assert.ok(Date.now() < deadline && launcher.exitCode === null, `no 503 from npm start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    assert.match((await health!.json()).reason, new RegExp(`migration ${FIRST} failed`));
    assert.match(output, new RegExp(`\\[callboard\\] NOT SERVING until fixed: migration ${FIRST} failed`));
  } finally {
    const exited = new Promise((resolve) => launcher.once("exit", resolve));
    launcher.kill("SIGTERM");
    await exited;
  }
});

test("once the database is fixed, it serves again — on a Postgres server without a restart", async () => {
  // The embedded database takes one connection, which the running app holds: it is fixed with the
  // app stopped, and served by the next start.
  if (database.embedded) await app.stop();
  await database.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [record.id, record.checksum, record.finished_at, record.migration_name, record.started_at, record.applied_steps_count],
  );
  if (database.embedded) {
    app = await startTestApp({ databaseUrl: database.url, embedded: true });
  } else {
    const deadline = Date.now() + 45_000;
    while ((await fetch(`${app.url}/api/health`)).status !== 200) {
      assert.ok(Date.now() < deadline, `still not healthy:\n${app.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    assert.match(app.output(), /\[db\] the database schema is up to date: serving/);
    assert.equal(app.process.exitCode, null);
  }
  const res = await postWebhook(app, JSON.stringify(payloadFor({ id: "after-fix" }, "HANG_UP", "ended")));
  assert.equal(res.status, 200);
  // Only the delivery sent after the fix was stored: none of the refused one.
  const calls = await (await fetch(`${app.url}/api/calls?test=include`)).json();
  assert.deepEqual(calls.calls.map((c: { id: string }) => c.id), ["after-fix"]);
});
