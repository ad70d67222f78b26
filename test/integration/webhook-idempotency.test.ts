// Promises: a 2xx means the raw body and the merged call are committed (durable ack), and the same
// body delivered any number of times — also 50 at once — leaves one delivery row and one call row,
// and is never answered with a 5xx.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { lifecycleDeliveries, payloadFor } from "../support/voxia-fixtures.ts";

let database: TestDatabase;
let app: TestApp;
/** Every delivery the app acknowledged with a 2xx, by call id. */
const acknowledged = new Map<string, Set<string>>();

before(async () => {
  database = await createTestDatabase("idempotency");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded });
});
after(async () => {
  await app?.kill().catch(() => {});
  await database?.drop();
});

async function deliver(body: string) {
  const res = await postWebhook(app, body);
  const json = await res.json();
  if (res.ok) {
    const id = JSON.parse(body).id as string;
    acknowledged.set(id, (acknowledged.get(id) ?? new Set()).add(body));
  }
  return { status: res.status, json };
}

// First, while the app is still cold: this burst used to be answered mostly with 503s, because waiting
// for a busy connection pool hit the 5 s limit meant for an unreachable database.
test("a burst right after start-up — 50 calls' whole lifecycles at once, each sent twice — is all accepted", async () => {
  const bodies = Array.from({ length: 50 }, (_, i) => lifecycleDeliveries({ id: `burst-${i}`, outcome: "CALL_ME_LATER" }))
    .flat()
    .map((d) => d.body);
  const results = await Promise.all([...bodies, ...bodies].map((body) => deliver(body)));
  assert.deepEqual(results.filter((r) => r.status !== 200), []);
});

test("a delivery is answered {ok, callId, duplicate:false}, a repeat of it duplicate:true", async () => {
  const body = JSON.stringify(payloadFor({ id: "repeated" }, "HANG_UP", "ended"));
  assert.deepEqual(await deliver(body), { status: 200, json: { ok: true, callId: "repeated", duplicate: false } });
  for (let i = 0; i < 4; i++) {
    assert.deepEqual(await deliver(body), { status: 200, json: { ok: true, callId: "repeated", duplicate: true } });
  }
});

test("the same body 50 times at once: all 200, exactly one of them new", async () => {
  const body = JSON.stringify(payloadFor({ id: "stampede", outcome: "INTERESTED" }, "POST_PROCESSING_FINISHED:INTERESTED", "final"));
  const results = await Promise.all(Array.from({ length: 50 }, () => deliver(body)));
  assert.deepEqual(results.map((r) => r.status), Array(50).fill(200));
  assert.equal(results.filter((r) => r.json.duplicate === false).length, 1);
});

test("50 different deliveries of one call at once: all 200, all kept", async () => {
  const bodies = Array.from({ length: 50 }, (_, i) =>
    JSON.stringify({ ...payloadFor({ id: "crowd" }, i % 2 ? "CONNECTED" : "HANG_UP", i % 2 ? "early" : "ended"), sessionId: `s-${i}` }),
  );
  const results = await Promise.all(bodies.map((body) => deliver(body)));
  assert.deepEqual(results.map((r) => r.status), Array(50).fill(200));
  assert.ok(results.every((r) => r.json.duplicate === false));
});

test("everything acknowledged is in the database after the app is killed (kill -9)", async () => {
  await app.kill("SIGKILL");
  const deliveries = await database.query<{ call_id: string; body: Buffer }>("SELECT call_id, body FROM deliveries");
  const stored = new Map<string, Set<string>>();
  for (const d of deliveries) stored.set(d.call_id, (stored.get(d.call_id) ?? new Set()).add(d.body.toString("utf8")));
  assert.equal(deliveries.length, [...acknowledged.values()].reduce((n, set) => n + set.size, 0), "one row per distinct body");
  assert.deepEqual(stored, acknowledged);

  const calls = await database.query<{ id: string; delivery_count: number; session_id: string; status: string; call_status: string }>(
    "SELECT id, delivery_count, session_id, status, call_status FROM calls ORDER BY id",
  );
  assert.equal(calls.length, acknowledged.size, "one call row per call");
  for (const call of calls) assert.equal(call.delivery_count, acknowledged.get(call.id)!.size, `${call.id}: delivery_count`);
  const byId = new Map(calls.map((c) => [c.id, c]));
  assert.equal(byId.get("stampede")?.status, "INTERESTED");
  // The crowd's state is the merge of all 50: HANG_UP (a later stage than CONNECTED) wins.
  assert.equal(byId.get("crowd")?.call_status, "COMPLETED");
  for (let i = 0; i < 50; i++) assert.equal(byId.get(`burst-${i}`)?.status, "CALL_ME_LATER");
});
