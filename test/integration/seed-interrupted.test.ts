// A seed that fails part-way leaves the database as it was: no calls, no deliveries, and the indexes
// and foreign keys it drops for the bulk load are all back. A database that already holds calls is
// refused unless the seed is asked to reset it.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { seedCalls, type SeedOptions } from "../../tools/seed/seed-calls.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;

before(async () => {
  database = await createTestDatabase("seed_interrupted");
});
after(async () => {
  await database?.drop();
});

const OPTIONS: SeedOptions = { calls: 600, seed: "test", until: new Date("2026-11-25T12:00:00Z"), days: 30, batchSize: 100, reset: false };

async function schemaAndCounts() {
  const [objects] = await database.query<{ indexes: string; constraints: string }>(`
    SELECT (SELECT string_agg(indexdef, E'\\n' ORDER BY indexname) FROM pg_indexes WHERE schemaname = current_schema()) AS indexes,
           (SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), E'\\n' ORDER BY conname)
              FROM pg_constraint WHERE connamespace = current_schema()::regnamespace) AS constraints`);
  const [counts] = await database.query<{ calls: string; deliveries: string; contacts: string; rollups: string; dailyRollups: string }>(`
    SELECT (SELECT count(*) FROM calls)::text AS calls, (SELECT count(*) FROM deliveries)::text AS deliveries,
           (SELECT count(*) FROM contacts)::text AS contacts, (SELECT count(*) FROM call_rollups)::text AS rollups,
           (SELECT count(*) FROM call_rollups_daily)::text AS "dailyRollups"`);
  return { ...objects!, ...counts! };
}

async function seed(options: SeedOptions) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return await seedCalls(client, options);
  } finally {
    await client.end();
  }
}

test("a seed interrupted part-way through leaves an empty database with all its indexes and foreign keys", async () => {
  const before = await schemaAndCounts();
  assert.equal(before.calls, "0");
  await assert.rejects(
    seed({
      ...OPTIONS,
      onProgress: (done) => {
        if (done >= 300) throw new Error("interrupted");
      },
    }),
    /interrupted/,
  );
  assert.deepEqual(await schemaAndCounts(), before);
});

test("a database with calls is refused without reset, and replaced with reset", async () => {
  await seed({ ...OPTIONS, calls: 200 });
  const seeded = await schemaAndCounts();
  assert.equal(seeded.calls, "200");
  await assert.rejects(seed({ ...OPTIONS, calls: 300 }), /already holds calls/);
  assert.deepEqual(await schemaAndCounts(), seeded);
  await seed({ ...OPTIONS, calls: 300, reset: true });
  assert.equal((await schemaAndCounts()).calls, "300");
});
