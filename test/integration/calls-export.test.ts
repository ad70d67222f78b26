// GET /api/calls/export against the built app and a real database, seeded through the webhook.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { BULK, BULK_COUNT, RENEWALS, SPRING, UNIQUE_WORD, seedDeliveries } from "../support/calls-seed.ts";
import { payloadFor } from "../support/voxia-fixtures.ts";
import { csvRecords, parseCsv } from "../support/parse-csv.ts";
import XLSX from "xlsx";

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

/** The export with the read API's field names as headers (`headers=keys`). */
const keyed = (query: string) => exportCsv(`${query}${query ? "&" : "?"}headers=keys`);

/** The downloaded file as a spreadsheet reads it (SheetJS's CSV reader infers types as Excel does). */
async function asSpreadsheet(query: string) {
  const res = await fetch(`${app.url}/api/calls/export${query}`);
  assert.equal(res.status, 200);
  const book = XLSX.read(Buffer.from(await res.arrayBuffer()), { type: "buffer" });
  const sheet = book.Sheets[book.SheetNames[0]!]!;
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
  const header = (rows[0] as string[]).map((h) => h.replace(/^\uFEFF/, ""));
  return {
    header,
    /** The cell under `column` in the row whose first cell is `id`, with its inferred type. */
    cell(id: string, column: string): XLSX.CellObject | undefined {
      const r = rows.findIndex((row) => row[0] === id);
      const c = header.indexOf(column);
      assert.ok(r > 0 && c >= 0, `${id} / ${column}`);
      return sheet[XLSX.utils.encode_cell({ r, c })];
    },
  };
}

