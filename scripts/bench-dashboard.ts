// Times the dashboard's queries (lib/dashboard) on a large synthetic data set, to see which figures
// need the planned rollup tables. Needs a Postgres server: DATABASE_URL=postgresql://…/postgres
// (a scratch database is created there and dropped afterwards). CALLS=1000000 sets the size.
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx scripts/bench-dashboard.ts
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrateDatabase } from "../lib/db/migrate.ts";

const server = process.env.DATABASE_URL;
if (!server) throw new Error("set DATABASE_URL to a Postgres server (a scratch database is created on it)");
const CALLS = Number(process.env.CALLS ?? 1_000_000);
const name = `callboard_bench_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}"`);
const url = new URL(server);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();

try {
  await migrateDatabase(url.toString());
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const started = Date.now();
  // 50 campaigns, calls spread over the last 365 days, statuses in realistic proportions.
  await client.query(`INSERT INTO campaigns (id, name, last_call_at) SELECT 'camp-' || i, 'Campaign ' || i, now() FROM generate_series(1, 50) i`);
  await client.query(`
    INSERT INTO calls (id, campaign_id, status, call_status, post_process_status, webhook_event, stage_rank, duration,
                       call_me_later, do_not_call, is_test_call, created_at, delivery_count, first_received_at, last_received_at, contact_name)
    SELECT 'call-' || i, 'camp-' || (1 + i % 50), s.status, s.call_status, s.pp, 'X', 60, 30 + (i % 300),
           s.pp = 'CALL_ME_LATER', s.pp = 'DO_NOT_CALL', i % 100 = 0, now() - (i % 365) * interval '1 day' - (i % 86400) * interval '1 second',
           1, now(), now(), 'Contact ' || i
    FROM generate_series(1, $1::int) i
    CROSS JOIN LATERAL (SELECT (ARRAY['INTERESTED','NOT_INTERESTED','CALL_ME_LATER','NO_ANSWER','BUSY','VOICE_MAIL','WRONG_NUMBER','DO_NOT_CALL','NOT_INTERESTED','NO_ANSWER'])[1 + i % 10] AS status) st
    CROSS JOIN LATERAL (SELECT st.status,
      CASE WHEN st.status IN ('NO_ANSWER','BUSY','VOICE_MAIL') THEN st.status ELSE 'COMPLETED' END AS call_status,
      CASE WHEN st.status IN ('NO_ANSWER','BUSY','VOICE_MAIL') THEN NULL ELSE st.status END AS pp) s`, [CALLS]);
  await client.query(`
    INSERT INTO call_answers (call_id, label, campaign_id, type, value, value_text, position)
    SELECT c.id, q.label, c.campaign_id, q.type, q.value, q.value #>> '{}', q.pos
    FROM calls c CROSS JOIN LATERAL (VALUES
      ('Inquiry Asked', 'YES_NO', to_jsonb(hashtext(c.id) % 2 = 0), 1),
      ('Budget', 'NUMBER', to_jsonb(abs(hashtext(c.id)) % 5000), 2),
      ('Notes', 'TEXT', to_jsonb('note ' || c.id), 3)) AS q(label, type, value, pos)
    WHERE c.call_status = 'COMPLETED'`);
  await client.query("ANALYZE");
  const { rows } = await client.query<{ calls: string; answers: string }>(`SELECT (SELECT count(*) FROM calls) AS calls, (SELECT count(*) FROM call_answers) AS answers`);
  console.log(`seeded ${rows[0]!.calls} calls and ${rows[0]!.answers} answers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await client.end();

  const { dashboardRange } = await import("../lib/dashboard/dashboard-range.ts");
  const { getCallKpis } = await import("../lib/dashboard/get-call-kpis.ts");
  const { getCallsOverTime } = await import("../lib/dashboard/get-calls-over-time.ts");
  const { getCallStats } = await import("../lib/calls/get-call-stats.ts");
  const { listCampaigns } = await import("../lib/dashboard/list-campaigns.ts");
  const { getKeyQuestionBreakdown } = await import("../lib/dashboard/get-key-question-breakdown.ts");
  const { prisma, db } = await import("../lib/db/client.ts");

  const scenarios = {
    "all campaigns, last 30 days": dashboardRange({}),
    "all campaigns, last 365 days": dashboardRange({ from: new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10) }),
    "one campaign, last 30 days": dashboardRange({ campaign: "camp-7" }),
    "one campaign, last 365 days": dashboardRange({ campaign: "camp-7", from: new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10) }),
  };
  async function time(label: string, run: () => Promise<unknown>) {
    await run(); // warm the cache and the plan
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await run();
      runs.push(performance.now() - t);
    }
    console.log(`  ${label.padEnd(28)} median ${runs.sort((a, b) => a - b)[1]!.toFixed(0).padStart(6)} ms`);
  }
  for (const [scenario, range] of Object.entries(scenarios)) {
    console.log(scenario);
    await time("getCallKpis", () => getCallKpis(range.filters));
    await time("getCallsOverTime", () => getCallsOverTime(range.filters, range));
    await time("getCallStats (per campaign)", () => getCallStats(range.filters));
    await time("listCampaigns", () => listCampaigns(range.filters));
    if (scenario.startsWith("one campaign")) await time("getKeyQuestionBreakdown", () => getKeyQuestionBreakdown(range.filters));
  }
  await prisma().$disconnect();
  await db().pool.end();
} finally {
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
