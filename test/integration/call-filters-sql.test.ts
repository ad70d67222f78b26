// callWhereSql, the one SQL condition of the filters (list, API, export and aggregates alike), selects
// exactly the calls each filter names; and the KPI figures, served from rollups where they can be,
// equal a count over those calls. Real Postgres, calls stored by the real ingestion code.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { lifecycleDeliveries, type CallSpec } from "../support/voxia-fixtures.ts";

let database: TestDatabase;
let mod: {
  prisma: typeof import("../../lib/db/client.ts").prisma;
  ingestDelivery: typeof import("../../lib/ingest/ingest-delivery.ts").ingestDelivery;
  parseCallFilters: typeof import("../../lib/calls/call-filters.ts").parseCallFilters;
  callWhereSql: typeof import("../../lib/calls/call-filters-sql.ts").callWhereSql;
  getCallKpis: typeof import("../../lib/dashboard/get-call-kpis.ts").getCallKpis;
  outcomeSql: typeof import("../../lib/rollups/call-outcome-sql.ts");
  Prisma: typeof import("../../lib/generated/prisma/client.ts").Prisma;
};

const A = { id: "camp-a", name: "A" };
const B = { id: "camp-b", name: "B" };
const SPECS: CallSpec[] = [
  { id: "c1", campaign: A, outcome: "INTERESTED", createdAt: "2025-01-01T10:00:00Z", contact: { id: "k1", name: "Ann 100%", phoneNumber: "+1555001" } },
  { id: "c2", campaign: A, outcome: "NOT_INTERESTED", createdAt: "2025-01-02T00:00:00Z", contact: { id: "k2", name: "Bob_Smith", phoneNumber: "+1555002" } },
  { id: "c3", campaign: B, notConnected: "BUSY", createdAt: "2025-01-02T23:59:59.999Z", contact: { id: "k3", name: "Cleo", phoneNumber: "+1555003" } },
  { id: "c4", campaign: B, outcome: "CALL_ME_LATER", createdAt: "2025-01-03T12:00:00Z", isTestCall: true, contact: { id: "k4", name: "Dan", phoneNumber: "+1555004" } },
  { id: "c5", campaign: B, notConnected: "NO_ANSWER", createdAt: "2025-01-04T08:00:00Z", contact: { id: "k5", name: "Bobby", phoneNumber: "+1555005" } },
  { id: "c6", campaign: A, outcome: "DO_NOT_CALL", createdAt: "2025-01-05T08:00:00Z", contact: { id: "k6", name: "Eve", phoneNumber: "+1555006" },
    transcript: [{ role: "user", content: "Please remove me from your list" }] },
];

before(async () => {
  database = await createTestDatabase("call_filters_sql");
  process.env.DATABASE_URL = database.url;
  if (database.embedded) process.env.CALLBOARD_EMBEDDED_DB = "1";
  mod = {
    ...(await import("../../lib/db/client.ts")),
    ...(await import("../../lib/ingest/ingest-delivery.ts")),
    ...(await import("../../lib/calls/call-filters.ts")),
    ...(await import("../../lib/calls/call-filters-sql.ts")),
    ...(await import("../../lib/dashboard/get-call-kpis.ts")),
    outcomeSql: await import("../../lib/rollups/call-outcome-sql.ts"),
    ...(await import("../../lib/generated/prisma/client.ts")),
  };
  for (const spec of SPECS) {
    for (const delivery of lifecycleDeliveries(spec)) {
      const outcome = await mod.ingestDelivery({ body: new TextEncoder().encode(delivery.body), contentType: "application/json" });
      assert.equal(outcome.kind, "stored");
    }
  }
});
after(async () => {
  await mod?.prisma().$disconnect();
  const { db } = await import("../../lib/db/client.ts");
  await db().pool.end();
  await database?.drop();
});

