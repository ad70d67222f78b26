// GET /api/calls/export against the built app and a real database, seeded through the webhook.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { BULK, BULK_COUNT, RENEWALS, SPRING, UNIQUE_WORD, seedDeliveries } from "../support/calls-seed.ts";
import { payloadFor } from "../support/voxia-fixtures.ts";
import { csvRecords, parseCsv } from "../support/parse-csv.ts";

let database: TestDatabase;
let app: TestApp;

// More calls than one export batch (1000), several sharing a createdAt, so the keyset walk has to
// get batch boundaries and ties right.
const MANY = { id: "camp-many", name: "Many" };
const MANY_COUNT = 1234;
// Key questions whose labels are also names of plain-object properties, and text beyond ASCII.
const ODD = { id: "camp-odd", name: "Łódź — 日本" };
const question = (order: number, value: unknown) => ({ description: "", options: [], order, type: "TEXT", value });

before(async () => {
  database = await createTestDatabase("calls_export");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded });
  for (const body of seedDeliveries()) assert.equal((await postWebhook(app, body)).status, 200);
  const quoted = { id: "call-quoted", campaign: RENEWALS, createdAt: "2025-05-12T10:00:00.000Z", outcome: "NOT_INTERESTED" as const, contact: { id: "c-q", name: 'O"Brien, "Jr"\nsecond line', phoneNumber: "+15559990000" } };
  assert.equal((await postWebhook(app, JSON.stringify(payloadFor(quoted, "POST_PROCESSING_FINISHED:NOT_INTERESTED", "final")))).status, 200);
  for (const spec of [
    { id: "odd-1", createdAt: "2025-06-01T10:00:00.000Z", summary: { constructor: question(1, "yes"), toString: question(2, "no"), "Zoë": question(3, "naïve ☃ 😀") } },
    { id: "odd-2", createdAt: "2025-06-01T11:00:00.000Z", summary: { "Zoë": question(3, "Ünïcødé, with a comma") } },
  ]) {
    const call = { ...spec, campaign: ODD, outcome: "INTERESTED" as const, contact: { id: `c-${spec.id}`, name: "Renée Ø'Brien", phoneNumber: "+15559990001" } };
    assert.equal((await postWebhook(app, JSON.stringify(payloadFor(call, "POST_PROCESSING_FINISHED:INTERESTED", "final")))).status, 200);
  }
  for (let i = 0; i < MANY_COUNT; i++) {
    const spec = { id: `many-${String(i).padStart(4, "0")}`, campaign: MANY, createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, Math.floor(i / 7))).toISOString(), outcome: "INTERESTED" as const };
    const res = await postWebhook(app, JSON.stringify(payloadFor(spec, "POST_PROCESSING_FINISHED:INTERESTED", "final")));
    assert.equal(res.status, 200);
  }
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

async function exportCsv(query: string) {
  const res = await fetch(`${app.url}/api/calls/export${query}`);
  assert.equal(res.status, 200, await res.clone().text());
  return { res, text: await res.text() };
}

