// The calls pages' server-rendered states that the shared e2e database cannot show: an empty database,
// only test calls, and the HTTP status of an unknown call.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { lifecycleDeliveries, payloadFor } from "../support/voxia-fixtures.ts";

let database: TestDatabase;
let app: TestApp;

before(async () => {
  database = await createTestDatabase("calls_pages");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded });
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

const html = async (path: string) => {
  const res = await fetch(`${app.url}${path}`);
  return { status: res.status, text: await res.text() };
};

test("before any call arrives, /calls says so and links to the Connect page", async () => {
  const page = await html("/calls");
  assert.equal(page.status, 200);
  assert.match(page.text, /No calls received yet/);
  assert.match(page.text, /href="\/settings\/webhook"/);
  assert.doesNotMatch(page.text, /No calls match these filters/);
});

test("with only a test call, the default view says nothing matches and offers to clear filters", async () => {
  for (const { body } of lifecycleDeliveries({ id: "only-test", isTestCall: true, outcome: "INTERESTED" })) {
    assert.equal((await postWebhook(app, body)).status, 200);
  }
  const page = await html("/calls");
  assert.match(page.text, /No calls match these filters/);
  assert.match(page.text, />0 calls</);
  assert.doesNotMatch(page.text, /No calls received yet/);
  const only = (await html("/calls?test=only")).text;
  assert.match(only, /href="\/calls\/only-test\?test=only"/);
  // The count streams in with the page's HTML, server-rendered.
  assert.match(only, />1 call</);
});

test("an unknown call is an HTTP 404 with the not-found page; a malformed filter is ignored, not fatal", async () => {
  const missing = await html("/calls/never-received");
  assert.equal(missing.status, 404);
  assert.match(missing.text, /Call not found/);
  const lenient = await html("/calls?from=not-a-date&test=only");
  assert.equal(lenient.status, 200);
  assert.match(lenient.text, /only-test/);
});

test("the table is rendered on the server, times included (in UTC until the browser has set its zone)", async () => {
  const page = await html("/calls?test=only");
  assert.match(page.text, /<a [^>]*href="\/calls\/only-test\?test=only"/);
  assert.match(page.text, /<time dateTime="2024-03-11T14:56:41.642Z" title="[^"]*shown in UTC">Mar 11, 2024, 2:56\sPM<\/time>/);
});

test("a call whose id holds URL-special characters has a working page", async () => {
  for (const id of ["a%41b", "x/y z?#"]) {
    const spec = { id, contact: { id: `c-${id}`, name: `Caller ${id}`, phoneNumber: "+15550001111" } };
    assert.equal((await postWebhook(app, JSON.stringify(payloadFor(spec, "HANG_UP", "ended")))).status, 200);
    const page = await html(`/calls/${encodeURIComponent(id)}`);
    assert.equal(page.status, 200, id);
    assert.ok(page.text.includes(`<title>Call with Caller ${id.replace("&", "&amp;")} · Callboard</title>`), id);
  }
});

test("a status Voxia adds later is offered in the status filter and shown in the table", async () => {
  const body = { ...payloadFor({ id: "new-status", contact: { id: "c-ns", name: "Nia Status", phoneNumber: "+15550002222" } }, "HANG_UP", "ended"), status: "VOICEMAIL_LEFT_TWICE" };
  assert.equal((await postWebhook(app, JSON.stringify(body))).status, 200);
  // The filter bar's status choices (sent to the page with its props) include it.
  assert.match((await html("/calls")).text, /statuses\\?":\[[^\]]*VOICEMAIL_LEFT_TWICE/);
  const filtered = (await html("/calls?status=VOICEMAIL_LEFT_TWICE")).text;
  assert.match(filtered, /Nia Status/);
  assert.match(filtered, />Status: voicemail left twice</);
});
