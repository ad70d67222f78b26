// `npm run seed` writes exactly the rows ingestion would: rebuilding every derived table from the
// seeded raw deliveries with `npm run reprocess --from-scratch` gives identical rows, rollups included.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { ROLLUP_MEASURE_COLUMNS, ROLLUP_MEASURES_SQL, rollupKeyColumns, rollupKeySql, type CallRollupTable } from "../../lib/rollups/rollup-sql.ts";
import pg from "pg";
import { seedCalls } from "../../tools/seed/seed-calls.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;

before(async () => {
  database = await createTestDatabase("seed_reprocess");
});
after(async () => {
  await database?.drop();
});

function rollupSnapshot(table: CallRollupTable): string {
  return `SELECT (${[...rollupKeyColumns(table), ...ROLLUP_MEASURE_COLUMNS].join(", ")})::text FROM ${table} WHERE calls <> 0 ORDER BY 1`;
}

// Every derived table, as text, in a stable order (rollup ids are surrogate keys and left out).
const SNAPSHOTS = {
  calls: "SELECT c::text FROM calls c ORDER BY id",
  call_answers: "SELECT a::text FROM call_answers a ORDER BY call_id, label",
  call_events: "SELECT e::text FROM call_events e ORDER BY call_id, position",
  campaigns: "SELECT c::text FROM campaigns c ORDER BY id",
  contacts: "SELECT c::text FROM contacts c ORDER BY id",
  call_rollups: rollupSnapshot("call_rollups"),
  call_rollups_daily: rollupSnapshot("call_rollups_daily"),
  call_answer_rollups: `SELECT (campaign_id, label, day, is_test_call, type, value_kind, value_text, answers)::text
                        FROM call_answer_rollups WHERE answers <> 0 ORDER BY 1`,
  suppressed_numbers: "SELECT s::text FROM suppressed_numbers s ORDER BY list, phone",
  // People's work is kept by a rebuild: the same items, none reopened (no call is newer than before).
  follow_ups: `SELECT (contact_id, queue, state, version, active, trigger_call_id, trigger_at, waiting_since, reopened_reason)::text
               FROM follow_ups ORDER BY contact_id, queue`,
  follow_up_changes: "SELECT (contact_id, state, reason, call_id)::text FROM follow_up_changes ORDER BY id",
};

async function snapshot(): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const [table, sql] of Object.entries(SNAPSHOTS)) {
    result[table] = (await database.query<Record<string, string>>(sql)).map((row) => Object.values(row)[0]!);
  }
  return result;
}

test("seeded rows equal the rows `npm run reprocess --from-scratch` rebuilds from the seeded deliveries", async () => {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await seedCalls(client, { calls: 400, seed: "test", until: new Date("2026-11-25T12:00:00Z"), days: 30, batchSize: 250, reset: false });
  } finally {
    await client.end();
  }
  const seeded = await snapshot();
  assert.equal(seeded.calls!.length, 400);
  // The seed covers what Voxia documents: several campaigns, outcomes, test calls, the older format, events.
  const [facts] = await database.query<Record<string, string>>(`
    SELECT count(DISTINCT campaign_id)::text AS campaigns, count(DISTINCT status)::text AS statuses,
           count(*) FILTER (WHERE is_test_call)::text AS test_calls, count(*) FILTER (WHERE contact_id LIKE 'phone:%')::text AS older_format,
           (SELECT count(DISTINCT type) FROM call_events)::text AS event_types, (SELECT count(*) FROM deliveries)::text AS deliveries
    FROM calls`);
  assert.ok(Number(facts!.campaigns) >= 6, `campaigns: ${facts!.campaigns}`);
  assert.ok(Number(facts!.statuses) >= 12, `statuses: ${facts!.statuses}`);
  assert.ok(Number(facts!.test_calls) > 0 && Number(facts!.older_format) > 0, JSON.stringify(facts));
  assert.ok(Number(facts!.event_types) >= 3, `event types: ${facts!.event_types}`);
  assert.ok(Number(facts!.deliveries) > 800, `deliveries: ${facts!.deliveries}`);
  // People are called more than once, some in several campaigns; some ask for a callback, some not to be called.
  const [people] = await database.query<Record<string, string>>(`
    SELECT count(*) FILTER (WHERE call_count >= 2)::text AS repeat, count(*) FILTER (WHERE cardinality(campaign_ids) >= 2)::text AS across,
           (SELECT count(*) FROM follow_ups WHERE queue = 'callbacks')::text AS callbacks, (SELECT count(*) FROM suppressed_numbers)::text AS suppressed
    FROM contacts`);
  assert.ok(Number(people!.repeat) >= 20 && Number(people!.across) >= 10, JSON.stringify(people));
  assert.ok(Number(people!.callbacks) > 0 && Number(people!.suppressed) > 0, JSON.stringify(people));
  // The seed's daily rollups (summed from its hourly ones) are the calls' sums per UTC day.
  const dailyKey = rollupKeySql("call_rollups_daily");
  const exactDaily = await database.query<{ row: string }>(`SELECT (${dailyKey}, ${ROLLUP_MEASURES_SQL})::text AS row FROM calls GROUP BY ${dailyKey} ORDER BY 1`);
  assert.ok(exactDaily.length > 30, `daily rollup rows: ${exactDaily.length}`);
  assert.deepEqual(seeded.call_rollups_daily, exactDaily.map((r) => r.row));

  const reprocess = spawnSync(process.execPath, ["--import", "tsx", "scripts/reprocess.ts", "--from-scratch"], {
    env: { ...process.env, DATABASE_URL: database.url, ...(database.embedded ? { CALLBOARD_EMBEDDED_DB: "1" } : {}) },
    encoding: "utf8",
  });
  assert.equal(reprocess.status, 0, reprocess.stderr + reprocess.stdout);
  const rebuilt = await snapshot();
  for (const table of Object.keys(SNAPSHOTS)) {
    assert.equal(rebuilt[table]!.length, seeded[table]!.length, `${table}: row count differs after reprocess`);
    const differing = seeded[table]!.findIndex((row, i) => row !== rebuilt[table]![i]);
    assert.equal(differing, -1, `${table}: seeded and rebuilt rows differ:\n  seeded:  ${seeded[table]![differing]}\n  rebuilt: ${rebuilt[table]![differing]}`);
  }
});
