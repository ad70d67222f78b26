// Promise: nothing Voxia sends is changed on the way in. Numbers keep every digit (a 20-digit call id
// is that call, not a neighbour's), every acknowledged id is found again at /api/calls/{id} and its
// page, an id that cannot be stored exactly is refused naming `id`, known fields in shapes this
// version cannot read are kept and shown as "not understood", dates are read strictly and the same
// in every time zone, and gzip/deflate bodies are decoded under the same 1 MiB limit.
// The app runs with TZ=Asia/Tokyo: nothing it stores or serves may depend on that.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { gzipSync, deflateSync } from "node:zlib";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { JsonNumber, parseVoxiaJson } from "../../lib/voxia/parse-voxia-json.ts";
import { csvRecords } from "../support/parse-csv.ts";

let database: TestDatabase;
let app: TestApp;

before(async () => {
  database = await createTestDatabase("exact_values");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded, env: { TZ: "Asia/Tokyo" } });
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- served JSON, checked field by field below
type Json = Record<string, any>;

async function ack(body: string | Buffer, init: Parameters<typeof postWebhook>[2] = {}) {
  const res = await postWebhook(app, body, init);
  const json = await res.json();
  return { status: res.status, json };
}

/** The served call, as text (to look for digits) and parsed without rounding. */
async function served(id: string): Promise<{ text: string; call: Json }> {
  const res = await fetch(`${app.url}/api/calls/${encodeURIComponent(id)}`);
  const text = await res.text();
  assert.equal(res.status, 200, `GET /api/calls/${encodeURIComponent(id)}: ${text}`);
  return { text, call: parseVoxiaJson(text) as Json };
}

async function page(id: string): Promise<string> {
  const res = await fetch(`${app.url}/calls/${encodeURIComponent(id)}`);
  const text = await res.text();
  assert.equal(res.status, 200, `GET /calls/${encodeURIComponent(id)}`);
  return text;
}

const escapeHtml = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");

test("two numeric ids beyond 2^53 are two calls, each found under its exact digits", async () => {
  for (const [digits, name] of [["67212411941217521949", "Ada"], ["67212411941217521950", "Bea"]] as const) {
    const { status, json } = await ack(`{"id":${digits},"status":"NEW","contact":{"name":"${name}"}}`);
    assert.equal(status, 200, JSON.stringify(json));
    assert.equal(json.callId, digits);
  }
  const stored = await database.query<{ id: string; contact_name: string }>(`SELECT id, contact_name FROM calls WHERE id LIKE '672124%' ORDER BY id`);
  assert.deepEqual(stored, [
    { id: "67212411941217521949", contact_name: "Ada" },
    { id: "67212411941217521950", contact_name: "Bea" },
  ]);
  assert.equal((await served("67212411941217521949")).call.contact.name, "Ada");
  assert.equal((await served("67212411941217521950")).call.contact.name, "Bea");
  assert.match(await page("67212411941217521950"), /67212411941217521950/);
});

test("big integers and long decimals keep their digits in the database, the read API and the call page", async () => {
  const body = `{"id":"big-numbers","createdAt":"2024-03-11T14:56:41Z",
    "duration":123456789012345678901,
    "contact":{"name":"Cy","data":{"account":12345678901234567890123,"ratio":0.1000000000000000055511151231257827,"plain":42}},
    "summary":{"Huge":{"type":"NUMBER","order":1,"value":1e400},"Long":{"type":"NUMBER","order":2,"value":98765432109876543210987}},
    "events":[{"type":"SMS","data":{"smsSid":"SM1","counter":11111111111111111111}}],
    "loyaltyPoints":99999999999999999999999999}`;
  const { status } = await ack(body);
  assert.equal(status, 200);

  const [row] = await database.query<{ contact_data: string; extra: string; duration: number }>(
    `SELECT contact_data::text, extra::text, duration FROM calls WHERE id = 'big-numbers'`,
  );
  assert.match(row!.contact_data, /"account": 12345678901234567890123\b/);
  assert.match(row!.contact_data, /"ratio": 0\.1000000000000000055511151231257827\b/);
  assert.match(row!.extra, /"loyaltyPoints": 99999999999999999999999999\b/);
  assert.equal(row!.duration, 1.2345678901234568e20, "a duration beyond 2^53 is kept as a number (float8)");
  const answers = await database.query<{ label: string; value: string; value_text: string }>(
    `SELECT label, value::text, value_text FROM call_answers WHERE call_id = 'big-numbers' ORDER BY label`,
  );
  assert.deepEqual(answers.map((a) => [a.label, a.value_text]), [["Huge", "1e400"], ["Long", "98765432109876543210987"]]);
  assert.equal(answers[0]!.value, '"1e400"', "1e400 (401 digits written out) is stored as its text");

  const { text, call } = await served("big-numbers");
  assert.match(text, /"account":12345678901234567890123[,}]/);
  assert.match(text, /"ratio":0\.1000000000000000055511151231257827[,}]/);
  assert.match(text, /"loyaltyPoints":99999999999999999999999999\}/);
  assert.match(text, /"counter":11111111111111111111\}/);
  assert.deepEqual(call.contact.data, {
    account: new JsonNumber("12345678901234567890123"),
    ratio: new JsonNumber("0.1000000000000000055511151231257827"),
    plain: 42,
  });
  const huge = call.keyQuestions.find((q: Json) => q.label === "Huge");
  assert.deepEqual([huge.value, huge.valueText], ["1e400", "1e400"], "value and valueText agree");
  const long = call.keyQuestions.find((q: Json) => q.label === "Long");
  assert.deepEqual([long.value, long.valueText], [new JsonNumber("98765432109876543210987"), "98765432109876543210987"]);
  assert.equal(call.notUnderstood, null, "every number here was understood");

  const csv = csvRecords(await (await fetch(`${app.url}/api/calls/export?headers=keys`)).text()).find((r) => r.id === "big-numbers");
  // As text a spreadsheet keeps (="…"), since as a number it would round to 15 digits.
  assert.equal(csv!["contact.data.account"], '="12345678901234567890123"', "the CSV export keeps the digits too");

  const html = await page("big-numbers");
  for (const digits of ["12345678901234567890123", "0.1000000000000000055511151231257827", "99999999999999999999999999", "1e400", "98765432109876543210987"]) {
    assert.ok(html.includes(digits), `the call page shows ${digits}`);
  }
});

