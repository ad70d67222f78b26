// GET /api/events, as viewers on several instances meet it: a webhook received by one instance
// reaches streams on the others; a reconnect with Last-Event-ID gets exactly what it missed, from
// the instance's memory or from the event log; a reader that stops reading is dropped without
// holding the server's memory; heartbeats; a cap on streams; a revoked session ends its stream.
// Two instances need a Postgres server (DATABASE_URL); the embedded database is played at the end.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { lifecycleDeliveries, payloadFor, type CallSpec } from "../support/voxia-fixtures.ts";
import { SseClient } from "../support/sse-client.ts";
import { cookieOf } from "../support/users.ts";
import { startEmbeddedDb } from "../../tools/launch/start-embedded-db.ts";
import { migrateDatabase } from "../../lib/db/migrate.ts";
import { freePort } from "../support/free-port.ts";

const server = process.env.DATABASE_URL ? false : "needs a Postgres server: set DATABASE_URL (CI does)";
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

async function app(db: TestDatabase, env: Record<string, string> = {}): Promise<TestApp> {
  const started = await startTestApp({ databaseUrl: db.url, env });
  cleanups.push(() => started.stop());
  return started;
}

function spec(id: string, outcome: CallSpec["outcome"] = "INTERESTED"): CallSpec {
  return { id, outcome, campaign: { id: "cmp-live", name: "Live campaign" }, contact: { id: `ct-${id}`, name: `Person ${id}`, phoneNumber: "+15550100200" } };
}

async function post(target: TestApp, body: string) {
  const res = await postWebhook(target, body);
  assert.equal(res.status, 200, await res.text());
}

/** Appends `count` events straight to the log, as a burst of ingest batches would, and wakes every hub. */
async function burst(db: TestDatabase, count: number, padBytes = 0) {
  await db.query(
    `WITH e AS (INSERT INTO live_events (type, payload)
       SELECT 'call.updated', jsonb_build_object('callId', 'burst-' || n, 'campaignId', NULL, 'stage', 'CONNECTED', 'pad', repeat('x', $2))
       FROM generate_series(1, $1::int) AS n ORDER BY n RETURNING 1)
     SELECT count(*), pg_notify('callboard_live', '') FROM e`,
    [count, padBytes],
  );
}