// Each case: the query, and the calls it must select.
const CASES: [string, string, string[]][] = [
  ["no filter (test calls excluded by default)", "", ["c1", "c2", "c3", "c5", "c6"]],
  ["test calls included", "test=include", ["c1", "c2", "c3", "c4", "c5", "c6"]],
  ["test calls only", "test=only", ["c4"]],
  ["one campaign", "campaign=camp-a", ["c1", "c2", "c6"]],
  ["two campaigns", "campaign=camp-a&campaign=camp-b&test=include", ["c1", "c2", "c3", "c4", "c5", "c6"]],
  ["status", "status=INTERESTED,BUSY", ["c1", "c3"]],
  ["callStatus", "callStatus=COMPLETED", ["c1", "c2", "c6"]],
  ["date-only range is whole UTC days", "from=2025-01-02&to=2025-01-02", ["c2", "c3"]],
  ["date-only range in a zone is that zone's days", "from=2025-01-02&to=2025-01-02&tz=America/New_York", ["c3"]],
  ["instant bounds", "from=2025-01-01T10:00:00Z&to=2025-01-02T00:00:00Z", ["c1"]],
  ["search in name, case-insensitive", "q=bob", ["c2", "c5"]],
  ["search in transcript", "q=REMOVE ME", ["c6"]],
  ["search in phone", "q=555003", ["c3"]],
  ["search by call id", "q=c5", ["c5"]],
  ["search by contact id", "q=k6", ["c6"]],
  ["search text with % is literal", "q=100%", ["c1"]],
  ["search text with _ is literal", "q=b_s", ["c2"]],
  ["everything at once", "campaign=camp-a&status=NOT_INTERESTED&from=2025-01-01&to=2025-01-03&q=bob&test=include", ["c2"]],
];

for (const [name, query, expected] of CASES) {
  test(`callWhereSql selects the calls the filter names: ${name}`, async () => {
    const parsed = mod.parseCallFilters(new URLSearchParams(query));
    assert.ok(parsed.ok);
    const viaSql = (
      await mod.prisma().$queryRaw<{ id: string }[]>(mod.Prisma.sql`SELECT c.id FROM calls c WHERE ${mod.callWhereSql(parsed.filters)}`)
    ).map((c) => c.id).sort();
    assert.deepEqual(viaSql, expected);
  });
}

// The KPI cards read the rollups (whole days) plus the cut parts of a range's first and last day,
// or scan for a text search: either way the figures are what counting the matching calls gives.
for (const [name, query] of [...CASES.map(([n, q]) => [n, q]), ["a range cutting its first and last day", "from=2025-01-01T12:00:00Z&to=2025-01-05T09:00:00Z&test=include"]]) {
  test(`KPI figures equal a count over the matching calls: ${name}`, async () => {
    const parsed = mod.parseCallFilters(new URLSearchParams(query));
    assert.ok(parsed.ok);
    const o = mod.outcomeSql;
    const [scan] = await mod.prisma().$queryRaw<Record<string, number | null>[]>(mod.Prisma.sql`
      SELECT count(*)::int AS calls,
        count(*) FILTER (WHERE ${mod.Prisma.raw(o.connectedSql("c"))})::int AS connected,
        count(*) FILTER (WHERE ${mod.Prisma.raw(o.completedSql("c"))})::int AS completed,
        count(*) FILTER (WHERE ${mod.Prisma.raw(o.interestedSql("c"))})::int AS interested,
        avg(c.duration) FILTER (WHERE ${mod.Prisma.raw(o.connectedSql("c"))} AND c.duration > 0)::float8 AS "averageDuration",
        count(*) FILTER (WHERE ${mod.Prisma.raw(o.callbackSql("c"))})::int AS callbacks,
        count(*) FILTER (WHERE ${mod.Prisma.raw(o.doNotCallSql("c"))})::int AS "doNotCall"
      FROM calls c WHERE ${mod.callWhereSql(parsed.filters)}`);
    const k = await mod.getCallKpis(parsed.filters);
    assert.deepEqual(
      { calls: k.calls, connected: k.connected, completed: k.completed, interested: k.interested, averageDuration: k.averageDuration, callbacks: k.callbacks, doNotCall: k.doNotCall },
      scan,
    );
  });
}

test("the search cases above are not vacuous: literal % and _ match only where they appear", async () => {
  const ids = async (q: string) => {
    const parsed = mod.parseCallFilters(new URLSearchParams({ q }));
    assert.ok(parsed.ok);
    const rows = await mod.prisma().$queryRaw<{ id: string }[]>(mod.Prisma.sql`SELECT c.id FROM calls c WHERE ${mod.callWhereSql(parsed.filters)}`);
    return rows.map((c) => c.id).sort();
  };
  assert.deepEqual(await ids("100%"), ["c1"]);
  assert.deepEqual(await ids("b_s"), ["c2"]);
});

test("the KPI figures nest: interested ⊆ completed ⊆ connected ⊆ calls", async () => {
  const parsed = mod.parseCallFilters(new URLSearchParams("test=include"));
  assert.ok(parsed.ok);
  const k = await mod.getCallKpis(parsed.filters);
  assert.deepEqual(
    { calls: k.calls, connected: k.connected, completed: k.completed, interested: k.interested, callbacks: k.callbacks, doNotCall: k.doNotCall },
    { calls: 6, connected: 4, completed: 4, interested: 1, callbacks: 1, doNotCall: 1 },
  );
  assert.equal(k.averageDuration, 128);
});
