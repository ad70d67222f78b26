// A viewer reads phone numbers masked, so searching must not confirm a full number either: over
// real HTTP, a viewer's q= with a contact's number (in any spelling, or a number in contact.data)
// finds no call, no contact and counts nothing in the stats, where a member's finds them; a viewer's
// search by name still works.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { payloadFor } from "../support/voxia-fixtures.ts";
import { addUser, tokenFor } from "../support/users.ts";

const API_TOKEN = "viewer-search-test-api-token-77b1";
const WEBHOOK_SECRET = "viewer-search-test-secret";
const PHONE = "+15557650199";
const DATA_PHONE = "+4915123456789";
const env = { DASHBOARD_PASSWORD: "viewer-search-test-password", API_TOKEN, WEBHOOK_SECRET };
const bootstrap = { authorization: `Bearer ${API_TOKEN}` };

let database: TestDatabase;
let app: TestApp;
let viewer: Record<string, string>;
let member: Record<string, string>;

before(async () => {
  database = await createTestDatabase("viewer_search");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded, env });
  const contact = { id: "ct-vs", name: "Odile Brandt", phoneNumber: PHONE, data: { mobile: DATA_PHONE, city: "Leipzig" } };
  const body = JSON.stringify(payloadFor({ id: "call-vs-1", outcome: "INTERESTED", contact }, "POST_PROCESSING_FINISHED:INTERESTED", "final"));
  assert.equal((await postWebhook(app, body, { query: `?token=${WEBHOOK_SECRET}` })).status, 200);
  viewer = { authorization: `Bearer ${(await tokenFor(app.url, bootstrap, (await addUser(app.url, bootstrap, "viewer")).id)).token}` };
  member = { authorization: `Bearer ${(await tokenFor(app.url, bootstrap, (await addUser(app.url, bootstrap, "member")).id)).token}` };
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

async function found(headers: Record<string, string>, q: string) {
  const get = async (path: string) => {
    const res = await fetch(`${app.url}${path}?q=${encodeURIComponent(q)}&test=include`, { headers });
    assert.equal(res.status, 200, path);
    return res;
  };
  const calls = (await (await get("/api/calls")).json()) as { total: number };
  const contacts = (await (await get("/api/contacts")).json()) as { total: number };
  const stats = (await (await get("/api/stats")).json()) as { total: number };
  const csvLines = (await (await get("/api/calls/export")).text()).trim().split("\n").length - 1;
  const contactCsvLines = (await (await get("/api/contacts/export")).text()).trim().split("\n").length - 1;
  return { calls: calls.total, contacts: contacts.total, stats: stats.total, csv: csvLines, contactCsv: contactCsvLines };
}

const none = { calls: 0, contacts: 0, stats: 0, csv: 0, contactCsv: 0 };
const one = { calls: 1, contacts: 1, stats: 1, csv: 1, contactCsv: 1 };

describe("searching by phone number", () => {
  test("a member finds the call and contact by the full number, with or without its plus, and by a number in contact.data", async () => {
    for (const q of [PHONE, "5557650199", DATA_PHONE]) assert.deepEqual(await found(member, q), one, q);
  });

  test("a viewer's search by a full or partial number finds nothing", async () => {
    for (const q of [PHONE, "5557650199", "(555) 765-0199", "765019", DATA_PHONE, "15123456789"]) assert.deepEqual(await found(viewer, q), none, q);
  });

  test("a viewer still finds by name and by text in contact.data", async () => {
    assert.deepEqual(await found(viewer, "Odile"), one);
    assert.deepEqual(await found(viewer, "Leipzig"), one);
  });
});
