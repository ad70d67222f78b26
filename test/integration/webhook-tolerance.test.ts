// Promise: what Voxia really sends is accepted — its published example verbatim (with the MongoDB
// shell's `new NumberInt("1")`), Extended JSON wrappers, the older documented shape, numbers as
// strings — and unknown values and fields are stored and shown exactly as sent, never refused.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { examplePayload, PUBLISHED_EXAMPLE_BYTES } from "../support/voxia-fixtures.ts";
import { phoneKeyIn } from "../support/contact-keys.ts";

let database: TestDatabase;
let app: TestApp;

before(async () => {
  database = await createTestDatabase("tolerance");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded });
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

async function ingest(body: string | Buffer, expectedId: string) {
  const res = await postWebhook(app, body);
  const json = await res.json();
  assert.equal(res.status, 200, JSON.stringify(json));
  assert.equal(json.callId, expectedId);
  return getCall(expectedId);
}

async function getCall(id: string) {
  const res = await fetch(`${app.url}/api/calls/${encodeURIComponent(id)}`);
  assert.equal(res.status, 200);
  return res.json();
}

test("Voxia's published example, byte for byte, is stored with every field it carries", async () => {
  const call = await ingest(PUBLISHED_EXAMPLE_BYTES, "{callId}");
  assert.equal(call.createdAt, "2024-03-11T14:56:41.642Z");
  assert.equal(call.phoneFrom, "+15555551234");
  assert.deepEqual([call.status, call.callStatus, call.postProcessStatus, call.hangUpReason, call.webhookEvent], [
    "INTERESTED", "COMPLETED", "INTERESTED", "CALL_FINISHED", "CONNECTED",
  ]);
  assert.deepEqual([call.duration, call.totalDuration], [128, 150]);
  assert.deepEqual(call.contactStatus, { callMeLater: false, doNotCall: false, wrongNumber: false });
  assert.deepEqual(call.campaign, { id: "{campaignId}", name: "{campaignName}" });
  assert.deepEqual(call.contact, {
    id: "{contactId}",
    name: "John",
    phoneNumber: "+1234567890",
    data: { email: "john@voxia.ai", position: "Product Manager", company: "Voxia" },
  });
  assert.deepEqual(call.twilio, { accountSid: "{accountSid}", callSessionId: "{callSessionId}" });
  assert.equal(call.organizationId, "{organizationId}");
  assert.equal(call.transcript.length, 5);
  assert.deepEqual(call.transcript[0], { role: "Voxia", content: "Hello, this is Voxia. How can I assist you today?" });
  assert.deepEqual(call.interested, {
    reached: true,
    description: "The caller showed interest in scheduling a demo, indicating a positive engagement.",
  });
  assert.deepEqual(call.keyQuestions, [
    {
      label: "Inquiry Asked",
      type: "YES_NO",
      value: false,
      valueText: "false",
      order: 1,
      description: "Interested in learning more about our services",
      options: [],
    },
  ]);
  assert.deepEqual(call.events.map((e: { type: string }) => e.type), ["SMS", "FORWARD"]);
  assert.equal(call.events[0].data.smsSid, "{smsSid}");
  assert.equal(call.webhookUrl, "{webhookUrl}");
  assert.equal(call.webhookEvents.length, 6);
  assert.equal(call.webhookStatuses.length, 10);
  assert.deepEqual(call.conversationFlow, []);
  assert.equal(call.isTestCall, false);
  assert.equal(call.sessionId, "{sessionId}");
  assert.equal(call.slackUrl, "{salckUrl}");
  assert.equal(call.extra, null, "every field of the example is a known one");
});

test("MongoDB Extended JSON wrappers are unwrapped", async () => {
  const body = JSON.stringify({
    ...examplePayload(),
    id: undefined,
    _id: { $oid: "65ef1a2b3c4d5e6f70819203" },
    createdAt: { $date: { $numberLong: "1710169001642" } },
    duration: { $numberInt: "128" },
    totalDuration: { $numberLong: "150" },
    summary: { Budget: { type: "NUMBER", value: { $numberDouble: "1250.5" }, order: { $numberInt: "2" } } },
    events: [{ type: "SMS", data: { sentAt: { $date: "2024-11-28T22:37:01.000Z" } } }],
  });
  const call = await ingest(body, "65ef1a2b3c4d5e6f70819203");
  assert.equal(call.createdAt, "2024-03-11T14:56:41.642Z");
  assert.deepEqual([call.duration, call.totalDuration], [128, 150]);
  assert.deepEqual(
    call.keyQuestions.map((q: Record<string, unknown>) => [q.label, q.value, q.valueText, q.order]),
    [["Budget", 1250.5, "1250.5", 2]],
  );
  assert.equal(call.events[0].data.sentAt, "2024-11-28T22:37:01.000Z");
});

test("MongoDB shell constructors other than NumberInt are read too", async () => {
  const body = `{"id": ObjectId("65ef00000000000000000001"), "createdAt": ISODate("2024-05-01T10:00:00Z"),
    "duration": NumberLong("42"), "totalDuration": new NumberDecimal("42.5")}`;
  const call = await ingest(body, "65ef00000000000000000001");
  assert.equal(call.createdAt, "2024-05-01T10:00:00.000Z");
  assert.deepEqual([call.duration, call.totalDuration], [42, 42.5]);
});