describe("GET /api/calls/export", () => {
  test("is a CSV download with one row per matching call and Voxia's field names as columns", async () => {
    const { res, text } = await exportCsv(`?campaign=${SPRING.id}`);
    assert.equal(res.headers.get("content-type"), "text/csv; charset=utf-8");
    assert.match(res.headers.get("content-disposition") ?? "", /^attachment; filename="callboard-calls-[\d-]+\.csv"$/);
    assert.equal(res.headers.get("content-length"), null, "streamed, not buffered");
    const records = csvRecords(text);
    // Test calls are excluded by default, as on the page.
    assert.deepEqual(records.map((r) => r.id), ["call-alan", "call-grace", "call-ada"]);
    const ada = records.find((r) => r.id === "call-ada")!;
    assert.equal(ada.createdAt, "2025-05-12T09:01:00.000Z");
    assert.equal(ada["campaign.id"], SPRING.id);
    assert.equal(ada["campaign.name"], SPRING.name);
    assert.equal(ada["contact.id"], "contact-1");
    assert.equal(ada["contact.phoneNumber"], "+15550000001");
    assert.equal(ada.status, "INTERESTED");
    assert.equal(ada.callStatus, "COMPLETED");
    assert.equal(ada.postProcessStatus, "INTERESTED");
    assert.equal(ada.hangUpReason, "CALL_FINISHED");
    assert.equal(ada.webhookEvent, "POST_PROCESSING_FINISHED:INTERESTED");
    assert.equal(ada.duration, "185");
    assert.equal(ada.totalDuration, "195");
    assert.equal(ada["interested.reached"], "true");
    assert.equal(ada["contactStatus.callMeLater"], "false");
    assert.equal(records.find((r) => r.id === "call-grace")!["contactStatus.callMeLater"], "true");
    assert.equal(ada.isTestCall, "false");
    assert.equal(ada.phoneFrom, "+15555551234");
    assert.equal(ada.organizationId, "{organizationId}");
    assert.deepEqual(JSON.parse(ada["contact.data"]!), { company: "Analytical Engines", email: "ada@example.com", tier: 3 });
    assert.equal(ada.deliveryCount, "4");
  });

  test("has a column per key question found among the matching calls, in question order", async () => {
    const spring = parseCsv((await exportCsv(`?campaign=${SPRING.id}`)).text)[0]!;
    assert.deepEqual(spring.filter((h) => h.startsWith("keyQuestion: ")), ["keyQuestion: Demo booked", "keyQuestion: Inquiry Asked", "keyQuestion: Preferred day"]);
    const records = csvRecords((await exportCsv(`?campaign=${SPRING.id}`)).text);
    const ada = records.find((r) => r.id === "call-ada")!;
    assert.equal(ada["keyQuestion: Demo booked"], "true");
    assert.equal(ada["keyQuestion: Preferred day"], "Thursday");
    assert.equal(ada["keyQuestion: Inquiry Asked"], "");
    assert.equal(records.find((r) => r.id === "call-alan")!["keyQuestion: Inquiry Asked"], "false");

    const renewals = parseCsv((await exportCsv(`?campaign=${RENEWALS.id}`)).text)[0]!;
    assert.deepEqual(renewals.filter((h) => h.startsWith("keyQuestion: ")), ["keyQuestion: Inquiry Asked"]);

    // All calls, and a filter that happens to match all of them, are read differently; same columns.
    const all = parseCsv((await exportCsv("?test=include")).text)[0]!;
    assert.deepEqual(parseCsv((await exportCsv("?test=include&from=2000-01-01")).text)[0], all);
    assert.ok(all.includes("keyQuestion: Demo booked") && all.includes("keyQuestion: constructor"), all.join());
  });

  test("writes text beyond ASCII as UTF-8, and leaves a call's unanswered questions empty whatever their label", async () => {
    const text = (await exportCsv(`?campaign=${ODD.id}`)).text;
    const header = parseCsv(text)[0]!;
    assert.deepEqual(header.filter((h) => h.startsWith("keyQuestion: ")), ["keyQuestion: constructor", "keyQuestion: toString", "keyQuestion: Zoë"]);
    const [odd2, odd1] = csvRecords(text);
    assert.equal(odd1!.id, "odd-1");
    assert.equal(odd1!["keyQuestion: constructor"], "yes");
    assert.equal(odd1!["keyQuestion: toString"], "no");
    assert.equal(odd1!["keyQuestion: Zoë"], "naïve ☃ 😀");
    assert.equal(odd2!.id, "odd-2");
    assert.equal(odd2!["keyQuestion: constructor"], "");
    assert.equal(odd2!["keyQuestion: toString"], "");
    assert.equal(odd2!["keyQuestion: Zoë"], "Ünïcødé, with a comma");
    assert.equal(odd2!["campaign.name"], ODD.name);
    assert.equal(odd2!["contact.name"], "Renée Ø'Brien");
  });

  test("applies every filter exactly as the read API does", async () => {
    const ids = async (query: string) => csvRecords((await exportCsv(query)).text).map((r) => r.id).sort();
    const api = async (query: string) => ((await (await fetch(`${app.url}/api/calls${query}&limit=500`)).json()) as { calls: { id: string }[] }).calls.map((c) => c.id).sort();
    for (const query of [
      `?campaign=${RENEWALS.id}&test=include`,
      `?status=COMPLETED`,
      `?campaign=${SPRING.id}&status=INTERESTED&status=CALL_ME_LATER&test=include`,
      `?callStatus=BUSY`,
      `?q=${UNIQUE_WORD}`,
      `?test=only`,
      `?from=2025-05-12T09:02:00Z&to=2025-05-12T09:05:00Z`,
      `?campaign=${BULK.id}&from=2025-04-01`,
    ]) {
      assert.deepEqual(await ids(query), await api(query), query);
    }
    assert.deepEqual(await ids(`?q=${UNIQUE_WORD}`), ["call-ada"]);
    assert.deepEqual(await ids("?test=only"), ["call-test"]);
    assert.equal((await ids(`?campaign=${BULK.id}`)).length, BULK_COUNT);
  });

  test("holds every matching call across export batches, in list order, each once", async (t) => {
    const started = performance.now();
    const records = csvRecords((await exportCsv(`?campaign=${MANY.id}`)).text);
    t.diagnostic(`exported ${records.length} calls in ${Math.round(performance.now() - started)} ms`);
    assert.equal(records.length, MANY_COUNT);
    assert.equal(new Set(records.map((r) => r.id)).size, MANY_COUNT);
    const order = records.map((r) => `${r.createdAt}|${r.id}`);
    assert.deepEqual(order, [...order].sort().reverse());
  });

  test("quotes cells properly and defuses spreadsheet formulas", async () => {
    const text = (await exportCsv(`?campaign=${RENEWALS.id}`)).text;
    const records = csvRecords(text);
    assert.equal(records.find((r) => r.id === "call-quoted")!["contact.name"], 'O"Brien, "Jr"\nsecond line');
    assert.equal(records.find((r) => r.id === "call-formula")!["contact.name"], `'=HYPERLINK("http://evil.example","click")`);
    assert.equal(records.find((r) => r.id === "call-busy")!["campaign.name"], RENEWALS.name);
    assert.ok(text.includes('"Renewals, Q2"'));
    // A phone number is not a formula: it stays as dialled.
    assert.equal(records.find((r) => r.id === "call-busy")!["contact.phoneNumber"], "+15550000004");
  });

  test("a calls list with nothing matching is a header row alone", async () => {
    const rows = parseCsv((await exportCsv("?q=nobody-said-this")).text);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]![0], "id");
  });

  for (const [query, param] of [
    ["?from=yesterday", "from"],
    ["?to=2025-13-45", "to"],
    ["?test=maybe", "test"],
  ] as const) {
    test(`rejects ${query} with a 400 naming the parameter`, async () => {
      const res = await fetch(`${app.url}/api/calls/export${query}`);
      assert.equal(res.status, 400);
      const body = (await res.json()) as { error: { code: string; message: string; param: string } };
      assert.equal(body.error.code, "invalid_query");
      assert.equal(body.error.param, param);
      assert.match(body.error.message, new RegExp(param));
    });
  }
});
