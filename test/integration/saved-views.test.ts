// Saved views over real HTTP: a named calls filter everyone shares, created, listed, renamed and
// deleted through /api/views, and opened on the calls page as the filter it names.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { payloadFor } from "../support/voxia-fixtures.ts";

const API_TOKEN = "views-token-7c21";
let database: TestDatabase;
let app: TestApp;

before(async () => {
  database = await createTestDatabase("saved_views");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded, env: { DASHBOARD_PASSWORD: "pw-views-test", API_TOKEN } });
  for (const [id, outcome] of [["v-hot", "INTERESTED"], ["v-later", "CALL_ME_LATER"]] as const) {
    const body = JSON.stringify(payloadFor({ id, outcome }, `POST_PROCESSING_FINISHED:${outcome}`, "final"));
    assert.equal((await postWebhook(app, body)).status, 200);
  }
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

async function api(method: string, path: string, body?: unknown, auth = true) {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: { ...(auth ? { authorization: `Bearer ${API_TOKEN}` } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads whatever JSON came back
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, any>) : null };
}

test("a view is saved with its filter normalised, listed by name, renamed and deleted", async () => {
  const created = await api("POST", "/api/views", { name: "  Hot leads ", query: "?status=INTERESTED&cursor=abc&test=exclude" });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  // Trimmed; paging and defaults dropped, so the view opens the filter from its first page.
  assert.equal(created.json!.name, "Hot leads");
  assert.equal(created.json!.query, "status=INTERESTED");
  const other = await api("POST", "/api/views", { name: "Asked for a callback", query: "status=CALL_ME_LATER" });
  assert.equal(other.status, 201);

  const listed = await api("GET", "/api/views");
  assert.deepEqual(listed.json!.views.map((v: { name: string }) => v.name), ["Asked for a callback", "Hot leads"]);

  // The view's query, given to the list API, selects the calls it names.
  const calls = await api("GET", `/api/calls?${created.json!.query}`);
  assert.deepEqual(calls.json!.calls.map((c: { id: string }) => c.id), ["v-hot"]);

  const renamed = await api("PATCH", `/api/views/${created.json!.id}`, { name: "Hot leads (all time)" });
  assert.equal(renamed.status, 200);
  assert.equal(renamed.json!.name, "Hot leads (all time)");
  assert.equal(renamed.json!.query, "status=INTERESTED");

  assert.equal((await api("DELETE", `/api/views/${created.json!.id}`)).status, 204);
  assert.equal((await api("DELETE", `/api/views/${created.json!.id}`)).status, 404);
  assert.deepEqual((await api("GET", "/api/views")).json!.views.map((v: { name: string }) => v.name), ["Asked for a callback"]);
});

test("a name is one view whatever its case: a second one is a 409, on create and on rename", async () => {
  const first = await api("POST", "/api/views", { name: "Wrong numbers", query: "contactStatus=wrongNumber" });
  assert.equal(first.status, 201);
  const again = await api("POST", "/api/views", { name: "wrong NUMBERS", query: "" });
  assert.equal(again.status, 409);
  assert.equal(again.json!.error.field, "name");
  const second = await api("POST", "/api/views", { name: "Everything", query: "" });
  assert.equal(second.status, 201);
  assert.equal(second.json!.query, "");
  const clash = await api("PATCH", `/api/views/${second.json!.id}`, { name: "Wrong Numbers" });
  assert.equal(clash.status, 409);
});

test("bad input is a 400 naming the field, or the filter parameter, and stores nothing", async () => {
  const before = (await api("GET", "/api/views")).json!.views.length;
  const cases: [unknown, string, string?][] = [
    [{ name: "", query: "" }, "name"],
    [{ name: "x".repeat(101), query: "" }, "name"],
    [{ name: 42, query: "" }, "name"],
    [{ name: "Bad status filter", query: "contactStatus=sometimes" }, "query", "contactStatus"],
    [{ name: "Bad answer op", query: "answer=Budget:between:5" }, "query", "answer"],
    [{ name: "Bad date", query: "from=yesterday" }, "query", "from"],
    [{ name: "Query not text", query: ["status=INTERESTED"] }, "query"],
  ];
  for (const [body, field, param] of cases) {
    const response = await api("POST", "/api/views", body);
    assert.equal(response.status, 400, JSON.stringify(body));
    assert.equal(response.json!.error.field, field, JSON.stringify(body));
    if (param) assert.equal(response.json!.error.param, param, JSON.stringify(body));
  }
  const notJson = await api("POST", "/api/views", "{name:");
  assert.equal(notJson.status, 400);
  assert.equal(notJson.json!.error.code, "invalid_json");
  assert.equal((await api("PATCH", "/api/views/999999", { name: "Nobody" })).status, 404);
  assert.equal((await api("DELETE", "/api/views/not-an-id")).status, 404);
  assert.equal((await api("GET", "/api/views")).json!.views.length, before);
});

test("without a session or the API token the views cannot be read or changed", async () => {
  assert.equal((await api("GET", "/api/views", undefined, false)).status, 401);
  assert.equal((await api("POST", "/api/views", { name: "Sneaky", query: "" }, false)).status, 401);
  const names = (await api("GET", "/api/views")).json!.views.map((v: { name: string }) => v.name);
  assert.ok(!names.includes("Sneaky"));
});
