// Overview and stats figures come from call_rollups (per UTC hour) and call_rollups_daily (per UTC
// day), kept in step by the ingest transaction. After a stream of webhooks — concurrent, out of order,
// with re-deliveries that change a call's status — both must equal an exact GROUP BY over calls, and
// /api/stats and the overview's chart must report exactly what a scan of the matching calls reports,
// for every kind of filter (all time, whole days, days and hours cut in two, other zones, text search).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { parseCallFilters } from "../../lib/calls/call-filters.ts";
import { callWhereSql } from "../../lib/calls/call-filters-sql.ts";
import {
  ANSWER_CALL_ROLLUP_COLUMNS,
  EXACT_ANSWER_CALL_ROLLUPS_SQL,
  ROLLUP_MEASURE_COLUMNS,
  ROLLUP_MEASURES_SQL,
  rollupKeyColumns,
  rollupKeySql,
  type CallRollupTable,
} from "../../lib/rollups/rollup-sql.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { lifecycleDeliveries, payloadFor, type CallSpec } from "../support/voxia-fixtures.ts";

let database: TestDatabase;
let app: TestApp | null = null;

before(async () => {
  database = await createTestDatabase("aggregates");
  await startApp();
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

async function startApp() {
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded });
}

/** Direct SQL checks. The embedded database takes one connection, held by the app: stop it meanwhile. */
async function withDatabase<T>(check: () => Promise<T>): Promise<T> {
  if (!database.embedded) return check();
  await app?.stop();
  app = null;
  try {
    return await check();
  } finally {
    await startApp();
  }
}

const CAMPAIGNS = [
  { id: "camp-solar", name: "Solar" },
  { id: "camp-dental", name: "Dental" },
  { id: "camp-saas", name: "SaaS" },
];
const OUTCOMES = ["INTERESTED", "NOT_INTERESTED", "CALL_ME_LATER", "WRONG_NUMBER", "DO_NOT_CALL"] as const;

function specs(): CallSpec[] {
  return Array.from({ length: 36 }, (_, i) => ({
    id: `agg-${i}`,
    campaign: CAMPAIGNS[i % 3]!,
    contact: { id: `agg-contact-${i % 7}`, name: i % 5 === 0 ? "Ann 50%_off" : `Contact ${i}`, phoneNumber: `+1555010${1000 + i}` },
    // Spread over four days, at hours that a from/to with a time cuts through.
    createdAt: new Date(Date.UTC(2026, 9, 10 + (i % 4), 3 + ((i * 5) % 20), i % 60)).toISOString(),
    outcome: OUTCOMES[i % 5]!,
    notConnected: i % 9 === 4 ? "NO_ANSWER" : i % 9 === 7 ? "BUSY" : undefined,
    duration: 30 + i * 7,
    isTestCall: i % 11 === 3,
    transcript: [{ role: "user", content: i % 4 === 0 ? "Tell me about the tax credit" : "Not today thanks" }],
    summary: summaryOf(i),
  }));
}

/** Key-question answers of every kind the `answer` filter reads: yes/no, numbers (some as text), options, unanswered. */
function summaryOf(i: number) {
  const question = (type: string, value: unknown) => ({ description: "", options: [], order: 1, type, value });
  return {
    "Owns Home": question("YES_NO", i % 3 === 2 ? null : i % 3 === 0),
    "Monthly Bill": question("NUMBER", i % 4 === 3 ? String(100 + i * 10) : i % 7 === 6 ? 1.0 : 100 + i * 10),
    "Preferred Day": question("MULTIPLE_CHOICE", i % 5 === 0 ? ["Monday", "Friday"] : i % 5 === 1 ? "Friday" : i % 5 === 2 ? [] : "Tuesday"),
  };
}

function answer(label: string, op: string, value?: string) {
  return `answer=${encodeURIComponent(`${encodeURIComponent(label)}:${op}${value === undefined ? "" : `:${value}`}`)}`;
}

/** Sends bodies with a few concurrent senders, each in the order given. */
async function sendAll(bodies: string[], concurrency = 4) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < bodies.length; i = next++) {
        const res = await postWebhook(app!, bodies[i]!);
        assert.equal(res.status, 200, await res.text());
      }
    }),
  );
}