describe("two instances on one database", { skip: server }, () => {
  let db: TestDatabase;
  let first: TestApp;
  let second: TestApp;
  before(async () => {
    db = await createTestDatabase("live_events");
    cleanups.push(() => db.drop());
    [first, second] = await Promise.all([app(db), app(db, { CALLBOARD_EVENTS_HEARTBEAT_SECONDS: "1" })]);
  });

  test("a webhook received by one instance reaches a stream on the other, once per stage, in order", async () => {
    const stream = await SseClient.open(`${second.url}/api/events`);
    cleanups.push(async () => stream.close());
    assert.equal(stream.response.status, 200);
    assert.match(stream.response.headers.get("content-type") ?? "", /^text\/event-stream/);
    assert.match(stream.response.headers.get("cache-control") ?? "", /no-transform/);
    await stream.waitUntil(() => stream.ready, "the stream to open");

    const [dialing, connected, hangUp, finished] = lifecycleDeliveries(spec("cross-1"));
    await post(first, dialing!.body);
    await stream.waitUntil(() => stream.ofCall("call.created", "cross-1").length === 1, "call.created from the other instance");
    const created = JSON.parse(stream.ofCall("call.created", "cross-1")[0]!.data) as Record<string, unknown>;
    assert.deepEqual(created, { callId: "cross-1", campaignId: "cmp-live", stage: "DIALING" });

    for (const d of [connected!, hangUp!, finished!]) await post(first, d.body);
    await stream.waitUntil(() => stream.ofCall("call.updated", "cross-1").length === 3, "three call.updated events");
    const stages = stream.ofCall("call.updated", "cross-1").map((e) => (JSON.parse(e.data) as { stage: string }).stage);
    assert.deepEqual(stages, ["CONNECTED", "HANG_UP", "POST_PROCESSING_FINISHED:INTERESTED"]);

    // A duplicate delivery changes nothing, so it announces nothing.
    await post(first, finished!.body);
    await post(first, dialing!.body);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(stream.ofCall("call.updated", "cross-1").length + stream.ofCall("call.created", "cross-1").length, 4);
    const ids = stream.events.map((e) => BigInt(e.id!));
    assert.deepEqual(ids, [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), "ids ascend");
  });

  test("a call that opens, and a later one that reopens, a follow-up item announces the item, as a person's change does", async () => {
    const stream = await SseClient.open(`${second.url}/api/events`);
    cleanups.push(async () => stream.close());
    await stream.waitUntil(() => stream.ready, "the stream to open");
    const contact = { id: "ct-callback", name: "Callback Person", phoneNumber: "+15550100300" };
    const items = () => stream.events.filter((e) => e.event === "follow_up.changed").map((e) => JSON.parse(e.data) as { followUpId: string; contactId: string; state: string });
    const call = (id: string, createdAt: string): CallSpec => ({ id, outcome: "CALL_ME_LATER", contact, createdAt, campaign: { id: "cmp-live", name: "Live campaign" } });

    for (const d of lifecycleDeliveries(call("callback-1", "2026-11-01T10:00:00.000Z"))) await post(first, d.body);
    await stream.waitUntil(() => items().length === 1, "the item opened by the call");
    const [opened] = items();
    assert.equal(opened!.contactId, contact.id);
    assert.equal(opened!.state, "open");

    const listed = (await (await fetch(`${first.url}/api/follow-ups?queue=callbacks&state=open`)).json()) as { followUps: { id: string; version: number }[] };
    const item = listed.followUps.find((f) => f.id === opened!.followUpId)!;
    const done = await fetch(`${first.url}/api/follow-ups/${item.id}`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ state: "done", outcome: "reached", version: item.version }),
    });
    assert.equal(done.status, 200, await done.text());
    await stream.waitUntil(() => items().length === 2, "the person's change");
    assert.deepEqual(items()[1], { followUpId: item.id, contactId: contact.id, state: "done" });

    // An older call of the same person changes nothing in the queue, so it announces no item.
    for (const d of lifecycleDeliveries(call("callback-0", "2026-10-01T10:00:00.000Z"))) await post(first, d.body);
    // A newer one takes the item out of the queue while it is under way (the latest call has not
    // asked for a callback yet: its first delivery), then reopens it.
    for (const d of lifecycleDeliveries(call("callback-2", "2026-11-02T10:00:00.000Z"))) await post(first, d.body);
    await stream.waitUntil(() => items().at(-1)?.state === "open" && items().length > 2, "the item reopened by the newer call");
    await stream.waitUntil(() => stream.ofCall("call.updated", "callback-2").length === 3, "the newer call's own events");
    assert.deepEqual(items().map((i) => i.state), ["open", "done", "done", "open"]);
    assert.ok(items().every((i) => i.followUpId === item.id && i.contactId === contact.id));
    stream.close();
  });

  test("heartbeats keep an idle stream open", async () => {
    const stream = await SseClient.open(`${second.url}/api/events`);
    cleanups.push(async () => stream.close());
    await stream.waitUntil(() => stream.comments.filter((c) => c === "heartbeat").length >= 2, "two heartbeats", 6000);
    stream.close();
  });

  test("a reconnect with Last-Event-ID gets exactly the events it missed, on either instance", async () => {
    const stream = await SseClient.open(`${first.url}/api/events`);
    await stream.waitUntil(() => stream.ready, "the stream to open");
    for (const d of lifecycleDeliveries(spec("resume-1"))) await post(second, d.body);
    await stream.waitUntil(() => stream.ofCall("call.updated", "resume-1").length === 3, "resume-1's stages");
    const lastSeen = stream.lastEventId!;
    stream.close();

    // While nobody listens: three more calls, through both instances.
    const missed = ["resume-2", "resume-3", "resume-4"];
    for (const [i, id] of missed.entries()) for (const d of lifecycleDeliveries(spec(id))) await post(i % 2 ? first : second, d.body);

    const resumed = await SseClient.open(`${second.url}/api/events`, { "last-event-id": lastSeen });
    cleanups.push(async () => resumed.close());
    await resumed.waitUntil(() => missed.every((id) => resumed.ofCall("call.updated", id).length === 3), "the missed calls' events");
    await new Promise((r) => setTimeout(r, 500));
    const got = resumed.events.map((e) => {
      const data = JSON.parse(e.data) as { callId?: string; state?: string };
      return e.event === "follow_up.changed" ? `${e.event}:${data.state}` : `${data.callId}:${e.event}`;
    });
    // Each call's outcome puts its contact in a follow-up queue: the item's event follows the call's.
    const expected = missed.flatMap((id) => [`${id}:call.created`, `${id}:call.updated`, `${id}:call.updated`, `${id}:call.updated`, "follow_up.changed:open"]);
    assert.deepEqual(got, expected, "nothing before Last-Event-ID, nothing twice, nothing missing, in order");
    assert.ok(resumed.events.every((e) => BigInt(e.id!) > BigInt(lastSeen)));

    // And it goes on live after the replay.
    await post(first, lifecycleDeliveries(spec("resume-5"))[0]!.body);
    await resumed.waitUntil(() => resumed.ofCall("call.created", "resume-5").length === 1, "a live event after the replay");
  });

  test("a stream resuming from further back than an instance keeps in memory is replayed from the log, in order", async () => {
    const live = await SseClient.open(`${first.url}/api/events`);
    cleanups.push(async () => live.close());
    await live.waitUntil(() => live.ready, "the stream to open");
    const before = (await db.query<{ id: string }>(`SELECT coalesce(max(id), 0)::text AS id FROM live_events`))[0]!.id;
    await burst(db, 5000);
    await live.waitUntil(() => live.events.filter((e) => e.event === "call.updated" && e.data.includes("burst-")).length === 5000, "the burst, live");

    const replayed = await SseClient.open(`${second.url}/api/events`, { "last-event-id": before });
    cleanups.push(async () => replayed.close());
    await replayed.waitUntil(() => replayed.events.length >= 5000, "the burst, replayed", 30_000);
    const callIds = replayed.events.slice(0, 5000).map((e) => (JSON.parse(e.data) as { callId: string }).callId);
    assert.deepEqual(callIds, Array.from({ length: 5000 }, (_, i) => `burst-${i + 1}`));
    assert.equal(new Set(replayed.events.map((e) => e.id)).size, replayed.events.length, "no event twice");
  });

  test("a Last-Event-ID from before what the log keeps tells the client to reload; a malformed one is a 400", async () => {
    await db.query(`UPDATE live_events SET created_at = now() - interval '25 hours' WHERE id <= (SELECT min(id) + 10 FROM live_events)`);
    await db.query(`DELETE FROM live_events WHERE created_at < now() - interval '24 hours'`);
    const stale = await SseClient.open(`${second.url}/api/events`, { "last-event-id": "1" });
    cleanups.push(async () => stale.close());
    await stale.waitUntil(() => stale.events.some((e) => e.event === "reset"), "a reset event");

    const bad = await fetch(`${second.url}/api/events`, { headers: { "last-event-id": "yesterday" } });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: { message: string } }).error.message, /Last-Event-ID/);
  });
});