test("a duration of 1e400 is no number for the duration, and is kept as sent", async () => {
  assert.equal((await ack('{"id":"inf-duration","duration":1e400,"totalDuration":"1e400"}')).status, 200);
  const { call, text } = await served("inf-duration");
  assert.deepEqual([call.duration, call.totalDuration], [null, null]);
  assert.match(text, /"notUnderstood":\{"duration":"1e400","totalDuration":"1e400"\}/);
});

// Ids a URL makes awkward, each of which must come back exactly at /api/calls/{encodeURIComponent(id)}.
const AWKWARD_IDS = [
  "100%", "a%41b", "%2E%2E", "x/y", "a/../b", "what?", "q?a=1&b=2", "hash#tag", "with space", "tab\there",
  "ünïcødé", "通话-42", "📞 call", "...", "a..b", ".hidden", "back\\slash", "<b>bold</b>", `quote"s'`, "a\uFFFD",
  "+1 (555) 010-0000", "x".repeat(255), "📞".repeat(127),
];

test("every acknowledged id, however awkward in a URL, is found by the read API and has a call page", async () => {
  for (const id of AWKWARD_IDS) {
    const { status, json } = await ack(JSON.stringify({ id, status: "NEW" }));
    assert.equal(status, 200, `${JSON.stringify(id)}: ${JSON.stringify(json)}`);
    assert.equal(json.callId, id);
  }
  const stored = new Set((await database.query<{ id: string }>(`SELECT id FROM calls`)).map((r) => r.id));
  for (const id of AWKWARD_IDS) {
    assert.ok(stored.has(id), `${JSON.stringify(id)} is stored as sent`);
    assert.equal((await served(id)).call.id, id, `GET /api/calls/${encodeURIComponent(id)}`);
    assert.ok((await page(id)).includes(escapeHtml(id)), `the page of ${JSON.stringify(id)} names it`);
  }
});

test("an id that cannot be stored and read back exactly is refused with 422 naming id; nothing is stored", async () => {
  const refused: [body: string, message: RegExp][] = [
    ['{"id":"."}', /cannot be "\."/],
    ['{"id":".."}', /cannot be "\.\."/],
    ['{"id":" .. "}', /cannot be "\.\."/],
    ['{"id":"a\\u0000"}', /NUL character or an unpaired UTF-16 surrogate/],
    ['{"id":"a\\ud800"}', /NUL character or an unpaired UTF-16 surrogate/],
    ['{"_id":"\\udc00b"}', /NUL character or an unpaired UTF-16 surrogate/],
  ];
  const count = async () => Number((await database.query<{ n: string }>(`SELECT count(*) AS n FROM deliveries`))[0]!.n);
  const deliveriesBefore = await count();
  for (const [body, message] of refused) {
    const { status, json } = await ack(body);
    assert.equal(status, 422, body);
    assert.equal(json.error.code, "unusable_payload");
    assert.equal(json.error.field, "id");
    assert.match(json.error.message, message);
  }
  assert.equal(await count(), deliveriesBefore, "nothing of a refused delivery is stored");
  // "a\uFFFD" sent as such is a call of its own (from the table above), still with one delivery.
  assert.equal((await served("a\uFFFD")).call.deliveryCount, 1);
});

