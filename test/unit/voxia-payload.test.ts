// readVoxiaDelivery: the one reading of a payload. Table-driven: what makes a payload unusable (only
// the call id can), and how each tolerated variation is read.
import { test } from "node:test";
import assert from "node:assert/strict";
import { JsonNumber, parseVoxiaJson, type JsonValue } from "../../lib/voxia/parse-voxia-json.ts";
import { readVoxiaDelivery, type VoxiaDelivery } from "../../lib/voxia/voxia-payload.ts";
import { PUBLISHED_EXAMPLE_BYTES } from "../support/voxia-fixtures.ts";

function read(body: JsonValue): VoxiaDelivery {
  const result = readVoxiaDelivery(body);
  assert.ok(result.ok, result.ok ? "" : result.problem.message);
  return result.delivery;
}

const UNUSABLE: [name: string, body: JsonValue, field: string, message: RegExp][] = [
  ["an array", [], "(body)", /JSON object.*not an array/],
  ["null", null, "(body)", /not null/],
  ["a number", 5, "(body)", /not a number/],
  ["no id", { status: "NEW" }, "id", /"id" field is missing/],
  ["an empty id", { id: "" }, "id", /non-empty string, not a string/],
  ["a blank id", { id: "   " }, "id", /non-empty string/],
  ["a null id", { id: null }, "id", /not null/],
  ["a boolean id", { id: true }, "id", /not a boolean/],
  ["an array id", { id: ["a"] }, "id", /not an array/],
  ["an object id", { id: { a: 1 } }, "id", /not a object/],
  ["an id too long", { id: "x".repeat(256) }, "id", /longer than 255/],
  ["the id .", { id: "." }, "id", /cannot be "\."/],
  ["the id .. with spaces", { id: " .. " }, "id", /cannot be "\.\."/],
  ["an id with NUL", { id: "a\u0000" }, "id", /NUL character or an unpaired UTF-16 surrogate/],
  ["an id with a lone surrogate", { _id: "\ud800x" }, "id", /NUL character or an unpaired UTF-16 surrogate/],
  ["a null id even with _id present", { id: null, _id: "x" }, "id", /not null/],
];

for (const [name, body, field, message] of UNUSABLE) {
  test(`unusable: ${name} (field ${field})`, () => {
    const result = readVoxiaDelivery(body);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.problem.field, field);
    assert.match(result.problem.message, message);
  });
}

test("an id may be a number, an _id, or padded with spaces", () => {
  assert.equal(read({ id: 12345 }).id, "12345");
  assert.equal(read(parseVoxiaJson('{"id": 67212411941217521949}')).id, "67212411941217521949");
  assert.equal(read({ id: "a\uFFFD" }).id, "a\uFFFD");
  assert.equal(read({ _id: "abc" }).id, "abc");
  assert.equal(read({ id: "  abc  " }).id, "abc");
  assert.equal(read({ id: "x".repeat(255) }).id.length, 255);
});

test("the published example is read field by field", () => {
  const d = read(parseVoxiaJson(PUBLISHED_EXAMPLE_BYTES.toString("utf8")));
  assert.equal(d.id, "{callId}");
  assert.equal(d.createdAt?.toISOString(), "2024-03-11T14:56:41.642Z");
  assert.deepEqual([d.status, d.callStatus, d.postProcessStatus, d.hangUpReason, d.webhookEvent], [
    "INTERESTED", "COMPLETED", "INTERESTED", "CALL_FINISHED", "CONNECTED",
  ]);
  assert.equal(d.stageRank, 20, "ranked by its webhookEvent, CONNECTED");
  assert.deepEqual([d.duration, d.totalDuration, d.callMeLater, d.doNotCall, d.wrongNumber], [128, 150, false, false, false]);
  assert.deepEqual([d.campaignId, d.campaignName, d.contactId, d.contactName, d.contactPhone], [
    "{campaignId}", "{campaignName}", "{contactId}", "John", "+1234567890",
  ]);
  assert.deepEqual(d.answers, [
    { label: "Inquiry Asked", type: "YES_NO", value: false, valueText: "false", order: 1, description: "Interested in learning more about our services", options: [] },
  ]);
  assert.equal(d.transcript?.length, 5);
  assert.deepEqual(d.events?.map((e) => e.type), ["SMS", "FORWARD"]);
  assert.deepEqual([d.interestedReached, d.isTestCall, d.twilioAccountSid, d.slackUrl], [true, false, "{accountSid}", "{salckUrl}"]);
  assert.equal(d.extra, null);
});

