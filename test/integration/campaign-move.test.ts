// Promise: a call that moves to another campaign (or contact) takes its place with it — the first
// campaign is not listed forever with 0 calls — and the live campaign and contact rows are exactly
// those a rebuild from the delivery log (`npm run reprocess -- --from-scratch`) produces.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { readCallTables } from "../support/call-tables.ts";
import { payloadFor, type CallSpec } from "../support/voxia-fixtures.ts";

let database: TestDatabase;
let app: TestApp;

before(async () => {
  database = await createTestDatabase("campaign_move");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded });
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

const ALPHA = { id: "camp-alpha", name: "Alpha Outreach" };
const BETA = { id: "camp-beta", name: "Beta Outreach" };
const contact = (id: string, name: string) => ({ id, name, phoneNumber: "+15550001111", data: { who: name } });

async function deliver(spec: CallSpec, event: string, stage: "early" | "ended" | "final") {
  const res = await postWebhook(app, JSON.stringify(payloadFor(spec, event, stage)));
  assert.equal(res.status, 200, await res.text());
}

const campaignsPage = async () => (await fetch(`${app.url}/campaigns`)).text();

test("a call that moves from campaign A to B leaves nothing of A behind", async () => {
  await deliver({ id: "mover", campaign: ALPHA, contact: contact("c-old", "Old Contact"), createdAt: "2024-03-01T10:00:00Z" }, "DIALING", "early");
  assert.match(await campaignsPage(), /Alpha Outreach/);

  // A later stage of the same call names campaign B (and another contact).
  await deliver({ id: "mover", campaign: BETA, contact: contact("c-new", "New Contact"), createdAt: "2024-03-01T10:00:00Z" }, "HANG_UP", "ended");
  const html = await campaignsPage();
  assert.match(html, /Beta Outreach/);
  assert.doesNotMatch(html, /Alpha Outreach/);
  const stats = await (await fetch(`${app.url}/api/stats`)).json();
  assert.deepEqual(stats.campaigns.map((c: { campaign: { id: string } }) => c.campaign.id), [BETA.id]);
});

test("a campaign's name follows its newest call that names one, also when that call leaves", async () => {
  await deliver({ id: "first", campaign: { id: "camp-gamma", name: "Gamma v1" }, createdAt: "2024-04-01T09:00:00Z" }, "HANG_UP", "ended");
  await deliver({ id: "second", campaign: { id: "camp-gamma", name: "Gamma v2" }, createdAt: "2024-04-02T09:00:00Z" }, "DIALING", "early");
  let html = await campaignsPage();
  assert.match(html, /Gamma v2/);
  assert.doesNotMatch(html, /Gamma v1/);
  // The newer call moves to Beta: Gamma is again what its remaining call says.
  await deliver({ id: "second", campaign: BETA, createdAt: "2024-04-02T09:00:00Z" }, "HANG_UP", "ended");
  html = await campaignsPage();
  assert.match(html, /Gamma v1/);
  assert.doesNotMatch(html, /Gamma v2/);
});

test("the tables hold exactly that, and equal a rebuild from scratch, campaigns and contacts included", async () => {
  await app.stop(); // --from-scratch is for a stopped app (and the embedded database takes one connection).
  const live = await readCallTables(database);
  assert.deepEqual(live.campaigns, [
    { ...BETA, last_call_at: new Date("2024-04-02T09:00:00Z") },
    { id: "camp-gamma", name: "Gamma v1", last_call_at: new Date("2024-04-01T09:00:00Z") },
  ]);
  assert.deepEqual(live.contacts.map((c) => [c.id, c.name]).filter(([id]) => String(id).startsWith("c-")), [["c-new", "New Contact"]]);
  if (database.embedded) await new Promise((resolve) => setTimeout(resolve, 300));
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/reprocess.ts", "--from-scratch"], {
    env: { ...process.env, DATABASE_URL: database.url, ...(database.embedded ? { CALLBOARD_EMBEDDED_DB: "1" } : {}) },
    encoding: "utf8",
    timeout: 120_000,
  });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.deepEqual(await readCallTables(database), live);
});