test("the older documented shape: plain-string summary, status without callStatus, variables, contact without id", async () => {
  const body = JSON.stringify({
    id: "older-1",
    createdAt: "2023-06-01T09:30:00.000Z",
    status: "COMPLETED",
    duration: 61,
    campaign: { id: "camp-old", name: "Legacy" },
    contact: { name: "Grace", phoneNumber: "+15550002222" },
    variables: { name: "Grace", phoneNumber: "+15550002222", company: "Navy" },
    summary: { "Budget confirmed": "Yes", "Decision maker": "No" },
    transcript: [{ role: "assistant", content: "Hello Grace" }],
  });
  const call = await ingest(body, "older-1");
  assert.equal(call.status, "COMPLETED");
  assert.equal(call.callStatus, null);
  assert.equal(call.contact.id, await phoneKeyIn(database, "+15550002222"), "keyed by the digest of the normalised number");
  assert.equal(call.contact.name, "Grace");
  assert.deepEqual(call.variables, { name: "Grace", phoneNumber: "+15550002222", company: "Navy" });
  assert.deepEqual(
    call.keyQuestions.map((q: Record<string, unknown>) => [q.label, q.value, q.valueText]),
    [["Budget confirmed", "Yes", "Yes"], ["Decision maker", "No", "No"]],
  );
  const listed = await (await fetch(`${app.url}/api/calls?status=COMPLETED`)).json();
  assert.ok(JSON.stringify(listed).includes("older-1"), "the older-format call is listed under its status");
});

test("numeric strings in numeric fields are read as numbers; boolean strings as booleans", async () => {
  const body = JSON.stringify({
    ...examplePayload(),
    id: "strings-1",
    duration: "128",
    totalDuration: " 150.5 ",
    contactStatus: { callMeLater: "true", doNotCall: "false", wrongNumber: "0" },
    interested: { reached: "yes" },
    summary: { Seats: { type: "NUMBER", value: "12", order: "3" } },
  });
  const call = await ingest(body, "strings-1");
  assert.deepEqual([call.duration, call.totalDuration], [128, 150.5]);
  assert.deepEqual(call.contactStatus, { callMeLater: true, doNotCall: false, wrongNumber: false });
  assert.equal(call.interested.reached, true);
  assert.equal(call.keyQuestions[0].order, 3);
  assert.equal(call.keyQuestions[0].valueText, "12");
});

test("values that are not numbers stay unset rather than refusing the delivery", async () => {
  const body = JSON.stringify({ ...examplePayload(), id: "junk-numbers", duration: "about two minutes", totalDuration: { weird: true } });
  const call = await ingest(body, "junk-numbers");
  assert.deepEqual([call.duration, call.totalDuration], [null, null]);
});

test("unknown enum values, event types and fields are stored and shown exactly as sent", async () => {
  const body = JSON.stringify({
    ...examplePayload(),
    id: "unknown-1",
    status: "ESCALATED_TO_HUMAN",
    callStatus: "RINGING_FOREVER",
    postProcessStatus: "MAYBE_LATER",
    hangUpReason: "CAT_ON_KEYBOARD",
    webhookEvent: "POST_PROCESSING_FINISHED:MAYBE_LATER",
    events: [{ type: "PAYMENT", data: { amount: 12, currency: "EUR" } }, { kind: "no type at all" }],
    sentiment: { score: 0.8, label: "positive" },
    language: "de",
    __proto__field: 1,
  });
  const call = await ingest(body, "unknown-1");
  assert.deepEqual([call.status, call.callStatus, call.postProcessStatus, call.hangUpReason, call.webhookEvent], [
    "ESCALATED_TO_HUMAN", "RINGING_FOREVER", "MAYBE_LATER", "CAT_ON_KEYBOARD", "POST_PROCESSING_FINISHED:MAYBE_LATER",
  ]);
  assert.deepEqual(call.events, [
    { type: "PAYMENT", data: { amount: 12, currency: "EUR" } },
    { type: null, data: { kind: "no type at all" } },
  ]);
  assert.deepEqual(call.extra, { sentiment: { score: 0.8, label: "positive" }, language: "de", __proto__field: 1 });
  const listed = await (await fetch(`${app.url}/api/calls?status=ESCALATED_TO_HUMAN`)).json();
  assert.ok(JSON.stringify(listed).includes("unknown-1"), "filtering by an unknown status finds the call");
});

// Known limit: Prisma drops "__proto__" keys from Json values it writes, so such a key survives only in
// the raw delivery (which `npm run reprocess` reads), not in the call's JSON columns.
test("a __proto__ key does not break ingestion", async () => {
  const call = await ingest('{"id": "proto-1", "__proto__": {"polluted": true}, "contact": {"name": "P", "data": {"__proto__": "x"}}}', "proto-1");
  assert.equal(call.contact.name, "P");
});

test("a delivery without createdAt is dated by its receipt", async () => {
  const before = Date.now();
  const call = await ingest(JSON.stringify({ id: "no-date", status: "IN_PROGRESS" }), "no-date");
  const after = Date.now();
  const createdAt = Date.parse(call.createdAt);
  assert.ok(createdAt >= before - 1000 && createdAt <= after + 1000, `${call.createdAt} is not the receipt time`);
  assert.equal(call.createdAt, call.firstReceivedAt);
});

test("text that Postgres cannot hold (NUL, lone surrogates) is kept readable instead of failing", async () => {
  const call = await ingest('{"id": "odd-text", "transcript": [{"role": "user", "content": "a\\u0000b\\ud800c"}]}', "odd-text");
  assert.equal(call.transcript[0].content, "a\uFFFDb\uFFFDc");
  const raw = await fetch(`${app.url}/api/calls/odd-text`);
  assert.equal(raw.status, 200);
});