describe("a reader that stops reading", { skip: server }, () => {
  test("is dropped once it is a backlog behind, while a reader that reads gets every event once, in order", async () => {
    const db = await createTestDatabase("live_stalled");
    cleanups.push(() => db.drop());
    const target = await app(db, { CALLBOARD_EVENT_STREAM_BACKLOG_BYTES: String(256 * 1024) });

    // A raw connection that sends its request and never reads a byte of the answer.
    const stalled = net.connect(target.port, "127.0.0.1");
    await new Promise<void>((resolve) => stalled.once("connect", () => resolve()));
    stalled.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`);
    stalled.pause();
    cleanups.push(async () => void stalled.destroy());

    let reader = await SseClient.open(`${target.url}/api/events`);
    cleanups.push(async () => reader.close());
    await reader.waitUntil(() => reader.ready, "the reader's stream to be ready");
    await new Promise((r) => setTimeout(r, 300));

    // 40 MB of events: far more than the socket buffers between the server and the stalled reader.
    for (let i = 0; i < 8; i++) await burst(db, 5000, 1000);
    // A reader that reads gets all of them, once each and in order — resuming with Last-Event-ID, as
    // a browser does, should a loaded machine make it fall behind and be dropped too.
    const got: string[] = [];
    const deadline = Date.now() + 90_000;
    for (;;) {
      await reader.waitUntil(() => reader.ended || got.length + reader.events.length >= 40_000, "all 40,000 events", Math.max(1, deadline - Date.now()));
      got.push(...reader.events.map((e) => (JSON.parse(e.data) as { callId: string }).callId));
      if (got.length >= 40_000) break;
      reader = await SseClient.open(`${target.url}/api/events`, { "last-event-id": reader.lastEventId! });
    }
    const expected = Array.from({ length: 8 }, () => Array.from({ length: 5000 }, (_, i) => `burst-${i + 1}`)).flat();
    assert.deepEqual(got, expected, "every event once, in order");

    const dropDeadline = Date.now() + 10_000;
    while (!target.output().includes("dropped an event stream") && Date.now() < dropDeadline) await new Promise((r) => setTimeout(r, 200));
    assert.match(target.output(), /dropped an event stream: its reader fell more than 256 KiB behind/);
  });
});

describe("limits and sign-in", { skip: server }, () => {
  test("an instance keeps at most CALLBOARD_MAX_EVENT_STREAMS streams; the next is told to retry", async () => {
    const db = await createTestDatabase("live_cap");
    cleanups.push(() => db.drop());
    const target = await app(db, { CALLBOARD_MAX_EVENT_STREAMS: "2" });
    const a = await SseClient.open(`${target.url}/api/events`);
    const b = await SseClient.open(`${target.url}/api/events`);
    cleanups.push(async () => (a.close(), b.close()));
    const refused = await fetch(`${target.url}/api/events`);
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get("retry-after"), "10");
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, "server_busy");
    a.close();
    const deadline = Date.now() + 5000;
    let again: SseClient | null = null;
    while (Date.now() < deadline) {
      again = await SseClient.open(`${target.url}/api/events`);
      if (again.response.status === 200) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(again?.response.status, 200, "a closed stream frees its place");
    again?.close();
  });

  test("a stream needs a session, and signing out ends it", async () => {
    const db = await createTestDatabase("live_auth");
    cleanups.push(() => db.drop());
    const target = await app(db, { DASHBOARD_PASSWORD: "pw-live-events", CALLBOARD_EVENTS_HEARTBEAT_SECONDS: "1" });
    assert.equal((await fetch(`${target.url}/api/events`)).status, 401);
    const signIn = await fetch(`${target.url}/api/auth/sign-in`, {
      method: "POST",
      body: new URLSearchParams({ password: "pw-live-events" }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    const cookie = cookieOf(signIn);
    const stream = await SseClient.open(`${target.url}/api/events`, { cookie });
    cleanups.push(async () => stream.close());
    assert.equal(stream.response.status, 200);
    await post(target, JSON.stringify(payloadFor(spec("auth-1"), "DIALING", "early")));
    await stream.waitUntil(() => stream.ofCall("call.created", "auth-1").length === 1, "the signed-in stream's event");
    const out = await fetch(`${target.url}/api/auth/sign-out`, { method: "POST", headers: { cookie }, redirect: "manual" });
    assert.ok(out.status < 400, `sign-out: ${out.status}`);
    // The stream checks its session every fourth heartbeat.
    const deadline = Date.now() + 10_000;
    while (!stream.ended && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.equal(stream.ended, true, "the stream ended after sign-out");
  });
});

test("stopping an instance (SIGTERM) ends its streams at once instead of waiting for them", { skip: server }, async () => {
  const db = await createTestDatabase("live_stop");
  cleanups.push(() => db.drop());
  const target = await startTestApp({ databaseUrl: db.url });
  const stream = await SseClient.open(`${target.url}/api/events`);
  await stream.waitUntil(() => stream.ready, "the stream to be ready");
  const started = Date.now();
  await target.stop();
  assert.ok(Date.now() - started < 5000, `stopped in ${Date.now() - started} ms:\n${target.output().slice(-1500)}`);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(stream.ended, true, "the stream ended");
});

test("on the embedded database, a stream hears the app's own commits", async () => {
  const embedded = await startEmbeddedDb({ port: await freePort(), memory: true });
  cleanups.push(() => embedded.stop());
  await migrateDatabase(embedded.url);
  const target = await startTestApp({ databaseUrl: embedded.url, embedded: true });
  cleanups.push(() => target.stop());
  const stream = await SseClient.open(`${target.url}/api/events`);
  cleanups.push(async () => stream.close());
  await stream.waitUntil(() => stream.ready, "the stream to open");
  const started = Date.now();
  await post(target, JSON.stringify(payloadFor(spec("embedded-1"), "DIALING", "early")));
  await stream.waitUntil(() => stream.ofCall("call.created", "embedded-1").length === 1, "the event on the embedded database");
  assert.ok(Date.now() - started < 900, `announced at once, not at the next poll (${Date.now() - started} ms)`);
});
