// The app is killed with SIGKILL in the middle of a stream of deliveries and started again; the
// sender retries what was not acknowledged. Every delivery answered 2xx before the kill is stored,
// and the calls end up exactly as if nothing had happened.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { callSpecs, interleavedDeliveries, sendDeliveries } from "../support/delivery-stream.ts";

let database: TestDatabase;
let app: TestApp | undefined;
before(async () => {
  database = await createTestDatabase("crash");
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

test("SIGKILL mid-stream loses no acknowledged delivery, and retries complete every call", async () => {
  const specs = callSpecs(60, "crash");
  const deliveries = interleavedDeliveries(specs);
  const killAt = Math.floor(deliveries.length / 3);

  const first = await startTestApp({ databaseUrl: database.url, embedded: database.embedded });
  app = first;
  let killing: Promise<void> | undefined;
  const beforeKill = await sendDeliveries(() => first.url, deliveries, {
    concurrency: 8,
    onAcknowledged: (count) => {
      if (count === killAt) killing = first.kill("SIGKILL");
    },
  });
  await killing;
  assert.ok(killing, "the app was killed during the stream");
  assert.ok(beforeKill.acknowledged.length >= killAt, "deliveries were acknowledged before the kill");
  assert.ok(beforeKill.failed.length > 0, "the kill interrupted the stream (some deliveries were not answered)");
  assert.deepEqual([...beforeKill.statuses.keys()].filter((status) => status !== 200 && status !== 0), [], "only 200s and dropped connections");

  // Everything acknowledged before the kill is in the database, before any retry.
  const storedAfterKill = new Set((await database.query<{ sha256: string }>(`SELECT sha256 FROM deliveries`)).map((row) => row.sha256));
  const lost = beforeKill.acknowledged.filter((delivery) => !storedAfterKill.has(delivery.sha256));
  assert.deepEqual(lost.map((d) => `${d.callId} ${d.event}`), [], "acknowledged deliveries missing after SIGKILL");

  const second = await startTestApp({ databaseUrl: database.url, embedded: database.embedded });
  app = second;
  const retried = await sendDeliveries(() => second.url, beforeKill.failed, { concurrency: 8 });
  assert.equal(retried.failed.length, 0, `retries refused: ${[...retried.statuses]}`);
  // The embedded database takes one connection at a time: let the app go before looking.
  await second.stop();
  app = undefined;

  const stored = await database.query<{ sha256: string }>(`SELECT sha256 FROM deliveries`);
  assert.equal(stored.length, deliveries.length, "each delivery stored exactly once");
  const calls = await database.query<{ id: string; status: string; delivery_count: number }>(`SELECT id, status, delivery_count FROM calls ORDER BY id`);
  assert.equal(calls.length, specs.length);
  for (const spec of specs) {
    const call = calls.find((row) => row.id === spec.id);
    assert.equal(call?.status, spec.outcome ?? spec.notConnected, spec.id);
    assert.equal(call?.delivery_count, spec.notConnected ? 2 : 4, spec.id);
  }
});
