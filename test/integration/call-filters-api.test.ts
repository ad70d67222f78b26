// Every filter parameter of lib/calls/call-filters.ts over real HTTP against the built app, with calls
// fed through the webhook: GET /api/calls returns exactly the calls each one names, its `total` is
// their number (exact, not a lower bound), and GET /api/stats and the CSV export select the same
// calls. Bad values are a 400 naming the parameter on all three.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { payloadFor, type CallSpec } from "../support/voxia-fixtures.ts";
import { csvRecords } from "../support/parse-csv.ts";

let database: TestDatabase;
let app: TestApp;

const F = { id: "camp-filters", name: "Filters" };
const G = { id: "camp-other", name: "Other" };
// Labels and values with the characters the `answer` syntax must carry URL-encoded.
const BILL = "Bill: monthly, $";
const NOTES = "Notes, free";
const q = (order: number, type: string, value: unknown, options: string[] = []) => ({ description: "", options, order, type, value });
const ROOF = ["Tile", "Metal", "Flat"];

type Call = CallSpec & { overrides?: Record<string, unknown>; stage?: [string, "ended" | "final"] };
const CALLS: Call[] = [
  {
    id: "flt-1", campaign: F, outcome: "INTERESTED", duration: 30, createdAt: "2025-02-01T10:00:00.000Z",
    contact: { id: "kon-1", name: "Ann", phoneNumber: "+15550100001", data: { email: "ann@example.com", company: "Acme Roofing" } },
    summary: { "Owns Home": q(1, "YES_NO", true), [BILL]: q(2, "NUMBER", 120), "Roof Type": q(3, "MULTIPLE_CHOICE", "Tile", ROOF), [NOTES]: q(4, "TEXT", "call at 6:30, please") },
    overrides: { events: [{ type: "SMS", data: { sent: true } }] },
  },
  {
    id: "flt-2", campaign: F, outcome: "NOT_INTERESTED", duration: 90, createdAt: "2025-02-02T10:00:00.000Z",
    contact: { id: "kon-2", name: "Bob", phoneNumber: "+15550100002", data: { email: "bob@example.org" } },
    summary: { "Owns Home": q(1, "YES_NO", false), [BILL]: q(2, "NUMBER", 80), "Roof Type": q(3, "MULTIPLE_CHOICE", "Metal", ROOF) },
    overrides: { events: [{ type: "FORWARD", data: {} }, { type: "MEETING", data: {} }], hangUpReason: "USER_HANGUP" },
  },
  {
    id: "flt-3", campaign: F, outcome: "CALL_ME_LATER", duration: 200, createdAt: "2025-02-03T10:00:00.000Z",
    contact: { id: "kon-3", name: "Cleo", phoneNumber: "+15550100003" },
    // A number question answered as numeric text still compares as a number.
    summary: { "Owns Home": q(1, "YES_NO", true), [BILL]: q(2, "NUMBER", "250") },
    overrides: { events: [] },
  },
  {
    id: "flt-4", campaign: F, outcome: "DO_NOT_CALL", duration: 10, createdAt: "2025-02-04T10:00:00.000Z",
    contact: { id: "kon-4", name: "Dan", phoneNumber: "+15550100004" },
    summary: { "Owns Home": q(1, "YES_NO", true), [BILL]: q(2, "NUMBER", null) },
    overrides: { events: [] },
  },
  {
    id: "flt-5", campaign: F, notConnected: "BUSY", duration: 0, createdAt: "2025-02-05T10:00:00.000Z",
    contact: { id: "kon-5", name: "Eve", phoneNumber: "+15550100005" },
    stage: ["COULD_NOT_CONNECT:BUSY", "ended"],
  },
  {
    // No composite status at all.
    id: "flt-6", campaign: F, outcome: "WRONG_NUMBER", duration: 5, createdAt: "2025-02-06T10:00:00.000Z",
    contact: { id: "kon-6", name: "Fay", phoneNumber: "+15550100006" },
    summary: {}, overrides: { status: null, events: [] },
  },
  {
    // Another campaign, matching most filters: it must appear only when the campaign is not filtered.
    id: "oth-1", campaign: G, outcome: "INTERESTED", duration: 60, createdAt: "2025-02-01T11:00:00.000Z",
    contact: { id: "kon-9", name: "Gus", phoneNumber: "+15550100009" },
    summary: { "Owns Home": q(1, "YES_NO", true), [BILL]: q(2, "NUMBER", 500) },
  },
];