const FIELDS: [name: string, body: Record<string, JsonValue>, check: (d: VoxiaDelivery) => void][] = [
  ["numeric strings", { duration: "128", totalDuration: " 150.5 " }, (d) => assert.deepEqual([d.duration, d.totalDuration], [128, 150.5])],
  ["exponent and signs", { duration: "1e2", totalDuration: "-0.5" }, (d) => assert.deepEqual([d.duration, d.totalDuration], [100, -0.5])],
  ["non-numeric text is not a number", { duration: "12 min", totalDuration: "" }, (d) => assert.deepEqual([d.duration, d.totalDuration], [null, null])],
  ["booleans as text and 0/1", { contactStatus: { callMeLater: "TRUE", doNotCall: 0, wrongNumber: "no" } }, (d) =>
    assert.deepEqual([d.callMeLater, d.doNotCall, d.wrongNumber], [true, false, false])],
  ["an unreadable boolean stays unset", { isTestCall: "maybe" }, (d) => assert.equal(d.isTestCall, null)],
  ["a date far out of range is not a date", { createdAt: "99999-01-01T00:00:00Z" }, (d) => assert.equal(d.createdAt, null)],
  ["a garbage date is not a date", { createdAt: "yesterday" }, (d) => assert.equal(d.createdAt, null)],
  ["a date in milliseconds", { createdAt: 1710169001642 }, (d) => assert.equal(d.createdAt?.toISOString(), "2024-03-11T14:56:41.642Z")],
  ["blank strings mean not said", { status: "  ", phoneFrom: "" }, (d) => assert.deepEqual([d.status, d.phoneFrom], [null, null])],
  ["unknown enum values kept as sent", { status: "NEW_THING", webhookEvent: "SOMETHING:ELSE", callStatus: "X" }, (d) =>
    assert.deepEqual([d.status, d.webhookEvent, d.callStatus], ["NEW_THING", "SOMETHING:ELSE", "X"])],
  ["unknown top-level fields kept in extra", { sentiment: 0.8, language: "de" }, (d) => assert.deepEqual(d.extra, { sentiment: 0.8, language: "de" })],
  ["older format: summary of plain strings", { summary: { Budget: "Yes", Seats: 12, Empty: "" } }, (d) =>
    assert.deepEqual(d.answers.map((a) => [a.label, a.value, a.valueText, a.type]), [
      ["Budget", "Yes", "Yes", null],
      ["Seats", 12, "12", null],
      ["Empty", "", null, null],
    ])],
  ["older format: contact from variables, no contact id", { variables: { name: "Grace", phoneNumber: "+1555" } }, (d) =>
    assert.deepEqual([d.contactId, d.contactName, d.contactPhone, d.variables], [null, "Grace", "+1555", { name: "Grace", phoneNumber: "+1555" }])],
  ["older format: status alone places the stage", { status: "COMPLETED" }, (d) => assert.equal(d.stageRank, 40)],
  ["an outcome status places the delivery after post-processing", { status: "CALL_ME_LATER" }, (d) => assert.equal(d.stageRank, 60)],
  ["an unknown POST_PROCESSING_FINISHED event ranks with the others", { webhookEvent: "POST_PROCESSING_FINISHED:NEW" }, (d) =>
    assert.equal(d.stageRank, 60)],
  ["transcript entries with other key names or bare strings", { transcript: [{ speaker: "agent", text: "Hi" }, "bare line", 5] }, (d) =>
    assert.deepEqual(d.transcript?.map((t) => [t.role, t.content]), [["agent", "Hi"], [null, "bare line"], [null, "5"]])],
  ["events without data or type", { events: [{ type: "SMS" }, { kind: "x" }, "text"] }, (d) =>
    assert.deepEqual(d.events, [
      { type: "SMS", data: { type: "SMS" } },
      { type: null, data: { kind: "x" } },
      { type: null, data: "text" },
    ])],
  ["summary order beyond a 32-bit integer is dropped", { summary: { Q: { order: 2 ** 40, value: true } } }, (d) =>
    assert.equal(d.answers[0]?.order, null)],
  ["fields of the wrong type are left unset, not refused", { campaign: "camp", contact: [1], transcript: "hello", summary: [] }, (d) =>
    assert.deepEqual([d.campaignId, d.contactName, d.transcript, d.summary], [null, null, null, null])],
  ["fields of the wrong type are kept as sent in notUnderstood", { campaign: "camp", contact: { name: { first: "A" } }, summary: [], createdAt: "2024-02-30T10:00:00Z", duration: "12 min" }, (d) =>
    assert.deepEqual(d.notUnderstood, { campaign: "camp", "contact.name": { first: "A" }, summary: [], createdAt: "2024-02-30T10:00:00Z", duration: "12 min" })],
  ["blank and null values are not 'not understood'", { status: " ", phoneFrom: null, duration: "" }, (d) => assert.equal(d.notUnderstood, null)],
  ["a key question's unreadable order is kept", { summary: { Q: { order: "first", value: true } } }, (d) =>
    assert.deepEqual(d.notUnderstood, { "summary.Q.order": "first" })],
  ["big numbers: ids as their digits, durations as the nearest double, values exactly", {
    contact: { id: new JsonNumber("12345678901234567890"), name: "N" },
    duration: new JsonNumber("123456789012345678901"),
    totalDuration: new JsonNumber("1e400"),
    summary: { Big: { value: new JsonNumber("1e400") }, Plain: new JsonNumber("98765432109876543210") },
  }, (d) => {
    assert.equal(d.contactId, "12345678901234567890");
    assert.equal(d.duration, 1.2345678901234568e20);
    assert.equal(d.totalDuration, null);
    assert.deepEqual(d.notUnderstood, { totalDuration: new JsonNumber("1e400") });
    assert.deepEqual(d.answers.map((a) => [a.value, a.valueText]), [[new JsonNumber("1e400"), "1e400"], [new JsonNumber("98765432109876543210"), "98765432109876543210"]]);
  }],
  ["a createdAt without an offset is UTC", { createdAt: "2024-03-11T14:56:41" }, (d) => assert.equal(d.createdAt?.toISOString(), "2024-03-11T14:56:41.000Z")],
  ["transcript roles and contents that are not text are kept", { transcript: [{ role: { n: 1 }, content: [1, 2] }, [3]] }, (d) =>
    assert.deepEqual(d.transcript?.map((t) => [t.role, t.content]), [[{ n: 1 }, [1, 2]], [null, [3]]])],
];

for (const [name, body, check] of FIELDS) {
  test(`reads ${name}`, () => check(read({ id: "call-1", ...body })));
}