describe("GET /api/calls/export", () => {
  test("is a CSV download with one row per matching call, with Voxia's field names as columns on request", async () => {
    const { res, text } = await keyed(`?campaign=${SPRING.id}`);
    assert.equal(res.headers.get("content-type"), "text/csv; charset=utf-8");
    assert.match(res.headers.get("content-disposition") ?? "", /^attachment; filename="callboard-calls-[\d-]+\.csv"$/);
    assert.equal(res.headers.get("content-length"), null, "streamed, not buffered");
    const records = csvRecords(text);
    // Test calls are excluded by default, as on the page.
    assert.deepEqual(records.map((r) => r.id), ["call-alan", "call-grace", "call-ada"]);
    const ada = records.find((r) => r.id === "call-ada")!;
    assert.equal(ada.createdAt, "2025-05-12 09:01:00", "UTC, as a spreadsheet reads dates");
    assert.equal(ada["campaign.id"], SPRING.id);
    assert.equal(ada["campaign.name"], SPRING.name);
    assert.equal(ada["contact.id"], "contact-1");
    assert.equal(ada["contact.phoneNumber"], '="+15550000001"', "text to a spreadsheet (read as one below)");
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
    assert.equal(ada.phoneFrom, '="+15555551234"');
    assert.equal(ada.organizationId, "{organizationId}");
    assert.equal(ada.deliveryCount, "4");
    assert.match(ada.lastReceivedAt!, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{3})?$/);
  });

  test("has a column per key question found among the matching calls, in question order", async () => {
    const spring = parseCsv((await keyed(`?campaign=${SPRING.id}`)).text)[0]!;
    assert.deepEqual(spring.filter((h) => h.startsWith("keyQuestion: ")), ["keyQuestion: Demo booked", "keyQuestion: Inquiry Asked", "keyQuestion: Preferred day"]);
    const records = csvRecords((await keyed(`?campaign=${SPRING.id}`)).text);
    const ada = records.find((r) => r.id === "call-ada")!;
    assert.equal(ada["keyQuestion: Demo booked"], "true");
    assert.equal(ada["keyQuestion: Preferred day"], "Thursday");
    assert.equal(ada["keyQuestion: Inquiry Asked"], "");
    assert.equal(records.find((r) => r.id === "call-alan")!["keyQuestion: Inquiry Asked"], "false");

    const renewals = parseCsv((await keyed(`?campaign=${RENEWALS.id}`)).text)[0]!;
    assert.deepEqual(renewals.filter((h) => h.startsWith("keyQuestion: ")), ["keyQuestion: Inquiry Asked"]);

    // All calls, and a filter that happens to match all of them, are read differently; same columns.
    const all = parseCsv((await keyed("?test=include")).text)[0]!;
    assert.deepEqual(parseCsv((await keyed("?test=include&from=2000-01-01")).text)[0], all);
    assert.ok(all.includes("keyQuestion: Demo booked") && all.includes("keyQuestion: constructor"), all.join());
  });

  test("writes text beyond ASCII as UTF-8, and leaves a call's unanswered questions empty whatever their label", async () => {
    const text = (await keyed(`?campaign=${ODD.id}`)).text;
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
    const ids = async (query: string) => csvRecords((await keyed(query)).text).map((r) => r.id!).sort();
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
    const records = csvRecords((await keyed(`?campaign=${MANY.id}`)).text);
    t.diagnostic(`exported ${records.length} calls in ${Math.round(performance.now() - started)} ms`);
    assert.equal(records.length, MANY_COUNT);
    assert.equal(new Set(records.map((r) => r.id)).size, MANY_COUNT);
    const order = records.map((r) => `${r.createdAt}|${r.id}`);
    assert.deepEqual(order, [...order].sort().reverse());
  });

  test("quotes cells properly and defuses spreadsheet formulas", async () => {
    const text = (await keyed(`?campaign=${RENEWALS.id}`)).text;
    const records = csvRecords(text);
    assert.equal(records.find((r) => r.id === "call-quoted")!["contact.name"], 'O"Brien, "Jr"\nsecond line');
    assert.equal(records.find((r) => r.id === "call-formula")!["contact.name"], `'=HYPERLINK("http://evil.example","click")`);
    assert.equal(records.find((r) => r.id === "call-busy")!["campaign.name"], RENEWALS.name);
    assert.ok(text.includes('"Renewals, Q2"'));
    // A phone number is not a formula of the caller's: it is our ="…", which shows it as dialled.
    assert.equal(records.find((r) => r.id === "call-busy")!["contact.phoneNumber"], '="+15550000004"');
  });

  test("has human headers by default, the same columns and cells as with headers=keys", async () => {
    const labelled = parseCsv((await exportCsv(`?campaign=${SPRING.id}`)).text);
    const keys = parseCsv((await keyed(`?campaign=${SPRING.id}`)).text);
    assert.deepEqual(labelled[0]!.slice(0, 8), ["Call ID", "Created (UTC)", "Campaign ID", "Campaign", "Contact ID", "Contact name", "Contact phone", "Status"]);
    assert.deepEqual(keys[0]!.slice(0, 8), ["id", "createdAt", "campaign.id", "campaign.name", "contact.id", "contact.name", "contact.phoneNumber", "status"]);
    assert.ok(labelled[0]!.includes("Duration (s)") && labelled[0]!.includes("Last received (UTC)") && labelled[0]!.includes("Key question: Demo booked"), labelled[0]!.join());
    assert.equal(labelled[0]!.length, keys[0]!.length);
    assert.deepEqual(labelled.slice(1), keys.slice(1));
  });

  test("has a column per contact.data key found among the matching calls", async () => {
    const header = parseCsv((await exportCsv(`?campaign=${SPRING.id}`)).text)[0]!;
    assert.deepEqual(header.filter((h) => h.startsWith("Contact data: ")), ["Contact data: company", "Contact data: email", "Contact data: tier"]);
    const records = csvRecords((await keyed(`?campaign=${SPRING.id}`)).text);
    const ada = records.find((r) => r.id === "call-ada")!;
    assert.deepEqual([ada["contact.data.company"], ada["contact.data.email"], ada["contact.data.tier"]], ["Analytical Engines", "ada@example.com", "3"]);
    const grace = records.find((r) => r.id === "call-grace")!;
    assert.deepEqual([grace["contact.data.company"], grace["contact.data.email"], grace["contact.data.tier"]], ["", "", ""]);
    assert.equal("contact.data" in ada, false, "no JSON blob column");
    // A filter whose calls have no contact data has no such columns.
    assert.deepEqual(parseCsv((await exportCsv(`?campaign=${BULK.id}`)).text)[0]!.filter((h) => h.startsWith("Contact data")), []);
  });

  test("include=transcript adds the transcript as plain text, a line per turn", async () => {
    const plain = parseCsv((await exportCsv(`?campaign=${SPRING.id}`)).text)[0]!;
    assert.equal(plain.includes("Transcript"), false, "only on request");
    const text = (await exportCsv(`?campaign=${SPRING.id}&include=transcript`)).text;
    const header = parseCsv(text)[0]!;
    assert.equal(header.at(-1), "Transcript");
    const records = csvRecords(text);
    assert.equal(
      records.find((r) => r["Call ID"] === "call-ada")!.Transcript,
      [
        "Agent: Good morning, this is Voxia calling for Spring Promo.",
        "Contact: Morning! I read about your offer, tell me more.",
        "Agent: We can set up a demo this week. Would Thursday suit you?",
        `Contact: Thursday works. I will fly in on the ${UNIQUE_WORD} anyway.`,
        "Agent: Lovely, I have booked Thursday at ten. Goodbye!",
      ].join("\n"),
    );
    assert.equal(records.find((r) => r["Call ID"] === "call-grace")!.Transcript, "Agent: Hello, is this Grace?\nContact: I am in a meeting, call me next week.");
    const busy = csvRecords((await exportCsv(`?campaign=${RENEWALS.id}&include=transcript`)).text).find((r) => r["Call ID"] === "call-busy")!;
    assert.equal(busy.Transcript, "", "a call that never connected has none");
    // A role we do not know is named as sent, in the older format too; keys name the column "transcript".
    const legacy = csvRecords((await keyed("?q=Hedy&include=transcript")).text);
    assert.equal(legacy.find((r) => r.id === "call-legacy")!.transcript, "system: Call recorded for quality.\nAgent: Hello Hedy, calling about your renewal.\nContact: <b>Not</b> now, please.");
  });

  test("opened as a spreadsheet, phone numbers are exactly their text, times are dates, numbers are numbers", async () => {
    const sheet = await asSpreadsheet(`?campaign=${SPRING.id}`);
    assert.equal(sheet.header[0], "Call ID");
    const phone = sheet.cell("call-ada", "Contact phone");
    assert.deepEqual([phone?.t, phone?.v], ["s", "+15550000001"]);
    const from = sheet.cell("call-ada", "Called from");
    assert.deepEqual([from?.t, from?.v], ["s", "+15555551234"]);
    // A date is a number of days since 1899-12-30 shown as a date, as in Excel (the reader's own
    // zone plays no part: the cell holds the wall-clock time written, which is UTC).
    const created = sheet.cell("call-ada", "Created (UTC)");
    assert.deepEqual([created?.t, created?.w], ["n", "5/12/25"]);
    assert.ok(Math.abs((created!.v as number) - (Date.UTC(2025, 4, 12, 9, 1) / 86_400_000 + 25_569)) < 1e-6, String(created?.v));
    assert.deepEqual([sheet.cell("call-ada", "Last received (UTC)")?.t, typeof sheet.cell("call-ada", "Last received (UTC)")?.w], ["n", "string"]);
    const duration = sheet.cell("call-ada", "Duration (s)");
    assert.deepEqual([duration?.t, duration?.v], ["n", 185]);
    const tier = sheet.cell("call-ada", "Contact data: tier");
    assert.deepEqual([tier?.t, tier?.v], ["n", 3]);
    assert.deepEqual(sheet.cell("call-ada", "Contact data: email")?.v, "ada@example.com");
    const formula = (await asSpreadsheet(`?campaign=${RENEWALS.id}`)).cell("call-formula", "Contact name");
    assert.deepEqual([formula?.t, formula?.v, formula?.f], ["s", `'=HYPERLINK("http://evil.example","click")`, undefined]);
  });

  test("a calls list with nothing matching is a header row alone", async () => {
    const rows = parseCsv((await exportCsv("?q=nobody-said-this")).text);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]![0], "Call ID");
  });

  for (const [query, param] of [
    ["?from=yesterday", "from"],
    ["?to=2025-13-45", "to"],
    ["?test=maybe", "test"],
    ["?headers=names", "headers"],
    ["?include=transcript&include=recording", "include"],
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