test("surrounding spaces are not part of an id: the acknowledgement names the id as stored", async () => {
  const { status, json } = await ack(JSON.stringify({ id: "  padded-id \n", status: "NEW" }));
  assert.equal(status, 200);
  assert.equal(json.callId, "padded-id");
  assert.equal((await served("padded-id")).call.id, "padded-id");
});

test("known fields in shapes this version cannot read are kept as sent and shown as not understood", async () => {
  const body = {
    id: "odd-shapes",
    summary: ["Budget: yes", "Seats: 12"],
    transcript: { first: "Hello" },
    events: "SMS sent",
    webhookEvents: "DIALING",
    webhookStatuses: { all: true },
    campaign: "spring-campaign",
    twilio: "CA123",
    conversationFlow: { step: 1 },
    variables: ["Grace", "+1555"],
    status: { code: "X" },
    contact: { name: "Dee", data: "vip", phoneNumber: ["+1", "555"] },
    createdAt: "2024-02-30T10:00:00Z",
    duration: "twelve",
    isTestCall: "maybe",
  };
  assert.equal((await ack(JSON.stringify(body))).status, 200);
  const { call } = await served("odd-shapes");
  assert.deepEqual(call.notUnderstood, {
    campaign: "spring-campaign",
    twilio: "CA123",
    variables: ["Grace", "+1555"],
    summary: ["Budget: yes", "Seats: 12"],
    status: { code: "X" },
    createdAt: "2024-02-30T10:00:00Z",
    "contact.phoneNumber": ["+1", "555"],
    "contact.data": "vip",
    duration: "twelve",
    isTestCall: "maybe",
    webhookEvents: "DIALING",
    webhookStatuses: { all: true },
    transcript: { first: "Hello" },
    events: "SMS sent",
    conversationFlow: { step: 1 },
  });
  // The impossible date is no date: the call is dated by its receipt, not rolled over to March 1st.
  assert.equal(call.createdAt, call.firstReceivedAt);
  assert.equal(call.contact.name, "Dee");

  const html = await page("odd-shapes");
  assert.match(html, /Sent but not understood/);
  for (const shown of ["spring-campaign", "2024-02-30T10:00:00Z", "Budget: yes", "twelve", "DIALING", "SMS sent", "contact.phoneNumber"]) {
    assert.ok(html.includes(escapeHtml(shown)), `the page shows ${shown}`);
  }
  const [row] = await database.query<{ not_understood: Json }>(`SELECT not_understood FROM calls WHERE id = 'odd-shapes'`);
  assert.equal(row!.not_understood.createdAt, "2024-02-30T10:00:00Z");
});

test("transcript entries keep a role or content that is not text, and the page shows it", async () => {
  const body = { id: "odd-transcript", transcript: [{ role: { name: "agent" }, content: ["Hello", "there"] }, { role: "user", content: { text: "Hi" } }, ["bare", "array"]] };
  assert.equal((await ack(JSON.stringify(body))).status, 200);
  const { call } = await served("odd-transcript");
  assert.deepEqual(call.transcript, [
    { role: { name: "agent" }, content: ["Hello", "there"] },
    { role: "user", content: { text: "Hi" } },
    { role: null, content: ["bare", "array"] },
  ]);
  const html = await page("odd-transcript");
  assert.ok(html.includes(escapeHtml('{"name":"agent"} (role not understood)')));
  assert.ok(html.includes(escapeHtml('["Hello","there"]')));
  assert.ok(html.includes(escapeHtml('{"text":"Hi"}')));
});