async function rollupRows(table: CallRollupTable) {
  return (
    await database.query<{ row: string }>(`
      SELECT (${[...rollupKeyColumns(table), ...ROLLUP_MEASURE_COLUMNS].join(", ")})::text AS row
      FROM ${table} WHERE calls <> 0 ORDER BY 1`)
  ).map((r) => r.row);
}

async function exactRows(table: CallRollupTable) {
  const key = rollupKeySql(table);
  return (
    await database.query<{ row: string }>(`SELECT (${key}, ${ROLLUP_MEASURES_SQL})::text AS row FROM calls GROUP BY ${key} ORDER BY 1`)
  ).map((r) => r.row);
}

const ANSWER_KEY = `campaign_id, label, (created_at AT TIME ZONE 'UTC')::date, is_test_call, type, jsonb_typeof(value), value_text`;

async function answerRollupRows() {
  return (
    await database.query<{ row: string }>(`
      SELECT (campaign_id, label, day, is_test_call, type, value_kind, value_text, answers)::text AS row
      FROM call_answer_rollups WHERE answers <> 0 ORDER BY 1`)
  ).map((r) => r.row);
}

async function exactAnswerRows() {
  return (
    await database.query<{ row: string }>(`SELECT (${ANSWER_KEY}, count(*))::text AS row FROM call_answers GROUP BY ${ANSWER_KEY} ORDER BY 1`)
  ).map((r) => r.row);
}

/** answer_call_rollups as kept, and as computed from calls and call_answers now. */
async function answerCallRollupRows() {
  const row = `(${ANSWER_CALL_ROLLUP_COLUMNS.join(", ")})::text AS row`;
  const kept = await database.query<{ row: string }>(`SELECT ${row} FROM answer_call_rollups WHERE calls <> 0 ORDER BY 1`);
  const exact = await database.query<{ row: string }>(`SELECT ${row} FROM (${EXACT_ANSWER_CALL_ROLLUPS_SQL}) AS exact ORDER BY 1`);
  return { kept: kept.map((r) => r.row), exact: exact.map((r) => r.row) };
}

async function assertRollupsExact({ answered }: { answered: boolean }) {
  const [rollups, exact, answerRollups, exactAnswers] = [await rollupRows("call_rollups"), await exactRows("call_rollups"), await answerRollupRows(), await exactAnswerRows()];
  const [daily, exactDaily] = [await rollupRows("call_rollups_daily"), await exactRows("call_rollups_daily")];
  assert.ok(exact.length > 0);
  assert.ok(exactDaily.length > 0);
  assert.equal(exactAnswers.length > 0, answered, "key-question answers arrive with the final stage only");
  assert.deepEqual(rollups, exact);
  assert.deepEqual(daily, exactDaily, "call_rollups_daily");
  assert.deepEqual(answerRollups, exactAnswers);
  const answerCalls = await answerCallRollupRows();
  assert.equal(answerCalls.exact.length > 0, answered);
  assert.deepEqual(answerCalls.kept, answerCalls.exact, "answer_call_rollups");
}

test("rollups equal an exact GROUP BY over calls as webhooks arrive, re-deliveries included", async () => {
  const calls = specs();
  const lifecycles = calls.map((spec) => lifecycleDeliveries(spec).map((d) => d.body));
  // First every call's early stages, last stage held back, in a scrambled order.
  const early = lifecycles.flatMap((bodies) => bodies.slice(0, -1)).reverse();
  await sendAll(early);
  const statusesBefore = await withDatabase(async () => {
    await assertRollupsExact({ answered: false });
    return database.query<{ id: string; status: string }>("SELECT id, status FROM calls ORDER BY id");
  });

  // Then the final stages, plus re-deliveries: a second post-processing result with another outcome,
  // and copies of bodies already received.
  const late = lifecycles.map((bodies) => bodies[bodies.length - 1]!);
  const reclassified = calls
    .filter((spec, i) => !spec.notConnected && i % 4 === 1)
    .map((spec) => {
      const outcome = spec.outcome === "CALL_ME_LATER" ? "INTERESTED" : "CALL_ME_LATER";
      return JSON.stringify(payloadFor({ ...spec, outcome }, `POST_PROCESSING_FINISHED:${outcome}`, "final"));
    });
  const duplicates = early.slice(0, 10);
  await sendAll([...reclassified, ...late, ...duplicates]);

  await withDatabase(async () => {
    const statusesAfter = await database.query<{ id: string; status: string }>("SELECT id, status FROM calls ORDER BY id");
    const changed = statusesAfter.filter((row, i) => row.status !== statusesBefore[i]!.status).length;
    assert.ok(changed >= 20, `only ${changed} calls changed status; the test must move calls between rollup rows`);
    await assertRollupsExact({ answered: true });
  });
});

