// Promise: on the embedded database (the default a new user meets), a request whose SQL fails costs
// only that request — the next one, arriving at once on the one shared connection, succeeds. Always
// played on the embedded database (PGlite behind its socket), whatever DATABASE_URL says.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { migrateDatabase } from "../../lib/db/migrate.ts";
import { startEmbeddedDb, type EmbeddedDb } from "../../tools/launch/start-embedded-db.ts";
import { freePort } from "../support/free-port.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { payloadFor } from "../support/voxia-fixtures.ts";

let database: EmbeddedDb;
let app: TestApp;

before(async () => {
  database = await startEmbeddedDb({ port: await freePort(), memory: true });
  await migrateDatabase(database.url);
  app = await startTestApp({ databaseUrl: database.url, embedded: true });
  assert.equal((await postWebhook(app, JSON.stringify(payloadFor({ id: "kept" }, "HANG_UP", "ended")))).status, 200);
});
after(async () => {
  await app?.stop();
  await database?.stop();
});

// A NUL character cannot be held by a Postgres text value: the query reaches the database and fails there.
const FAILING_SQL = ["/api/calls?q=%00", "/api/calls/a%00b", "/api/stats?q=%00"];

async function normalRequestsSucceed(label: string) {
  const list = await fetch(`${app.url}/api/calls`);
  assert.equal(list.status, 200, `${label}: ${await list.clone().text()}`);
  assert.ok((await list.json()).calls.some((c: { id: string }) => c.id === "kept"));
  const one = await fetch(`${app.url}/api/calls/kept`);
  assert.equal(one.status, 200, label);
  const stored = await postWebhook(app, JSON.stringify(payloadFor({ id: `after-${label}` }, "HANG_UP", "ended")));
  assert.equal(stored.status, 200, `${label}: ${await stored.clone().text()}`);
  assert.equal((await fetch(`${app.url}/api/health`)).status, 200, label);
}

for (const path of FAILING_SQL) {
  test(`after ${path} fails in SQL, the requests queued behind it and the next ones succeed`, async () => {
    // Failing and normal requests interleaved, so normal ones wait for the one connection and get
    // it right after a failed query (before the fix, some of them failed with "Connection terminated").
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => fetch(`${app.url}${i % 2 ? "/api/calls/kept" : path}`).then(async (r) => ({ normal: i % 2 === 1, status: r.status, body: await r.text() }))),
    );
    for (const a of answers.filter((a) => !a.normal)) assert.ok(a.status >= 400, `${path} answered ${a.status}`);
    assert.deepEqual(answers.filter((a) => a.normal).map((a) => a.status), [200, 200, 200, 200, 200, 200], JSON.stringify(answers));
    assert.match(app.output(), /invalid byte sequence|0x00/, "the failure happened in SQL");
    await normalRequestsSucceed(path);
    assert.doesNotMatch(app.output(), /Connection terminated|ECONNRESET|Too many connections/);
  });
}
