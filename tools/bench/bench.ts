// `npm run bench`: how Callboard performs at a million calls on this machine, printed as one table.
// Runs against its own database on DATABASE_URL's server (default name callboard_bench), seeding it
// when it holds fewer calls than asked, and against the built app (`npm run build` first).
//   --calls N          calls in the database (default 1000000)
//   --reuse            use the bench database as it is when it already holds at least N calls
//   --database NAME    database name on the server (default callboard_bench)
//   --repeats N        timed requests per page (default 40, after warm-up requests)
//   --deliveries N     webhooks for the throughput test (default 20000), --concurrency N (default 16)
//   --paced-rate N     requests/s for the latency test (default 200) over --paced-seconds (default 10)
//   --only LIST        run only some parts, comma-separated: pages, filters, work, export, ingestion, poison, live (default all)
//   --poison N         distinct ~1 MB deliveries of one call for the poison row (default 100)
// The poison and live rows need no big database: `npm run bench -- --only poison,live --calls 2000`.
// PORT sets the app's port (default 3361).
import os from "node:os";
import { existsSync } from "node:fs";
import pg from "pg";
import { migrateDatabase } from "../../lib/db/migrate.ts";
import { seedCalls } from "../seed/seed-calls.ts";
import { startTestApp } from "../../test/support/test-app.ts";
import { assertLocalDatabase } from "../../test/support/assert-local-database.ts";
import { timeExport, timePage, type PageTiming } from "./http-timing.ts";
import { benchPayloads, countStored, insertCeiling, sendAll, sendPaced } from "./ingestion.ts";
import { sampleMemory } from "./process-memory.ts";
import { sendPoisonCall } from "./poison-call.ts";
import { benchLive } from "./live-events.ts";
import { ms } from "./stats.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const count = (name: string, fallback: number) => Number(option(name, String(fallback)).replaceAll("_", ""));
const targetCalls = count("--calls", 1_000_000);
const repeats = count("--repeats", 40);
const deliveries = count("--deliveries", 20_000);
const concurrency = count("--concurrency", 16);
const pacedRate = count("--paced-rate", 200);
const pacedSeconds = count("--paced-seconds", 10);
const databaseName = option("--database", "callboard_bench");
const port = Number(process.env.PORT ?? 3361);
const poisonCount = count("--poison", 100);
const only = option("--only", "pages,filters,work,export,ingestion,poison,live").split(",");
const runs = (part: "pages" | "filters" | "work" | "export" | "ingestion" | "poison" | "live") => only.includes(part);

const server = process.env.DATABASE_URL;
if (!server) {
  console.error("[bench] set DATABASE_URL to a Postgres server, e.g. postgresql://postgres@127.0.0.1:5432/postgres");
  process.exit(2);
}
assertLocalDatabase(server);
if (!existsSync(".next/BUILD_ID")) {
  console.error("[bench] no production build found: run `npm run build` first");
  process.exit(2);
}
const benchUrl = Object.assign(new URL(server), { pathname: `/${databaseName}` }).toString();
const log = (message: string) => console.log(`[bench] ${message}`);

