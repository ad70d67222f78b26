// Promise: `npm run reprocess` rebuilds calls, answers, events, campaigns and contacts from the raw
// delivery log alone, giving rows identical to what live ingestion wrote — so nothing lives only in
// the derived tables, and a parser fix can be applied to every call ever received.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { readCallTables, type CallTables } from "../support/call-tables.ts";
import { lifecycleDeliveries, PUBLISHED_EXAMPLE_BYTES } from "../support/voxia-fixtures.ts";

let database: TestDatabase;
let app: TestApp;
let live: CallTables;

before(async () => {
  database = await createTestDatabase("reprocess");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded });
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

async function reprocess(...args: string[]) {
  const result = await runReprocess(...args);
  assert.equal(result.status, 0, `reprocess failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

async function runReprocess(...args: string[]) {
  // The embedded database takes one connection and frees it a moment after a client closes it: let
  // the test's last query's connection go before the rebuild connects.
  if (database.embedded) await new Promise((resolve) => setTimeout(resolve, 300));
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/reprocess.ts", ...args], {
    env: { ...process.env, DATABASE_URL: database.url, ...(database.embedded ? { CALLBOARD_EMBEDDED_DB: "1" } : {}) },
    encoding: "utf8",
    timeout: 120_000,
  });
}

test("a varied history is ingested over HTTP", async () => {
  const bodies: string[] = [PUBLISHED_EXAMPLE_BYTES.toString("utf8")];
  const outcomes = ["INTERESTED", "NOT_INTERESTED", "CALL_ME_LATER", "WRONG_NUMBER", "DO_NOT_CALL"] as const;
  for (let i = 0; i < 15; i++) {
    const deliveries = lifecycleDeliveries({
      id: `call-${String(i).padStart(2, "0")}`,
      createdAt: new Date(Date.UTC(2024, 2, 1 + i, 9, i)).toISOString(),
      // Campaigns renamed over time: the newest call's name must win however the rebuild orders calls.
      campaign: { id: `camp-${i % 3}`, name: `Campaign ${i % 3} (v${Math.floor(i / 3)})` },
      contact: { id: `contact-${i % 7}`, name: `Contact ${i % 7} v${i}`, phoneNumber: `+1555000${i % 7}`, data: { seen: i } },
      outcome: outcomes[i % outcomes.length],
      notConnected: i % 10 === 9 ? "NO_ANSWER" : undefined,
      isTestCall: i % 8 === 0,
    });
    // Arrival order varies by call: reversed for some, rotated for others.
    const order = i % 2 ? [...deliveries].reverse() : [...deliveries.slice(i % deliveries.length), ...deliveries.slice(0, i % deliveries.length)];
    bodies.push(...order.map((d) => d.body));
  }
  bodies.push(
    JSON.stringify({
      id: "older-format",
      status: "COMPLETED",
      contact: { name: "Old", phoneNumber: "+15550009999" },
      variables: { name: "Old" },
      summary: { Budget: "Yes" },
      mystery: { kept: true },
    }),
    JSON.stringify({ id: "no-date", status: "IN_PROGRESS" }),
  );
  for (const body of bodies) assert.equal((await postWebhook(app, body)).status, 200);
  // Some twice, as a retrying sender would.
  for (const body of bodies.slice(0, 10)) assert.equal((await postWebhook(app, body)).status, 200);
});

test("a rebuild from scratch gives identical contents of every derived table", async () => {
  await app.stop(); // --from-scratch is for a stopped app (and the embedded database takes one connection).
  live = await readCallTables(database);
  assert.equal(live.calls.length, 18);
  assert.ok(live.call_answers.length > 0 && live.call_events.length > 0 && live.campaigns.length === 4 && live.contacts.length === 9);

  const output = await reprocess("--from-scratch");
  assert.match(output, /rebuilt 18 calls from \d+ deliveries/);
  assert.deepEqual(await readCallTables(database), live);
});

test("a rebuild repairs derived rows that were damaged or lost", async () => {
  await database.query(`
    DELETE FROM calls WHERE id IN ('call-03', 'older-format');
    UPDATE calls SET status = 'WRONG', transcript = NULL WHERE id = 'call-04';
    DELETE FROM call_answers WHERE call_id = 'call-05';
    UPDATE campaigns SET name = 'stale';`);
  await reprocess();
  assert.deepEqual(await readCallTables(database), live);
});

test("a stored body that no longer parses is named, fails the rebuild, and its call's rows are kept", async () => {
  // As a parser regression would leave it: a stored delivery of call-04 the parser cannot read.
  const [row] = await database.query<{ id: string }>(
    `INSERT INTO deliveries (call_id, sha256, body, webhook_event, received_at)
     VALUES ('call-04', repeat('f', 64), convert_to('{"id":"call-04","contact":{"phoneNumber":"+15559990000"', 'UTF8'), 'HANG_UP', now())
     RETURNING id::text AS id`,
  );
  const named = new RegExp(`call "call-04" delivery ${row!.id}: invalid_json at line 1`);

  const scratch = await runReprocess("--from-scratch");
  assert.equal(scratch.status, 1, scratch.stdout + scratch.stderr);
  assert.match(scratch.stderr, /1 stored delivery of 1 call\(s\) no longer parse; nothing was deleted/);
  assert.match(scratch.stderr, named);
  assert.doesNotMatch(scratch.stdout + scratch.stderr, /15559990000/, "the body's text is not printed");
  assert.deepEqual(await readCallTables(database), live, "nothing was deleted");

  // Without --from-scratch every other call is still rebuilt (here: repaired); call-04 is left alone.
  await database.query(`UPDATE calls SET status = 'WRONG' WHERE id IN ('call-04', 'call-05')`);
  const batch = await runReprocess();
  assert.equal(batch.status, 1, batch.stdout + batch.stderr);
  assert.match(batch.stderr, /those calls were left as they were/);
  assert.match(batch.stderr, named);
  assert.match(batch.stdout, /rebuilt 17 of 18 calls/);
  const tables = await readCallTables(database);
  assert.equal(tables.calls.find((c) => c.id === "call-04")?.status, "WRONG", "call-04's rows are not rewritten without its delivery");
  assert.deepEqual(
    { ...tables, calls: tables.calls.filter((c) => c.id !== "call-04") },
    { ...live, calls: live.calls.filter((c) => c.id !== "call-04") },
  );
  await database.query(`DELETE FROM deliveries WHERE id = $1`, [row!.id]);
  await reprocess();
  assert.deepEqual(await readCallTables(database), live);
});

test("a stored body that now reads as another call id is named and its call kept, not written as a second call", async () => {
  // As data stored before the exact-numbers fix looks: the body's id read then as 67212411941217526000.
  const [row] = await database.query<{ id: string }>(
    `INSERT INTO deliveries (call_id, sha256, body, webhook_event, received_at)
     VALUES ('call-05', repeat('e', 64), convert_to('{"id":"call-05-now","webhookEvent":"HANG_UP"}', 'UTF8'), 'HANG_UP', now())
     RETURNING id::text AS id`,
  );
  const batch = await runReprocess();
  assert.equal(batch.status, 1, batch.stdout + batch.stderr);
  assert.match(batch.stderr, new RegExp(`call "call-05" delivery ${row!.id}: its body now reads as call id "call-05-now"`));
  const tables = await readCallTables(database);
  assert.equal(tables.calls.some((c) => c.id === "call-05-now"), false, "no second call is written");
  assert.deepEqual(tables, live, "call-05 keeps its rows");
  await database.query(`DELETE FROM deliveries WHERE id = $1`, [row!.id]);
  await reprocess();
  assert.deepEqual(await readCallTables(database), live);
});
