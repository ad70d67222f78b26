// Promise: bad input gets a clear error in one shape, {"error":{"code","message"}} — 400 for a body
// that is not JSON (saying where parsing failed) or is nested deeper than 64 levels, 422 for JSON
// without a usable call id (naming the field), 413 for a body over 1 MiB (refused while it is still
// arriving), 415 for a content type that is not JSON. The server stays up, stores nothing for a
// refused request, and counts and keeps refusals (tokens stripped) for the operator.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { streamingPost } from "../support/streaming-post.ts";
import { payloadFor } from "../support/voxia-fixtures.ts";

const SECRET = "whs_badinput_9fK2mQ7x";
const MIB = 1024 * 1024;
let database: TestDatabase;
let app: TestApp;

before(async () => {
  database = await createTestDatabase("bad_input");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded, env: { WEBHOOK_SECRET: SECRET } });
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

const query = `?token=${SECRET}`;
const nested = (depth: number) => `{"id":"deep-${depth}","x":${"[".repeat(depth - 1)}${"]".repeat(depth - 1)}}`;

type Case = { name: string; body: string; contentType?: string | null; status: number; code: string; message: RegExp; field?: string };

const CASES: Case[] = [
  { name: "a cut-off object", body: '{"id": "c1", "status": ', status: 400, code: "invalid_json", message: /end of input.*line 1, column 24/ },
  {
    name: "a missing comma on line 3",
    body: '{\n  "id": "c2",\n  "status": "INTERESTED"\n  "duration": 5\n}',
    status: 400,
    code: "invalid_json",
    message: /expected ',' or '}'.*line 4, column 3/,
  },
  { name: "single-quoted strings", body: "{'id': 'c3'}", status: 400, code: "invalid_json", message: /property name in double quotes.*line 1, column 2/ },
  { name: "a trailing comma", body: '{"id": "c4",}', status: 400, code: "invalid_json", message: /line 1, column 13/ },
  { name: "form-encoded data sent as JSON", body: "id=c5&status=INTERESTED", status: 400, code: "invalid_json", message: /line 1, column 1/ },
  { name: "an empty body", body: "", status: 400, code: "invalid_json", message: /empty/ },
  { name: "two JSON values", body: '{"id":"c6"} {"id":"c7"}', status: 400, code: "invalid_json", message: /after the end.*line 1, column 13/ },
  { name: "an unknown shell constructor", body: '{"id": "c8", "n": new Foo(1)}', status: 400, code: "invalid_json", message: /line 1, column 19/ },
  { name: "nesting 65 levels deep", body: nested(65), status: 400, code: "too_deeply_nested", message: /deeper than 64/ },
  { name: "nesting 10 000 levels deep", body: "[".repeat(10_000), status: 400, code: "too_deeply_nested", message: /deeper than 64/ },
  { name: "no id", body: '{"status": "INTERESTED"}', status: 422, code: "unusable_payload", message: /"id" field is missing/, field: "id" },
  { name: "an empty id", body: '{"id": "  "}', status: 422, code: "unusable_payload", message: /"id"/, field: "id" },
  { name: "a null id", body: '{"id": null}', status: 422, code: "unusable_payload", message: /"id" field must be a non-empty string, not null/, field: "id" },
  { name: "an object id", body: '{"id": {"a": 1}}', status: 422, code: "unusable_payload", message: /not a object|not an object/, field: "id" },
  { name: "an id of 256 characters", body: JSON.stringify({ id: "x".repeat(256) }), status: 422, code: "unusable_payload", message: /longer than 255/, field: "id" },
  { name: "an array body", body: "[]", status: 422, code: "unusable_payload", message: /JSON object/, field: "(body)" },
  { name: "a string body", body: '"hello"', status: 422, code: "unusable_payload", message: /JSON object/, field: "(body)" },
  { name: "text/plain", body: '{"id":"t1"}', contentType: "text/plain", status: 415, code: "unsupported_media_type", message: /application\/json/ },
  { name: "form encoding", body: "id=t2", contentType: "application/x-www-form-urlencoded", status: 415, code: "unsupported_media_type", message: /x-www-form-urlencoded/ },
  { name: "XML", body: "<call/>", contentType: "application/xml", status: 415, code: "unsupported_media_type", message: /application\/xml/ },
];

for (const c of CASES) {
  test(`${c.status} ${c.code} for ${c.name}`, async () => {
    const res = await postWebhook(app, c.body, { query, contentType: c.contentType });
    const json = await res.json();
    assert.equal(res.status, c.status, JSON.stringify(json));
    assert.equal(json.error.code, c.code);
    assert.match(json.error.message, c.message);
    if (c.field) assert.equal(json.error.field, c.field);
  });
}

test("nesting exactly 64 levels deep is accepted", async () => {
  const res = await postWebhook(app, nested(64), { query });
  assert.equal(res.status, 200, await res.text());
});

test("JSON content types with parameters or a +json suffix, and no content type, are accepted", async () => {
  for (const [i, contentType] of ["application/json; charset=utf-8", "application/vnd.voxia+json", "text/json", null].entries()) {
    // A Buffer body, so that fetch adds no text/plain of its own when contentType is null.
    const res = await postWebhook(app, Buffer.from(JSON.stringify({ id: `ct-${i}` })), { query, contentType });
    assert.equal(res.status, 200, `${contentType}: ${await res.text()}`);
  }
});