test("/api/stats reports exactly what a scan of the matching calls reports, for every kind of filter", async () => {
  const cases = [
    "",
    "test=include",
    "test=only",
    "campaign=camp-solar&campaign=camp-saas",
    "status=INTERESTED,CALL_ME_LATER",
    "callStatus=COMPLETED",
    "from=2026-10-11&to=2026-10-12",
    // A range that cuts the first and last day: whole days from the daily rollups, the whole hours
    // around them from the hourly ones, the cut parts of hours from calls.
    "from=2026-10-10T12:30:00Z&to=2026-10-13T09:15:00Z",
    "from=2026-10-10T12:00:00Z&to=2026-10-12T21:00:00Z",
    "from=2026-10-11T00:00:00Z&to=2026-10-12T14:00:00Z",
    // Inside one day: hours only.
    "from=2026-10-11T05:00:00Z&to=2026-10-11T18:00:00Z",
    // Days of other zones: UTC days inside, hours (and Kolkata's half hours) at both ends.
    "from=2026-10-10&to=2026-10-12&tz=America/New_York",
    "from=2026-10-11&to=2026-10-13&tz=Asia/Kolkata",
    "from=2026-10-11&tz=America/New_York",
    "to=2026-10-12&tz=Asia/Kolkata",
    "q=tax credit",
    "q=50%_off",
    "q=%",
    // One answer condition: answer_call_rollups per UTC day, the cut days' parts from calls; the
    // op and type variants read the rollup rows as they read call_answers rows.
    answer("Owns Home", "eq", "true"),
    answer("Owns Home", "neq", "true"),
    answer("Owns Home", "exists"),
    answer("Monthly Bill", "gt", "250"),
    answer("Monthly Bill", "lte", "1"),
    answer("Monthly Bill", "eq", "290"),
    answer("Preferred Day", "eq", "friday"),
    answer("Preferred Day", "contains", "day"),
    `${answer("Owns Home", "eq", "false")}&campaign=camp-solar&status=INTERESTED,CALL_ME_LATER,NOT_INTERESTED`,
    `${answer("Owns Home", "eq", "true")}&from=2026-10-11&to=2026-10-13`,
    `${answer("Monthly Bill", "gte", "200")}&from=2026-10-10T12:30:00Z&to=2026-10-13T09:15:00Z`,
    `${answer("Owns Home", "eq", "true")}&from=2026-10-11T05:00:00Z&to=2026-10-11T18:00:00Z`,
    `${answer("Owns Home", "eq", "true")}&test=only`,
    // Not theirs to answer: scans.
    answer("Owns Home", "missing"),
    `${answer("Owns Home", "eq", "true")}&${answer("Monthly Bill", "gt", "200")}`,
    `${answer("Owns Home", "eq", "true")}&minDuration=100`,
  ];
  // What a scan of the matching calls says, per filter: counts per campaign and status, and the ids.
  const expected = await withDatabase(async () => {
    const results = [];
    for (const query of cases) {
      const parsed = parseCallFilters(new URLSearchParams(query));
      assert.ok(parsed.ok);
      const where = callWhereSql(parsed.filters);
      const groups = await database.query<{ campaign_id: string | null; status: string | null; n: string }>(
        `SELECT campaign_id, status, count(*)::text AS n FROM calls c WHERE ${where.text} GROUP BY 1, 2`,
        where.values,
      );
      const byCampaign: Record<string, Record<string, number>> = {};
      for (const g of groups) {
        const byStatus = (byCampaign[g.campaign_id ?? "(none)"] ??= {});
        byStatus[g.status ?? "(none)"] = Number(g.n);
      }
      const ids = await database.query<{ id: string }>(`SELECT id FROM calls c WHERE ${where.text} ORDER BY created_at DESC, id DESC`, where.values);
      results.push({ query, byCampaign, total: groups.reduce((n, g) => n + Number(g.n), 0), ids: ids.map((r) => r.id) });
    }
    return results;
  });
  for (const { query, byCampaign, total, ids } of expected) {
    const res = await fetch(`${app!.url}/api/stats?${query}`);
    assert.equal(res.status, 200);
    const stats = (await res.json()) as { total: number; campaigns: { campaign: { id: string | null }; total: number; byStatus: Record<string, number> }[] };
    const actual = Object.fromEntries(stats.campaigns.map((c) => [c.campaign.id ?? "(none)", c.byStatus]));
    assert.deepEqual(actual, byCampaign, `/api/stats?${query}`);
    assert.equal(stats.total, total, `/api/stats?${query} total`);

    // The list (Prisma, callWhere) and the aggregates (SQL, callWhereSql) select the same calls.
    const list = (await (await fetch(`${app!.url}/api/calls?${query}&limit=500`)).json()) as { calls: { id: string }[] };
    assert.deepEqual(list.calls.map((c) => c.id), ids, `/api/calls?${query}`);
  }
  // The filters above are not vacuous: the literal search finds the contacts named "Ann 50%_off" only.
  const literal = (await (await fetch(`${app!.url}/api/calls?q=${encodeURIComponent("50%_off")}&test=include`)).json()) as { calls: unknown[] };
  assert.equal(literal.calls.length, 8);
});