test("createdAt is read the same in every time zone: without an offset it is UTC", async () => {
  const cases: [id: string, createdAt: string, expected: string][] = [
    ["tz-none", "2024-03-11T14:56:41", "2024-03-11T14:56:41.000Z"],
    ["tz-space", "2024-03-11 14:56", "2024-03-11T14:56:00.000Z"],
    ["tz-date", "2024-03-11", "2024-03-11T00:00:00.000Z"],
    ["tz-offset", "2024-03-11T14:56:41+09:00", "2024-03-11T05:56:41.000Z"],
    ["tz-leap", "2024-02-29T23:59:59.999Z", "2024-02-29T23:59:59.999Z"],
  ];
  for (const [id, createdAt] of cases) assert.equal((await ack(JSON.stringify({ id, createdAt })).then((r) => r.status)), 200);
  for (const [id, , expected] of cases) assert.equal((await served(id)).call.createdAt, expected, id);
  // ISODate(…) and {"$date": …} without an offset are UTC too.
  assert.equal((await ack('{"id":"tz-isodate","createdAt":ISODate("2024-03-11T14:56:41")}')).status, 200);
  assert.equal((await served("tz-isodate")).call.createdAt, "2024-03-11T14:56:41.000Z");

  // And a rebuild from the raw log in yet another zone gives the same instants.
  const before = await database.query<{ id: string; created_at: Date }>(`SELECT id, created_at FROM calls WHERE id LIKE 'tz-%' ORDER BY id`);
  if (database.embedded) await new Promise((resolve) => setTimeout(resolve, 300));
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/reprocess.ts"], {
    env: { ...process.env, TZ: "America/Los_Angeles", DATABASE_URL: database.url, ...(database.embedded ? { CALLBOARD_EMBEDDED_DB: "1" } : {}) },
    encoding: "utf8",
    timeout: 120_000,
  });
  assert.equal(result.status, 0, `reprocess failed:\n${result.stdout}\n${result.stderr}`);
  const afterRebuild = await database.query<{ id: string; created_at: Date }>(`SELECT id, created_at FROM calls WHERE id LIKE 'tz-%' ORDER BY id`);
  assert.deepEqual(afterRebuild.map((r) => [r.id, r.created_at.toISOString()]), before.map((r) => [r.id, r.created_at.toISOString()]));
  // The numbers, shapes and ids above survive the rebuild too.
  assert.match((await served("big-numbers")).text, /"account":12345678901234567890123[,}]/);
  assert.equal((await served("odd-shapes")).call.notUnderstood.createdAt, "2024-02-30T10:00:00Z");
  assert.equal((await served("67212411941217521949")).call.contact.name, "Ada");
});

test("gzip and deflate bodies are decoded and stored decoded; other encodings are refused with 415 naming them", async () => {
  const plain = JSON.stringify({ id: "gzipped", status: "NEW", contact: { name: "Zed" } });
  for (const [encoding, bytes, id] of [
    ["gzip", gzipSync(plain), "gzipped"],
    ["deflate", deflateSync(plain.replace("gzipped", "deflated")), "deflated"],
  ] as const) {
    const { status, json } = await ack(bytes, { headers: { "content-encoding": encoding } });
    assert.equal(status, 200, JSON.stringify(json));
    assert.equal(json.callId, id);
    assert.equal((await served(id)).call.contact.name, "Zed");
  }
  const [stored] = await database.query<{ body: Buffer }>(`SELECT body FROM deliveries WHERE call_id = 'gzipped'`);
  assert.equal(stored!.body.toString("utf8"), plain, "the decoded bytes are stored, so a rebuild reads them as they were merged");

  for (const encoding of ["br", "zstd", "gzip, br"]) {
    const { status, json } = await ack(plain, { headers: { "content-encoding": encoding } });
    assert.equal(status, 415, encoding);
    assert.equal(json.error.code, "unsupported_content_encoding");
    assert.match(json.error.message, /Content-Encoding "(br|zstd)" is not supported/);
  }
  const corrupt = await ack(Buffer.from("not gzip at all"), { headers: { "content-encoding": "gzip" } });
  assert.equal(corrupt.status, 400);
  assert.equal(corrupt.json.error.code, "invalid_content_encoding");
  assert.doesNotMatch(corrupt.json.error.message, /not gzip at all/, "the body is not quoted back");
});

test("a zip bomb (64 KiB that inflates to 64 MiB) is refused with 413 without inflating it", async () => {
  const bomb = gzipSync(Buffer.concat([Buffer.from('{"id":"bomb","pad":"'), Buffer.alloc(64 * 1024 * 1024, 0x61), Buffer.from('"}')]));
  assert.ok(bomb.byteLength < 100 * 1024);
  const started = Date.now();
  const { status, json } = await ack(bomb, { headers: { "content-encoding": "gzip" } });
  assert.equal(status, 413);
  assert.equal(json.error.code, "payload_too_large");
  assert.match(json.error.message, /decoded from gzip is larger than 1048576 bytes/);
  assert.ok(Date.now() - started < 5_000, "refused while inflating the first MiB, not after all of it");
  assert.deepEqual(await database.query(`SELECT 1 FROM deliveries WHERE call_id = 'bomb'`), []);
  // Exactly 1 MiB decoded is still accepted.
  const base = JSON.stringify({ id: "one-mib-gzip", pad: "" });
  const exact = JSON.stringify({ id: "one-mib-gzip", pad: "b".repeat(1024 * 1024 - base.length) });
  assert.equal(Buffer.byteLength(exact), 1024 * 1024);
  assert.equal((await ack(gzipSync(exact), { headers: { "content-encoding": "gzip" } })).status, 200);
});