before(async () => {
  database = await createTestDatabase("call_filters_api");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded });
  for (const call of CALLS) {
    const [event, stage] = call.stage ?? [`POST_PROCESSING_FINISHED:${call.outcome}`, "final"];
    const body = { ...payloadFor(call, event, stage), ...call.overrides };
    const res = await postWebhook(app, JSON.stringify(body));
    assert.equal(res.status, 200, await res.text());
  }
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

function query(pairs: [string, string][]): string {
  return new URLSearchParams(pairs).toString();
}
const answer = (label: string, op: string, value?: string) =>
  ["answer", `${encodeURIComponent(label)}:${op}${value === undefined ? "" : `:${encodeURIComponent(value)}`}`] as [string, string];

// Each case: the parameters (besides campaign=camp-filters) and exactly the calls they select.
const CASES: [string, [string, string][], string[]][] = [
  ["YES_NO eq true", [answer("Owns Home", "eq", "true")], ["flt-1", "flt-3", "flt-4"]],
  ["YES_NO eq false", [answer("Owns Home", "eq", "false")], ["flt-2"]],
  ["neq leaves out the unanswered", [answer("Owns Home", "neq", "true")], ["flt-2"]],
  ["missing: not asked or not answered", [answer("Owns Home", "missing")], ["flt-5", "flt-6"]],
  ["exists: answered (a null value is not)", [answer(BILL, "exists")], ["flt-1", "flt-2", "flt-3"]],
  ["NUMBER gt compares numbers, numeric text too", [answer(BILL, "gt", "100")], ["flt-1", "flt-3"]],
  ["NUMBER gt 99 is not text order", [answer(BILL, "gt", "99")], ["flt-1", "flt-3"]],
  ["NUMBER lte", [answer(BILL, "lte", "80")], ["flt-2"]],
  ["NUMBER eq as a number", [answer(BILL, "eq", "120.0")], ["flt-1"]],
  ["NUMBER neq", [answer(BILL, "neq", "120")], ["flt-2", "flt-3"]],
  ["option eq, case-insensitive", [answer("Roof Type", "eq", "tile")], ["flt-1"]],
  ["text contains, value with ':' and ','", [answer(NOTES, "contains", "6:30, please")], ["flt-1"]],
  ["two answers, both must hold", [answer("Owns Home", "eq", "true"), answer(BILL, "gte", "250")], ["flt-3"]],
  ["contactStatus one flag", [["contactStatus", "callMeLater"]], ["flt-3"]],
  ["contactStatus any of", [["contactStatus", "callMeLater,doNotCall"]], ["flt-3", "flt-4"]],
  ["contactStatus wrongNumber", [["contactStatus", "wrongNumber"]], ["flt-6"]],
  ["hangUpReason", [["hangUpReason", "USER_HANGUP"]], ["flt-2"]],
  ["hangUpReason (none)", [["hangUpReason", "(none)"]], ["flt-5"]],
  ["postProcessStatus", [["postProcessStatus", "INTERESTED"], ["postProcessStatus", "DO_NOT_CALL"]], ["flt-1", "flt-4"]],
  ["postProcessStatus (none)", [["postProcessStatus", "(none)"]], ["flt-5"]],
  ["status (none)", [["status", "(none)"]], ["flt-6"]],
  ["status (none) or a value", [["status", "(none),BUSY"]], ["flt-5", "flt-6"]],
  ["webhookEvent", [["webhookEvent", "COULD_NOT_CONNECT:BUSY"]], ["flt-5"]],
  ["interested=true", [["interested", "true"]], ["flt-1"]],
  ["interested=false", [["interested", "false"]], ["flt-2", "flt-3", "flt-4", "flt-5", "flt-6"]],
  ["duration range, inclusive", [["minDuration", "30"], ["maxDuration", "90"]], ["flt-1", "flt-2"]],
  ["maxDuration alone", [["maxDuration", "5"]], ["flt-5", "flt-6"]],
  ["minDuration alone", [["minDuration", "100"]], ["flt-3"]],
  ["event", [["event", "SMS"]], ["flt-1"]],
  ["event any of", [["event", "SMS"], ["event", "MEETING"]], ["flt-1", "flt-2"]],
  ["event (none): calls without events", [["event", "(none)"]], ["flt-3", "flt-4", "flt-5", "flt-6"]],
  ["contact", [["contact", "kon-2"]], ["flt-2"]],
  ["q by email in contact.data", [["q", "ann@example.com"]], ["flt-1"]],
  ["q by a company in contact.data", [["q", "acme roof"]], ["flt-1"]],
  ["q by call id", [["q", "flt-4"]], ["flt-4"]],
  ["q by contact id", [["q", "kon-2"]], ["flt-2"]],
  ["several filters at once", [["minDuration", "20"], answer("Owns Home", "exists"), ["contactStatus", "callMeLater"]], ["flt-3"]],
];