// 1. The database: created, migrated and seeded as needed.
const admin = new pg.Client({ connectionString: server });
await admin.connect();
if ((await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [databaseName])).rowCount === 0) {
  await admin.query(`CREATE DATABASE "${databaseName}"`);
}
await admin.end();
await migrateDatabase(benchUrl);
const db = new pg.Client({ connectionString: benchUrl });
await db.connect();
const existing = Number((await db.query<{ n: string }>("SELECT count(*)::text AS n FROM calls")).rows[0]!.n);
if (existing < targetCalls || !args.includes("--reuse")) {
  log(`seeding ${targetCalls} calls into ${databaseName} (it holds ${existing}; pass --reuse to keep a seeded database)`);
  const started = Date.now();
  await db.query("SET synchronous_commit = off");
  await seedCalls(db, {
    calls: targetCalls, seed: "callboard", until: new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000), days: 180,
    batchSize: 2000, reset: true,
    onProgress: (done) => process.stdout.write(`\r[bench] seeded ${done}/${targetCalls}`),
  });
  // A fresh seed has no visibility map: every index-only scan of calls would visit the heap, which a
  // server with autovacuum (unlike this machine's) never leaves so. Vacuumed once, as it would be.
  await db.query("VACUUM ANALYZE");
  log(`\nseeded in ${Math.round((Date.now() - started) / 1000)} s`);
}
// Campaigns and rollup rows are rewritten by every ingest batch. A server's autovacuum keeps these
// small tables compact; this project's development server runs with autovacuum off, so vacuum them
// here, as a default server would have, before timing the pages that read them.
await db.query("VACUUM ANALYZE campaigns, contacts, call_rollups, call_rollups_daily, call_answer_rollups, answer_call_rollups");
const calls = Number((await db.query<{ n: string }>("SELECT count(*)::text AS n FROM calls")).rows[0]!.n);
const topCampaigns = (await db.query<{ campaign_id: string }>(
  "SELECT campaign_id FROM call_rollups WHERE campaign_id IS NOT NULL GROUP BY 1 ORDER BY sum(calls) DESC LIMIT 5",
)).rows.map((r) => r.campaign_id);
const sampleIds = (await db.query<{ id: string }>("SELECT id FROM calls TABLESAMPLE SYSTEM (1) LIMIT 20")).rows.map((r) => r.id);
const newest = (await db.query<{ at: Date }>("SELECT max(created_at) AS at FROM calls")).rows[0]!.at;
// Values the filter rows look for: emails in contact.data, the most answered YES_NO and NUMBER questions.
const sampleEmails = (await db.query<{ email: string }>(
  "SELECT contact_data->>'email' AS email FROM calls TABLESAMPLE SYSTEM (1) WHERE contact_data ? 'email' LIMIT 5",
)).rows.map((r) => r.email);
const topQuestion = async (type: string) =>
  (await db.query<{ label: string }>("SELECT label FROM call_answer_rollups WHERE type = $1 GROUP BY 1 ORDER BY sum(answers) DESC LIMIT 1", [type])).rows[0]?.label;
// Contacts with several calls (their page has a timeline), and one found by email.
const repeatContacts = (await db.query<{ id: string }>(
  "SELECT id FROM contacts TABLESAMPLE SYSTEM (5) WHERE call_count >= 3 AND id NOT LIKE 'c0test%' LIMIT 10",
)).rows.map((r) => r.id);
const yesNoLabel = (await topQuestion("YES_NO")) ?? "Owns Home";
const numberLabel = (await topQuestion("NUMBER")) ?? "Monthly Electricity Bill";
await db.end();

// 2. The app, built, with its memory sampled throughout.
log(`starting the app on port ${port} against ${databaseName} (${calls} calls)`);
const app = await startTestApp({ databaseUrl: benchUrl, port });
const memory = sampleMemory(app.process.pid!);
const rows: [string, string, string][] = [];
const add = (measure: string, result: string, target = "") => rows.push([measure, result, target]);
// The peak so far at the end of each part, to tell which part raised it.
const peaks: string[] = [];
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const markPeak = (part: string) => {
  peaks.push(`${part} ${mb(memory.peak())}`);
  log(`server peak memory after ${part}: ${mb(memory.peak())} MB`);
};

