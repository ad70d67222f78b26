// Promise: while the database is down the webhook answers 503 quickly and stores nothing; when the
// database comes back the same app process recovers on its own, and every delivery it acknowledged
// is stored. Played for real: an embedded database process with a data directory is stopped and
// started again on the same port and directory under a running app.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { migrateDatabase } from "../../lib/db/migrate.ts";
import { startEmbeddedDb, type EmbeddedDb } from "../../tools/launch/start-embedded-db.ts";
import { freePort } from "../support/free-port.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { payloadFor } from "../support/voxia-fixtures.ts";

/** An answer slower than this counts as a hang. */
const ANSWER_DEADLINE_MS = 10_000;

let dataDir: string;
let port: number;
let database: EmbeddedDb;
let app: TestApp;
const acknowledged = new Set<string>();
const refused: string[] = [];

before(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "callboard-db-down-"));
  port = await freePort();
  database = await startEmbeddedDb({ port, dataDir });
  await migrateDatabase(database.url);
  app = await startTestApp({ databaseUrl: database.url, embedded: true });
});
after(async () => {
  await app?.kill().catch(() => {});
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const body = (id: string, event = "HANG_UP") => JSON.stringify(payloadFor({ id }, event, "ended"));

async function deliver(payload: string) {
  const res = await postWebhook(app, payload, {}).catch((error) => ({ status: -1, json: async () => ({ error: String(error) }) }));
  return { status: res.status, json: await res.json() };
}

async function deliverWithin(payload: string) {
  const started = Date.now();
  const result = await Promise.race([
    deliver(payload),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ANSWER_DEADLINE_MS} ms`)), ANSWER_DEADLINE_MS)),
  ]);
  return { ...result, ms: Date.now() - started };
}

test("deliveries are stored while the database is up", async () => {
  for (let i = 0; i < 5; i++) {
    const payload = body(`before-${i}`);
    const { status } = await deliver(payload);
    assert.equal(status, 200);
    acknowledged.add(payload);
  }
});

test("with the database process stopped: 503 database_unavailable, answered promptly, app still up", async () => {
  await database.stop();
  for (let i = 0; i < 5; i++) {
    const payload = body(`during-${i}`);
    const { status, json } = await deliverWithin(payload);
    assert.equal(status, 503, JSON.stringify(json));
    assert.equal(json.error.code, "database_unavailable");
    assert.equal(json.error.retryable, true);
    refused.push(payload);
  }
  // Concurrent deliveries during the outage, too: every one answered, none hangs.
  const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => deliverWithin(body(`during-burst-${i}`))));
  assert.deepEqual([...new Set(burst.map((r) => r.status))], [503]);
  const health = await fetch(`${app.url}/api/health`);
  assert.equal(health.status, 503);
  assert.equal((await health.json()).database.status, "down");
  assert.equal(app.process.exitCode, null, "the app is still running");
});

test("after the database starts again on the same port and data, the same app process accepts deliveries", async () => {
  database = await startEmbeddedDb({ port, dataDir });
  for (let i = 0; i < 5; i++) {
    const payload = body(`after-${i}`);
    const { status, json } = await deliverWithin(payload);
    assert.equal(status, 200, JSON.stringify(json));
    acknowledged.add(payload);
  }
  // What was refused during the outage can simply be sent again: none of it was half-stored.
  for (const payload of refused) {
    const { status, json } = await deliverWithin(payload);
    assert.equal(status, 200, JSON.stringify(json));
    assert.equal(json.duplicate, false);
    acknowledged.add(payload);
  }
  assert.equal((await fetch(`${app.url}/api/health`)).status, 200);
});

test("the database holds every acknowledged delivery and nothing from the outage's burst", async () => {
  await app.kill();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ body: Buffer }>("SELECT body FROM deliveries");
    assert.deepEqual(new Set(rows.map((r) => r.body.toString("utf8"))), acknowledged);
    const calls = await client.query<{ id: string }>("SELECT id FROM calls WHERE id LIKE 'during-burst-%'");
    assert.equal(calls.rows.length, 0);
    const { rows: [count] } = await client.query<{ n: string }>("SELECT count(*) AS n FROM calls");
    assert.equal(Number(count?.n), acknowledged.size);
  } finally {
    await client.end();
  }
});
