// Two stateless app instances on different ports share one Postgres, as behind a load balancer.
// Both receive every delivery, in opposite orders, at the same time. The database must end up
// exactly as a single instance receiving each delivery once, in order, leaves it.
// Needs a Postgres server (DATABASE_URL): the embedded database serves one connection, one process.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { callSpecs, interleavedDeliveries, sendDeliveries, type Delivery } from "../support/delivery-stream.ts";

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

async function database(label: string): Promise<TestDatabase> {
  const db = await createTestDatabase(label);
  cleanups.push(() => db.drop());
  return db;
}
async function app(db: TestDatabase): Promise<TestApp> {
  const started = await startTestApp({ databaseUrl: db.url });
  cleanups.push(() => started.stop());
  return started;
}

/** Everything the app derives from deliveries, minus the wall-clock times they were received. */
async function snapshot(db: TestDatabase) {
  const [calls, answers, events, contacts, campaigns, deliveries] = await Promise.all([
    db.query(`SELECT to_jsonb(c) - 'first_received_at' - 'last_received_at' #- '{merge_state,firstReceivedAt}' #- '{merge_state,lastReceivedAt}' AS row
              FROM calls c ORDER BY id`),
    db.query(`SELECT to_jsonb(a) AS row FROM call_answers a ORDER BY call_id, label`),
    db.query(`SELECT to_jsonb(e) AS row FROM call_events e ORDER BY call_id, position`),
    db.query(`SELECT to_jsonb(c) AS row FROM contacts c ORDER BY id`),
    db.query(`SELECT to_jsonb(c) AS row FROM campaigns c ORDER BY id`),
    db.query(`SELECT sha256 FROM deliveries ORDER BY sha256`),
  ]);
  return { calls, answers, events, contacts, campaigns, deliveries };
}

test(
  "two instances receiving the same deliveries in different orders at once: one row per call, same as one instance",
  { skip: process.env.DATABASE_URL ? false : "needs a Postgres server: set DATABASE_URL (CI does)" },
  async () => {
    const specs = callSpecs(40, "pair");
    const deliveries = interleavedDeliveries(specs);
    const shuffled = seededShuffle(deliveries, 42);

    const shared = await database("two_instances");
    const [first, second] = await Promise.all([app(shared), app(shared)]);
    assert.notEqual(first.port, second.port);
    const [a, b] = await Promise.all([
      sendDeliveries(() => first.url, deliveries, { concurrency: 4 }),
      sendDeliveries(() => second.url, [...shuffled].reverse(), { concurrency: 4 }),
    ]);
    assert.equal(a.failed.length + b.failed.length, 0, `refused: ${[...a.statuses]} / ${[...b.statuses]}`);
    assert.equal(a.acknowledged.length + b.acknowledged.length, deliveries.length * 2);

    const reference = await database("one_instance");
    const single = await app(reference);
    const one = await sendDeliveries(() => single.url, deliveries, { concurrency: 1 });
    assert.equal(one.failed.length, 0);

    const got = await snapshot(shared);
    const expected = await snapshot(reference);
    assert.equal(got.calls.length, specs.length, "one row per call");
    assert.equal(got.deliveries.length, deliveries.length, "each delivery stored once");
    assert.deepEqual(got, expected);
  },
);

function seededShuffle(items: Delivery[], seed: number): Delivery[] {
  const out = [...items];
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
