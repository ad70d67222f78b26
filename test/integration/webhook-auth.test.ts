// Promise: with WEBHOOK_SECRET set, a delivery must carry it as ?token= or Authorization: Bearer;
// anything else is 401 with nothing stored, and the token never appears in the app's output.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { payloadFor } from "../support/voxia-fixtures.ts";

const SECRET = "whs_7Kq2VxLm9PzR4tNc";
let database: TestDatabase;
let app: TestApp;

before(async () => {
  database = await createTestDatabase("auth");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded, env: { WEBHOOK_SECRET: SECRET } });
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

const body = (id: string) => JSON.stringify(payloadFor({ id }, "HANG_UP", "ended"));

const REFUSED: { name: string; query?: string; headers?: Record<string, string> }[] = [
  { name: "no token at all" },
  { name: "a wrong ?token=", query: "?token=whs_wrong" },
  { name: "an empty ?token=", query: "?token=" },
  { name: "the secret's prefix", query: `?token=${SECRET.slice(0, -1)}` },
  { name: "the secret plus more", query: `?token=${SECRET}x` },
  { name: "a different letter case", query: `?token=${SECRET.toUpperCase()}` },
  { name: "a wrong bearer token", headers: { authorization: "Bearer whs_wrong" } },
  { name: "the secret without the Bearer scheme", headers: { authorization: SECRET } },
  { name: "the secret as Basic credentials", headers: { authorization: `Basic ${SECRET}` } },
];

for (const [index, refused] of REFUSED.entries()) {
  test(`401 for ${refused.name}`, async () => {
    const res = await postWebhook(app, body(`refused-${index}`), { query: refused.query, headers: refused.headers });
    assert.equal(res.status, 401);
    const json = await res.json();
    assert.equal(json.error.code, "unauthorized");
    assert.match(json.error.message, /token/);
  });
}

test("the secret is accepted as ?token=", async () => {
  const res = await postWebhook(app, body("by-query"), { query: `?token=${encodeURIComponent(SECRET)}` });
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { ok: true, callId: "by-query", duplicate: false });
});

test("the secret is accepted as Authorization: Bearer", async () => {
  const res = await postWebhook(app, body("by-header"), { headers: { authorization: `Bearer ${SECRET}` } });
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { ok: true, callId: "by-header", duplicate: false });
});

test("refused deliveries stored nothing; each refusal is counted", async () => {
  await app.stop();
  const deliveries = await database.query<{ call_id: string }>("SELECT call_id FROM deliveries ORDER BY call_id");
  assert.deepEqual(deliveries.map((d) => d.call_id), ["by-header", "by-query"]);
  const calls = await database.query<{ id: string }>("SELECT id FROM calls ORDER BY id");
  assert.deepEqual(calls.map((c) => c.id), ["by-header", "by-query"]);
  const [count] = await database.query<{ count: string }>("SELECT count FROM rejection_counts WHERE code = 'unauthorized'");
  assert.equal(Number(count?.count), REFUSED.length);
  const rejected = await database.query("SELECT http_status, body_excerpt FROM rejected_requests");
  assert.equal(rejected.length, REFUSED.length);
  assert.ok(rejected.every((r) => r.http_status === 401 && r.body_excerpt === null), "a refused body is not kept");
});

test("neither the secret nor a presented token appears in the app's output", () => {
  const output = app.output();
  assert.ok(output.includes("[webhook] refused 401"), "the refusals were logged");
  for (const token of [SECRET, "whs_wrong", SECRET.toUpperCase(), SECRET.slice(0, 12)]) {
    assert.ok(!output.includes(token), `the output contains ${token.slice(0, 4)}…`);
  }
});