try {
  // 3. Pages and APIs: p50/p95 over repeated requests.
  const day = (offset: number) => new Date(newest.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
  const week = `from=${day(37)}&to=${day(31)}`;
  const queries = ["q=tax%20credit", "q=Kowalski", "q=55501"];
  const enc = encodeURIComponent;
  const pages: [string, string[]][] = [
    ["/ (overview)", ["/"]],
    // A chart in a non-UTC zone: whole hours from the rollups (New York, DST days included), and in
    // Kolkata (+05:30) also the hour each local midnight cuts, read from calls.
    ["/ (overview) in America/New_York", ["/?tz=America%2FNew_York"]],
    ["/ (overview) in Asia/Kolkata", ["/?tz=Asia%2FKolkata"]],
    ["/campaigns/{id} in Asia/Kolkata", topCampaigns.map((c) => `/campaigns/${enc(c)}?tz=Asia%2FKolkata`)],
    ["/calls", ["/calls"]],
    ["/calls by campaign", topCampaigns.map((c) => `/calls?campaign=${enc(c)}`)],
    ["/calls by status", ["/calls?status=INTERESTED", "/calls?status=CALL_ME_LATER", "/calls?status=NO_ANSWER"]],
    ["/calls by date range (a week)", [`/calls?${week}`]],
    ["/calls text query", queries.map((q) => `/calls?${q}`)],
    ["/calls/{id}", sampleIds.map((id) => `/calls/${enc(id)}`)],
    ["/campaigns/{id}", topCampaigns.map((c) => `/campaigns/${enc(c)}`)],
    ["/api/stats", ["/api/stats"]],
    ["/api/stats by campaign and week", topCampaigns.map((c) => `/api/stats?campaign=${enc(c)}&${week}`)],
    ["/api/stats text query (scan fallback)", queries.map((q) => `/api/stats?${q}`)],
    ["/api/calls", ["/api/calls"]],
    ["/api/calls by campaign", topCampaigns.map((c) => `/api/calls?campaign=${enc(c)}`)],
    ["/api/calls by status", ["/api/calls?status=INTERESTED", "/api/calls?status=CALL_ME_LATER", "/api/calls?status=NO_ANSWER"]],
    ["/api/calls by date range", [`/api/calls?${week}`]],
    ["/api/calls text query", queries.map((q) => `/api/calls?${q}`)],
    ["/api/calls/{id}", sampleIds.map((id) => `/api/calls/${enc(id)}`)],
  ];
  const timings: PageTiming[] = [];
  for (const [label, paths] of runs("pages") ? pages : []) {
    const timing = await timePage(app.url, label, paths, repeats);
    timings.push(timing);
    add(`${label} p50 / p95`, timing.status === 404 ? "n/a (404)" : `${ms(timing.p50)} / ${ms(timing.p95)}`, "p95 ≤ 150 ms");
    log(`${label}: ${rows[rows.length - 1]![1]}`);
  }
  if (runs("pages")) markPeak("pages");

  // 3b. The filters of lib/calls/call-filters.ts: the list and its count (GET /api/calls answers both).
  const answer = (label: string, op: string, value: string) => `answer=${enc(`${enc(label)}:${op}:${enc(value)}`)}`;
  const savedView = `campaign=${enc(topCampaigns[0] ?? "")}&status=INTERESTED&status=CALL_ME_LATER&minDuration=60&${answer(yesNoLabel, "eq", "true")}&from=${day(90)}`;
  const filterRows: [string, string[]][] = [
    [`/api/calls answer (${yesNoLabel} eq true)`, [`/api/calls?${answer(yesNoLabel, "eq", "true")}`]],
    [`/api/calls answer (${numberLabel} gt 400)`, [`/api/calls?${answer(numberLabel, "gt", "400")}`]],
    ["/api/calls contactStatus=callMeLater", ["/api/calls?contactStatus=callMeLater", "/api/calls?contactStatus=doNotCall,wrongNumber"]],
    ["/api/calls duration 60–120 s", ["/api/calls?minDuration=60&maxDuration=120"]],
    ["/api/calls event (MEETING, FORWARD)", ["/api/calls?event=MEETING", "/api/calls?event=FORWARD"]],
    ["/api/calls q by email", sampleEmails.map((e) => `/api/calls?q=${enc(e)}`)],
    ["/api/calls q by call id", sampleIds.map((id) => `/api/calls?q=${enc(id)}`)],
    [`/api/stats answer (${yesNoLabel} eq true)`, [`/api/stats?${answer(yesNoLabel, "eq", "true")}`]],
    ["/api/stats?campaign= (overview by campaign)", topCampaigns.map((c) => `/api/stats?campaign=${enc(c)}`)],
    ["/?campaign= (overview page)", topCampaigns.map((c) => `/?campaign=${enc(c)}`)],
    ["/api/calls saved view (campaign, 2 statuses, duration, answer, 90 days)", [`/api/calls?${savedView}`]],
    ["/calls saved view (page)", [`/calls?${savedView}`]],
  ];
  for (const [label, paths] of runs("filters") ? filterRows : []) {
    const timing = await timePage(app.url, label, paths, repeats);
    const totals = await Promise.all(paths.slice(0, 1).filter((p) => p.startsWith("/api/calls")).map(async (p) => {
      const body = (await (await fetch(app.url + p)).json()) as { total: number; totalIsLowerBound: boolean };
      return `${body.total}${body.totalIsLowerBound ? "+" : ""}`;
    }));
    const result = `${ms(timing.p50)} / ${ms(timing.p95)}${totals.length > 0 ? ` (total ${totals[0]})` : ""}`;
    add(`${label} p50 / p95`, result, "p95 ≤ 150 ms");
    log(`${label}: ${result}`);
  }
  if (runs("filters")) markPeak("filters");

  // 3c. Where the team works: contacts, their pages, the follow-up queues (lib/contacts, lib/follow-ups).
  const workRows: [string, string[]][] = [
    ["/contacts", ["/contacts"]],
    ["/contacts?flag=callbackRequested", ["/contacts?flag=callbackRequested"]],
    ["/contacts/{id} (3+ calls)", repeatContacts.map((id) => `/contacts/${enc(id)}`)],
    ["/follow-ups (callbacks, open)", ["/follow-ups?queue=callbacks"]],
    ["/follow-ups (leads, open)", ["/follow-ups?queue=leads"]],
    ["/api/contacts", ["/api/contacts"]],
    ["/api/contacts q by email", sampleEmails.map((e) => `/api/contacts?q=${enc(e)}`)],
    ["/api/contacts by campaign and flag", topCampaigns.map((c) => `/api/contacts?campaign=${enc(c)}&flag=interested`)],
    ["/api/contacts/{id} (3+ calls)", repeatContacts.map((id) => `/api/contacts/${enc(id)}`)],
    ["/api/follow-ups?queue=callbacks", ["/api/follow-ups?queue=callbacks"]],
    ["/api/follow-ups?queue=leads", ["/api/follow-ups?queue=leads"]],
    ["/api/follow-ups?queue=callbacks&state=done", ["/api/follow-ups?queue=callbacks&state=done"]],
  ];
  for (const [label, paths] of runs("work") ? workRows : []) {
    const timing = await timePage(app.url, label, paths, repeats);
    const totals = await Promise.all(paths.slice(0, 1).filter((p) => p.startsWith("/api/") && !/\/api\/contacts\/./.test(p)).map(async (p) => {
      const body = (await (await fetch(app.url + p)).json()) as { total: number; totalIsLowerBound: boolean };
      return `${body.total}${body.totalIsLowerBound ? "+" : ""}`;
    }));
    const result = timing.status === 404 ? "n/a (404)" : `${ms(timing.p50)} / ${ms(timing.p95)}${totals.length > 0 ? ` (total ${totals[0]})` : ""}`;
    add(`${label} p50 / p95`, result, "p95 ≤ 150 ms");
    log(`${label}: ${result}`);
  }
  if (runs("work")) {
    const suppression = await timeExport(app.url, "/api/suppression/export");
    add("suppression export (/api/suppression/export)", `${Math.round(suppression.rows / suppression.seconds)} rows/s (${suppression.rows} rows in ${suppression.seconds.toFixed(2)} s)`);
    markPeak("work");
  }

  if (runs("export")) {
    const exportPath = `/api/calls/export?from=${day(30)}`;
    const csv = await timeExport(app.url, exportPath);
    add(`CSV export (${exportPath})`, csv.status === 404 ? "n/a (404)" : `${Math.round(csv.rows / csv.seconds)} rows/s (${csv.rows} rows in ${csv.seconds.toFixed(1)} s)`, "≥ 20,000 rows/s");
    markPeak("export");
  }

  if (runs("ingestion")) {
    // 4. Ingestion: throughput at 16 concurrent senders, verified in the database, next to the ceiling.
    const runId = Date.now().toString(36);
    const payloads = benchPayloads(deliveries, runId);
    log(`sending ${payloads.length} webhooks with ${concurrency} concurrent senders`);
    const ingest = await sendAll(`${app.url}/api/webhooks/voxia`, payloads, concurrency);
    const stored = await countStored(benchUrl, payloads);
    log(`ceiling: the same ${payloads.length} payloads as single-row INSERT … ON CONFLICT, ${concurrency} connections`);
    const ceiling = await insertCeiling(benchUrl, payloads, concurrency);
    add(`ingestion, ${concurrency} senders (stored ${stored}/${payloads.length}, errors ${ingest.errors})`, `${Math.round(ingest.perSecond)} webhooks/s`);
    add("ingestion ack latency p50 / p99", `${ms(ingest.p50)} / ${ms(ingest.p99)}`);
    add(`ceiling: single-row INSERT … ON CONFLICT, ${concurrency} connections`, `${Math.round(ceiling.perSecond)} rows/s`);
    add("ingestion / ceiling", `${Math.round((100 * ingest.perSecond) / ceiling.perSecond)} %`, "≥ 50 %");

    const paced = benchPayloads(pacedRate * pacedSeconds, `${runId}p`);
    log(`paced: ${paced.length} webhooks at ${pacedRate}/s`);
    const pace = await sendPaced(`${app.url}/api/webhooks/voxia`, paced, pacedRate);
    add(`ack latency at ${pacedRate} req/s p50 / p99 (errors ${pace.errors})`, `${ms(pace.p50)} / ${ms(pace.p99)}`, "p99 ≤ 100 ms");
    markPeak("ingestion");
  }

  if (runs("poison")) {
    // 5. A poison call: distinct ~1 MB deliveries of one call, other calls flowing meanwhile.
    const runId = Date.now().toString(36);
    log(`poison: ${poisonCount} distinct ~1 MB deliveries of one call, 4 other senders meanwhile`);
    const poison = await sendPoisonCall(`${app.url}/api/webhooks/voxia`, {
      callId: `poison-${runId}`, count: poisonCount, others: benchPayloads(20_000, `${runId}o`), otherSenders: 4,
    });
    const at = (n: number) => {
      const ack = poison.poisonAcks[n - 1];
      return ack === undefined ? "n/a" : ack === null ? `failed (${poison.poisonStatuses[n - 1]})` : ms(ack);
    };
    const failed = poison.poisonStatuses.filter((s) => s !== 200).length;
    const marks = [1, 10, 100, poisonCount].filter((n, i, all) => n <= poisonCount && all.indexOf(n) === i);
    add(`poison call: ack of delivery ${marks.join(" / ")} (failed ${failed}, server ${app.process.exitCode === null ? "up" : "died"})`, marks.map(at).join(" / "));
    add(`other calls meanwhile p50 / p99 / max (${poison.others.count} sent, errors ${poison.others.errors})`,
      `${ms(poison.others.p50)} / ${ms(poison.others.p99)} / ${ms(poison.others.max)}`, "p99 ≤ 2 s");
    markPeak("poison");
  }

  if (runs("live")) {
    // 6. Live: a webhook acknowledged by a second instance, to its event on this one's stream; 200 streams held open.
    log("live: 300 webhooks into a second instance, each timed to its event on a stream of this one; then 200 open streams");
    const live = await benchLive(app, benchUrl, { deliveries: 300, streams: 200 });
    add(`live: webhook ack (instance B) → event on a stream (instance A) p50 / p99 (${live.samples} samples, missed ${live.missed})`, `${ms(live.p50)} / ${ms(live.p99)}`);
    add(`live: 200 open streams, one event to all (${live.deliveredToAll ? "all received it" : "NOT all received it"})`, `${Math.round(live.streamsMb)} MB server RSS, ${live.perStreamKb.toFixed(1)} KB per stream`);
    markPeak("live");
  }
} finally {
  add("server peak memory (RSS, next-server tree)", `${mb(memory.peak())} MB (so far, after ${peaks.join(", ")})`, "≤ 500 MB");
  memory.stop();
  await app.stop();
}

const header: [string, string, string] = ["measure", "result", "target"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
console.log(`\nCallboard benchmark, ${new Date().toISOString()}: ${calls} calls, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} at the end`);
console.log(line(header));
console.log(line(widths.map((w) => "-".repeat(w))));
for (const row of rows) console.log(line(row));
process.exit(0);