test("a body of exactly 1 MiB is accepted", async () => {
  const base = JSON.stringify({ id: "one-mib", pad: "" });
  const body = base.replace('"pad":""', `"pad":"${"p".repeat(MIB - base.length)}"`);
  assert.equal(Buffer.byteLength(body), MIB);
  const res = await postWebhook(app, body, { query });
  assert.equal(res.status, 200, await res.text());
});

test("413 for a declared Content-Length over 1 MiB, answered before the body is sent", async () => {
  const result = await streamingPost(`${app.url}/api/webhooks/voxia${query}`, { contentLength: 64 * MIB, maxBytes: 64 * MIB });
  assert.equal(result.status, 413);
  assert.equal(JSON.parse(result.body).error.code, "payload_too_large");
  assert.ok(result.bytesSent < 16 * MIB, `the client had to send ${result.bytesSent} bytes before the answer`);
});

test("413 for a chunked body with no Content-Length that grows past 1 MiB, without reading the rest", async () => {
  const result = await streamingPost(`${app.url}/api/webhooks/voxia${query}`, { maxBytes: 64 * MIB });
  assert.equal(result.status, 413);
  assert.equal(JSON.parse(result.body).error.code, "payload_too_large");
  assert.ok(result.bytesSent < 16 * MIB, `the client had to send ${result.bytesSent} bytes before the answer`);
});

test("the server is still up and ingesting after all of that", async () => {
  const health = await fetch(`${app.url}/api/health`);
  assert.equal(health.status, 200);
  const res = await postWebhook(app, JSON.stringify(payloadFor({ id: "after-bad-input" }, "HANG_UP", "ended")), { query });
  assert.equal(res.status, 200);
});

test("a refused body's excerpt is kept with credentials stripped, and no body fragment reaches the log", async () => {
  const leaky = `{"id": "leak", "phoneFrom": +15550001234, "apiKey": "${SECRET}", "token": "tok_abc123def456"`;
  const res = await postWebhook(app, leaky, { query });
  assert.equal(res.status, 400);
  const unusable = `{"note": "no id here", "webhookUrl": "https://cb.example/api/webhooks/voxia?token=${SECRET}"}`;
  assert.equal((await postWebhook(app, unusable, { query })).status, 422);
  const garbled = `${SECRET} is not JSON`;
  assert.equal((await postWebhook(app, garbled, { query })).status, 400);

  const output = app.output();
  for (const fragment of [SECRET.slice(0, 8), "5550001234", "tok_abc123"]) {
    assert.ok(!output.includes(fragment), `the app's output contains "${fragment}"`);
  }
});

test("refused requests stored no delivery, were all counted, and the newest are kept", async () => {
  await app.stop();
  const deliveries = await database.query<{ call_id: string }>("SELECT call_id FROM deliveries");
  const accepted = new Set(deliveries.map((d) => d.call_id));
  assert.deepEqual(
    [...accepted].sort(),
    ["after-bad-input", "ct-0", "ct-1", "ct-2", "ct-3", "deep-64", "one-mib"],
    "only the accepted deliveries were stored",
  );

  const counts = Object.fromEntries(
    (await database.query<{ code: string; count: string }>("SELECT code, count FROM rejection_counts")).map((r) => [r.code, Number(r.count)]),
  );
  const expected: Record<string, number> = { payload_too_large: 2 };
  for (const c of CASES) expected[c.code] = (expected[c.code] ?? 0) + 1;
  expected.invalid_json! += 2;
  expected.unusable_payload! += 1;
  assert.deepEqual(counts, expected);

  const rejected = await database.query<{ http_status: number; code: string; message: string; body_excerpt: string | null; body_bytes: number | null }>(
    "SELECT http_status, code, message, body_excerpt, body_bytes FROM rejected_requests ORDER BY id",
  );
  assert.equal(rejected.length, CASES.length + 5);
  const stored = rejected.map((r) => JSON.stringify(r)).join("\n");
  assert.ok(!stored.includes(SECRET.slice(0, 8)), "the webhook secret is stripped from what is kept");
  assert.ok(!stored.includes("tok_abc123"), "token-looking values are stripped from what is kept");
  const leak = rejected.find((r) => r.body_excerpt?.includes('"leak"'));
  assert.ok(leak, "the refused body's excerpt is kept");
  assert.match(leak.body_excerpt!, /"apiKey": "\[removed\]"/);

  const deep = rejected.find((r) => r.code === "too_deeply_nested" && r.body_bytes === 10_000);
  assert.ok(deep, "the 10 000-level body is recorded with its size");
  assert.ok(deep.body_excerpt!.length <= 2049, "the excerpt is truncated to 2 KiB");
  const tooLarge = rejected.filter((r) => r.http_status === 413);
  assert.equal(tooLarge.length, 2);
  assert.ok(tooLarge.every((r) => r.body_excerpt === null), "an oversized body is not kept");
});