async function getJson(path: string) {
  const res = await fetch(`${app.url}${path}`);
  const body = await res.json();
  return { status: res.status, body };
}

describe("filters over GET /api/calls, /api/stats and the CSV export", () => {
  for (const [name, pairs, expected] of CASES) {
    test(`${name}: ${query(pairs)}`, async () => {
      const qs = query([["campaign", F.id], ...pairs]);
      const list = await getJson(`/api/calls?${qs}`);
      assert.equal(list.status, 200, JSON.stringify(list.body));
      const ids = (list.body.calls as { id: string }[]).map((c) => c.id);
      assert.deepEqual([...ids].sort(), [...expected].sort());
      assert.equal(list.body.total, expected.length);
      assert.equal(list.body.totalIsLowerBound, false);

      const stats = await getJson(`/api/stats?${qs}`);
      assert.equal(stats.status, 200, JSON.stringify(stats.body));
      assert.equal(stats.body.total, expected.length);

      const csv = await fetch(`${app.url}/api/calls/export?${qs}&headers=keys`);
      assert.equal(csv.status, 200);
      assert.deepEqual(csvRecords(await csv.text()).map((r) => r.id).sort(), [...expected].sort());
    });
  }

  test("without the campaign, the other campaign's matching calls are counted too", async () => {
    const qs = query([answer(BILL, "gt", "100")]);
    const list = await getJson(`/api/calls?${qs}`);
    assert.deepEqual((list.body.calls as { id: string }[]).map((c) => c.id), ["flt-3", "oth-1", "flt-1"]);
    assert.equal(list.body.total, 3);
    const stats = await getJson(`/api/stats?${qs}`);
    assert.deepEqual(
      Object.fromEntries((stats.body.campaigns as { campaign: { id: string }; total: number }[]).map((c) => [c.campaign.id, c.total])),
      { [F.id]: 2, [G.id]: 1 },
    );
  });

  test("the count is exact from the rollups too, and paging does not change it", async () => {
    const first = await getJson(`/api/calls?campaign=${F.id}&limit=2`);
    assert.equal(first.body.total, 6);
    assert.equal(first.body.totalIsLowerBound, false);
    const second = await getJson(`/api/calls?campaign=${F.id}&limit=2&cursor=${first.body.nextCursor}`);
    assert.equal(second.body.total, 6);
    assert.deepEqual((second.body.calls as { id: string }[]).map((c) => c.id), ["flt-4", "flt-3"]);
  });
});

const BAD: [string, [string, string][], string, RegExp][] = [
  ["an unknown op", [answer("Owns Home", "like", "x")], "answer", /op must be one of eq, neq/],
  ["a yes/no question given a non-boolean", [answer("Owns Home", "eq", "maybe")], "answer", /yes\/no question takes true or false/],
  ["a yes/no question given a number op", [answer("Owns Home", "gt", "1")], "answer", /does not apply to a yes\/no question/],
  ["a number question given text", [answer(BILL, "eq", "lots")], "answer", /number question takes a number/],
  ["a number op given text", [answer(BILL, "gt", "abc")], "answer", /compares numbers/],
  ["an option question given a number op", [answer("Roof Type", "lt", "3")], "answer", /compares numbers/],
  ["a value missing", [["answer", "Owns%20Home:eq"]], "answer", /needs a value/],
  ["an unknown contactStatus", [["contactStatus", "busy"]], "contactStatus", /contactStatus/],
  ["an unknown time zone", [["from", "2025-02-01"], ["tz", "Mars/Olympus"]], "tz", /IANA time zone/],
  ["minDuration above maxDuration", [["minDuration", "100"], ["maxDuration", "10"]], "maxDuration", /must not be less than/],
  ["a negative duration", [["minDuration", "-1"]], "minDuration", /seconds/],
  ["interested not a boolean", [["interested", "yes"]], "interested", /true or false/],
];

describe("bad filter values are a 400 naming the parameter", () => {
  for (const [name, pairs, param, message] of BAD) {
    test(`${name}: ${query(pairs)}`, async () => {
      for (const path of ["/api/calls", "/api/stats", "/api/calls/export"]) {
        const res = await getJson(`${path}?${query(pairs)}`);
        assert.equal(res.status, 400, `${path}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.error.code, "invalid_query");
        assert.equal(res.body.error.param, param, path);
        assert.match(res.body.error.message, message, path);
      }
    });
  }

  test("a label no call has answered with a type takes any value", async () => {
    const res = await getJson(`/api/calls?${query([answer("Never asked", "eq", "anything")])}`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.calls, []);
    assert.equal(res.body.total, 0);
  });
});