/** The overview's calls-per-day bars as the page sends them (its React payload): day → status → calls. */
function chartDays(html: string): Record<string, Record<string, number>> {
  const payload = [...html.matchAll(/self\.__next_f\.push\((\[1,"(?:[^"\\]|\\.)*"\])\)/g)].map((m) => (JSON.parse(m[1]!) as [number, string])[1]).join("");
  const days: Record<string, Record<string, number>> = {};
  for (const [, day, values] of payload.matchAll(/\{"key":"(\d{4}-\d{2}-\d{2})","label":"[^"]*","values":(\{[^}]*\}),"hrefs":/g)) {
    const counts = Object.entries(JSON.parse(values!) as Record<string, number>).filter(([, n]) => n > 0);
    if (counts.length > 0) days[day!] = Object.fromEntries(counts.sort(([a], [b]) => a.localeCompare(b)));
  }
  return days;
}

// By UTC day the chart reads call_rollups_daily (a UTC day is one row per group); by days of another
// zone too, each UTC day counted on the local day of its noon and the hours that fall on another day
// moved (New York's first hours of a UTC day, Auckland's whole day a day later, less its last hours),
// and the part of the hour a midnight cuts that is on the other day than the hour's middle from calls
// (Kolkata, +05:30: 18:00–18:30 UTC; Kathmandu, +05:45: 18:00–18:15).
// An open end is closed at the rollups' first or last hour.
for (const [zone, query] of ["UTC", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Auckland"].flatMap((zone) =>
  ["from=2026-10-09&to=2026-10-14&test=include", "from=2026-10-09&test=include", "to=2026-10-14&test=include"].map((query) => [zone, query] as const),
)) {
  test(`the overview's calls per day in ${zone} (${query}) equal a scan of the calls by local day and status`, async () => {
    const parsed = parseCallFilters(new URLSearchParams(query), { timeZone: zone });
    assert.ok(parsed.ok);
    const where = callWhereSql(parsed.filters);
    const expected: Record<string, Record<string, number>> = {};
    const groups = await withDatabase(() =>
      database.query<{ day: string; status: string; n: string }>(
        `SELECT to_char((created_at AT TIME ZONE '${zone}')::date, 'YYYY-MM-DD') AS day, COALESCE(status, '(none)') AS status, count(*)::text AS n
         FROM calls c WHERE ${where.text} GROUP BY 1, 2 ORDER BY 1, 2`,
        where.values,
      ),
    );
    for (const g of groups) (expected[g.day] ??= {})[g.status] = Number(g.n);
    assert.ok(Object.keys(expected).length >= 4, "the calls span several local days");
    const res = await fetch(`${app!.url}/?${query}`, { headers: { cookie: `callboard_tz=${encodeURIComponent(zone)}` } });
    assert.equal(res.status, 200);
    assert.deepEqual(chartDays(await res.text()), expected);
  });
}
