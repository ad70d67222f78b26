// Prints EXPLAIN (ANALYZE, BUFFERS) of the SQL the data layer really sends (captured from Prisma's
// query log) for the main pages' queries, as Markdown for docs/performance.md.
// Usage: DATABASE_URL=postgresql://…/callboard_bench npx tsx tools/bench/explain.ts
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client.ts";
import { parseCallFilters } from "../../lib/calls/call-filters.ts";

const url = process.env.DATABASE_URL!;
// The settings the app's pool sets (lib/db/client.ts): without them JIT alone adds seconds to a plan.
const pool = new pg.Pool({ connectionString: url, max: 2, options: "-c jit=off -c random_page_cost=1.1" });
const prisma = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ emit: "event", level: "query" }] });
const captured: { query: string; params: unknown[] }[] = [];
prisma.$on("query", (e) => captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
(globalThis as unknown as { callboardDb: unknown }).callboardDb = { pool, prisma };

const { listCalls: listCallsAs } = await import("../../lib/calls/list-calls.ts");
const { getCall: getCallAs } = await import("../../lib/calls/get-call.ts");
// As a member reads them (numbers in full, as the API serves them to one).
const FULL = { maskPhones: false };
const listCalls = (filters: Parameters<typeof listCallsAs>[0], page: Parameters<typeof listCallsAs>[1] = {}) => listCallsAs(filters, page, FULL);
const getCall = (id: string) => getCallAs(id, FULL);
const { getCallStatsWithMeasures: getCallStats } = await import("../../lib/calls/get-call-stats.ts");
const { dashboardRange } = await import("../../lib/dashboard/dashboard-range.ts");
const { getCallKpis } = await import("../../lib/dashboard/get-call-kpis.ts");
const { getCallsOverTime } = await import("../../lib/dashboard/get-calls-over-time.ts");
const { getKeyQuestionBreakdown } = await import("../../lib/dashboard/get-key-question-breakdown.ts");
const { callWhereSql } = await import("../../lib/calls/call-filters-sql.ts");
const { Prisma } = await import("../../lib/generated/prisma/client.ts");

/** countCalls' exact count over calls (it runs on the pool, under a statement timeout, so it is not captured). */
function exactCount(query: string) {
  const sql = Prisma.sql`SELECT count(*)::int AS n FROM calls c WHERE ${callWhereSql(filters(query))}`;
  captured.push({ query: sql.text, params: sql.values });
  return Promise.resolve();
}
const { countCalls, rollupsCanCount } = await import("../../lib/calls/count-calls.ts");
/** The list's page and its count, as GET /api/calls runs them: from the rollups where they can, else exact over calls. */
const listAndCount = (query: string) => async () => {
  await listCalls(filters(query));
  const f = filters(query);
  if (rollupsCanCount(f)) await countCalls(f);
  else await exactCount(query);
};
const email = (await pool.query<{ email: string }>(
  "SELECT contact_data->>'email' AS email FROM calls WHERE contact_data ? 'email' ORDER BY created_at DESC OFFSET 1000 LIMIT 1",
)).rows[0]?.email ?? "someone@example.com";
const answerParam = (label: string, op: string, value: string) => `answer=${encodeURIComponent(`${encodeURIComponent(label)}:${op}:${value}`)}`;

const sample = (await pool.query<{ id: string; campaign_id: string; created_at: Date }>(
  "SELECT id, campaign_id, created_at FROM calls WHERE campaign_id IS NOT NULL ORDER BY created_at DESC OFFSET 5000 LIMIT 1",
)).rows[0]!;
const newest = (await pool.query<{ at: Date }>("SELECT max(created_at) AS at FROM calls")).rows[0]!.at;
const day = (offset: number) => new Date(newest.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
const filters = (query: string) => {
  const parsed = parseCallFilters(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(query);
  return parsed.filters;
};

const cases: [string, () => Promise<unknown>][] = [
  ["/calls: newest first (first page)", () => listCalls(filters(""))],
  ["/calls: a later page (keyset cursor)", () => listCalls(filters(""), { cursor: { createdAt: sample.created_at, id: sample.id } })],
  ["/calls?campaign=…", () => listCalls(filters(`campaign=${sample.campaign_id}`))],
  ["/calls?status=INTERESTED", () => listCalls(filters("status=INTERESTED"))],
  ["/calls?status=INTERESTED,CALL_ME_LATER (two values)", () => listCalls(filters("status=INTERESTED,CALL_ME_LATER"))],
  ["/calls?callStatus=VOICE_MAIL", () => listCalls(filters("callStatus=VOICE_MAIL"))],
  ["/calls?test=only", () => listCalls(filters("test=only"))],
  [`/calls?from=${day(37)}&to=${day(31)}`, () => listCalls(filters(`from=${day(37)}&to=${day(31)}`))],
  ["/calls?q=Kowalski (a name)", () => listCalls(filters("q=Kowalski"))],
  ["/calls?q=tax credit (words in transcripts)", () => listCalls(filters("q=tax credit"))],
  ["/calls?q=55501 (phone digits)", () => listCalls(filters("q=55501"))],
  ["/calls/{id}", () => getCall(sample.id)],
  ["/api/stats (rollups)", () => getCallStats(filters(""))],
  [`/api/stats?campaign=…&from=${day(37)}T12:00:00Z (rollups + the cut day from calls)`, () => getCallStats(filters(`campaign=${sample.campaign_id}&from=${day(37)}T12:00:00Z`))],
  ["/api/stats?q=tax credit (scan fallback)", () => getCallStats(filters("q=tax credit"))],
  ["/ KPI cards, last 30 days (rollups)", () => getCallKpis(dashboardRange({}).filters)],
  ["/ calls over time, last 30 days (rollups)", () => getCallsOverTime(dashboardRange({}).filters, dashboardRange({}))],
  ...["America/New_York", "Asia/Kolkata"].map((timeZone): [string, () => Promise<unknown>] => [
    `/ calls over time, last 30 days in ${timeZone} (daily rollups, the hours on another local day from hourly ones${timeZone === "Asia/Kolkata" ? ", the hour each midnight cuts from calls" : ""})`,
    () => getCallsOverTime(dashboardRange({}, { timeZone }).filters, dashboardRange({}, { timeZone })),
  ]),
  ["/campaigns/{id} key questions, last 30 days (answer rollups)", () => getKeyQuestionBreakdown(dashboardRange({ campaign: sample.campaign_id }).filters)],
  // The filters of issue 12 (the list's page, then its exact count).
  ["/api/calls?answer=Owns Home:eq:true (YES_NO)", listAndCount(answerParam("Owns Home", "eq", "true"))],
  ["/api/calls?answer=Monthly Electricity Bill:gt:400 (NUMBER)", listAndCount(answerParam("Monthly Electricity Bill", "gt", "400"))],
  ["/api/calls?contactStatus=callMeLater", listAndCount("contactStatus=callMeLater")],
  ["/api/calls?minDuration=60&maxDuration=120", listAndCount("minDuration=60&maxDuration=120")],
  ["/api/calls?event=MEETING", listAndCount("event=MEETING")],
  ["/api/calls?q=<an email> (contact.data)", listAndCount(`q=${encodeURIComponent(email)}`)],
  ["/api/calls?q=<a call id>", listAndCount(`q=${sample.id}`)],
  ["/api/stats?answer=Owns Home:eq:true (answer_call_rollups)", () => getCallStats(filters(answerParam("Owns Home", "eq", "true")))],
  [
    "saved view: campaign, two statuses, minDuration, an answer, 90 days",
    listAndCount(`campaign=${sample.campaign_id}&status=INTERESTED,CALL_ME_LATER&minDuration=60&${answerParam("Owns Home", "eq", "true")}&from=${day(90)}`),
  ],
];
const only = process.argv[2];

console.log(`<!-- generated by tools/bench/explain.ts on ${new Date().toISOString()} against ${(await pool.query("SELECT count(*) FROM calls")).rows[0].count} calls -->`);
for (const [title, run] of cases) {
  if (only && !title.includes(only)) continue;
  captured.length = 0;
  await run();
  console.log(`\n### ${title}\n`);
  for (const { query, params } of captured) {
    if (/^(BEGIN|COMMIT)/.test(query)) continue;
    const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${query}`, params);
    console.log("```");
    console.log(query.replace(/"public"\./g, "").replace(/\s+/g, " ").slice(0, 600));
    console.log("--");
    console.log(plan.rows.map((r: Record<string, string>) => truncate(r["QUERY PLAN"]!, 240)).join("\n"));
    console.log("```");
  }
}
await prisma.$disconnect();
await pool.end();

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
