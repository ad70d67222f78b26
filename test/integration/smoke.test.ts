import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";

const example = readFileSync(new URL("../../lib/voxia/published-example.json", import.meta.url));
let database: TestDatabase;
let app: TestApp;

before(async () => {
  database = await createTestDatabase("smoke");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded });
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

test("the published example is stored and readable through the API", async () => {
  const res = await postWebhook(app, example);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { ok: true, callId: "{callId}", duplicate: false });
  const call = await (await fetch(`${app.url}/api/calls/${encodeURIComponent("{callId}")}`)).json();
  assert.equal(call.status, "INTERESTED");
  assert.equal(call.keyQuestions[0].order, 1);
});
