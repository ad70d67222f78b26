// Contacts, follow-up queues and the do-not-call list over real HTTP and a real database: webhooks in,
// /api/contacts, /api/follow-ups and /api/suppression/export out. The derived state the ingest
// transaction keeps is checked against a recomputation from the calls alone.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { payloadFor, type CallSpec } from "../support/voxia-fixtures.ts";
import { parseCsv } from "../support/parse-csv.ts";
import { recomputeContactStateSql } from "../../lib/contacts/contact-state-sql.ts";
import { normalisePhone, phoneContactKeyWith } from "../../lib/voxia/phone-number.ts";
import { contactKeySecretOf, phoneKeyIn } from "../support/contact-keys.ts";

const API_TOKEN = "contacts-token-41b7";
let database: TestDatabase;
let app: TestApp;

const SPRING = { id: "camp-spring", name: "Spring" };
const RENEWALS = { id: "camp-renewals", name: "Renewals" };
const ANN = { id: "contact-ann", name: "Ann Lee", phoneNumber: "+16175550101", data: { email: "ann@example.com", company: "Acme" } };
const BOB = { id: "contact-bob", name: "Bob Ray", phoneNumber: "+16175550102" };
// Another Voxia id on Bob's number: two contacts, one number.
const BOB_AGAIN = { id: "contact-bob-2", name: "Robert Ray", phoneNumber: "+1 (617) 555-0102" };
const CARL = { id: "contact-carl", name: "Carl Oh", phoneNumber: "+16175550103" };

type FinalSpec = CallSpec & { outcome: NonNullable<CallSpec["outcome"]> };

/** Sends the call's final delivery; returns its body. */
async function send(spec: FinalSpec, extra: Record<string, unknown> = {}): Promise<string> {
  const body = JSON.stringify({ ...payloadFor(spec, `POST_PROCESSING_FINISHED:${spec.outcome}`, "final"), ...extra });
  const response = await postWebhook(app, body);
  assert.equal(response.status, 200, await response.text());
  return body;
}

/**
 * Sends a second final delivery of a call that wins over `earlier`: of two at one stage the merge
 * keeps the one whose body's SHA-256 is greater (lib/voxia/merge-call-state.ts), so an unknown field
 * (stored, shown, harmless) varies until this body's is.
 */
async function sendWinning(spec: FinalSpec, earlier: string): Promise<void> {
  const sha = (text: string) => createHash("sha256").update(text).digest("hex");
  for (let nonce = 0; ; nonce++) {
    const body = JSON.stringify({ ...payloadFor(spec, `POST_PROCESSING_FINISHED:${spec.outcome}`, "final"), testNonce: nonce });
    if (sha(body) > sha(earlier)) {
      await send(spec, { testNonce: nonce });
      return;
    }
  }
}

/** The older format: no contact id, the number as the contact list spelled it. */
async function sendWithoutContactId(id: string, phoneNumber: string, createdAt: string) {
  const payload = payloadFor({ id, campaign: SPRING, outcome: "NOT_INTERESTED", createdAt }, "POST_PROCESSING_FINISHED:NOT_INTERESTED", "final") as Record<string, unknown>;
  payload.contact = { name: "No Id", phoneNumber, data: {} };
  assert.equal((await postWebhook(app, JSON.stringify(payload))).status, 200);
}

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${API_TOKEN}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads whatever JSON came back
  return { status: response.status, text, json: text && text.startsWith("{") ? (JSON.parse(text) as Record<string, any>) : null };
}

const queue = async (name: string, state = "open") => (await api("GET", `/api/follow-ups?queue=${name}&state=${state}`)).json!;

before(async () => {
  database = await createTestDatabase("contacts");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded, env: { DASHBOARD_PASSWORD: "pw-contacts", API_TOKEN } });
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

test("a contact is one row across its calls and campaigns, with its latest outcome and flags", async () => {
  await send({ id: "ann-1", campaign: SPRING, contact: ANN, outcome: "NOT_INTERESTED", createdAt: "2026-11-01T10:00:00.000Z" });
  await send({ id: "ann-2", campaign: RENEWALS, contact: ANN, outcome: "CALL_ME_LATER", createdAt: "2026-11-02T10:00:00.000Z" });

  const list = await api("GET", "/api/contacts?q=ann@example.com");
  assert.equal(list.status, 200, list.text);
  assert.equal(list.json!.total, 1);
  const [ann] = list.json!.contacts;
  assert.equal(ann.id, ANN.id);
  assert.equal(ann.calls, 2);
  assert.deepEqual(ann.campaigns.map((c: { name: string }) => c.name).sort(), ["Renewals", "Spring"]);
  assert.deepEqual(ann.latestCall, { id: "ann-2", status: "CALL_ME_LATER" });
  assert.deepEqual(ann.flags, { callbackRequested: true, interested: false, doNotCall: false, wrongNumber: false });
  assert.equal(ann.phoneNumber, ANN.phoneNumber, "an admin's token sees the number in full");

  const detail = await api("GET", `/api/contacts/${ANN.id}`);
  assert.deepEqual(detail.json!.calls.map((c: { id: string }) => c.id), ["ann-2", "ann-1"], "newest first");
  assert.deepEqual(detail.json!.contact.data, ANN.data);
  assert.equal(detail.json!.followUps.length, 1);

  assert.equal((await api("GET", "/api/contacts?flag=callbackRequested&campaign=camp-spring")).json!.total, 1);
  assert.equal((await api("GET", "/api/contacts?status=INTERESTED")).json!.total, 0);
  assert.equal((await api("GET", "/api/contacts?flag=sometimes")).status, 400);
  assert.equal((await api("GET", "/api/contacts/nobody")).status, 404);
});

test("calls without a contact id are one contact per number, however it was written", async () => {
  await sendWithoutContactId("noid-1", "+1 (212) 555-0199", "2026-11-03T09:00:00.000Z");
  await sendWithoutContactId("noid-2", "+12125550199", "2026-11-04T09:00:00.000Z");
  await sendWithoutContactId("noid-3", "0012125550199", "2026-11-05T09:00:00.000Z");
  const key = await phoneKeyIn(database, "+12125550199");
  assert.doesNotMatch(key, /2125550199/, "the key does not show the number");
  const detail = await api("GET", `/api/contacts/${encodeURIComponent(key)}`);
  assert.equal(detail.status, 200, detail.text);
  assert.deepEqual(detail.json!.calls.map((c: { id: string }) => c.id), ["noid-3", "noid-2", "noid-1"]);
});

test("a member marks a callback done with a note; a stale version is refused; a newer callback request reopens it", async () => {
  const open = await queue("callbacks");
  const item = open.followUps.find((f: { contact: { id: string } }) => f.contact.id === ANN.id);
  assert.ok(item, JSON.stringify(open));
  assert.equal(item.call.id, "ann-2");
  assert.equal(item.contact.phoneNumber, ANN.phoneNumber);
  assert.equal(item.waitingSince, "2026-11-02T10:00:00.000Z");
  const openBefore = open.total;

  const bad = await api("POST", `/api/follow-ups/${item.id}`, { state: "done", version: item.version });
  assert.equal(bad.status, 400);
  assert.equal(bad.json!.error.field, "outcome");
  assert.equal((await api("POST", `/api/follow-ups/${item.id}`, { state: "snoozed", snoozeUntil: "2020-01-01", version: item.version })).json!.error.field, "snoozeUntil");
  assert.equal((await api("POST", `/api/follow-ups/${item.id}`, { state: "later", version: item.version })).json!.error.field, "state");

  const done = await api("POST", `/api/follow-ups/${item.id}`, { state: "done", outcome: "reached", note: "Calls back Friday", version: item.version });
  assert.equal(done.status, 200, done.text);
  assert.equal(done.json!.state, "done");
  assert.equal(done.json!.version, item.version + 1);
  assert.equal((await queue("callbacks")).total, openBefore - 1, "the open count drops by one");
  assert.ok((await queue("callbacks", "done")).followUps.some((f: { id: string }) => f.id === item.id));

  const stale = await api("POST", `/api/follow-ups/${item.id}`, { state: "open", version: item.version });
  assert.equal(stale.status, 409);
  assert.equal(stale.json!.error.current.state, "done", "the 409 says what the item is now");

  // A call made before the one handled changes nothing; a newer one reopens the item and says why.
  await send({ id: "ann-0", campaign: SPRING, contact: ANN, outcome: "CALL_ME_LATER", createdAt: "2026-10-30T10:00:00.000Z" });
  assert.equal((await api("GET", `/api/contacts/${ANN.id}`)).json!.followUps[0].state, "done");
  await send({ id: "ann-3", campaign: SPRING, contact: ANN, outcome: "CALL_ME_LATER", createdAt: "2026-11-10T10:00:00.000Z" });
  const reopened = (await queue("callbacks")).followUps.find((f: { id: string }) => f.id === item.id);
  assert.ok(reopened, "back in the open queue");
  assert.equal(reopened.reopenedReason, "a newer call asked to be called back");
  assert.equal(reopened.call.id, "ann-3");
  assert.equal(reopened.waitingSince, "2026-11-10T10:00:00.000Z");

  const history = (await api("GET", `/api/contacts/${ANN.id}`)).json!.followUps[0].changes;
  assert.deepEqual(
    history.map((c: { state: string; by: string | null; note: string | null; reason: string | null }) => [c.state, c.by, c.note, c.reason]),
    [
      ["open", null, null, "reopened: a newer call asked to be called back"],
      ["done", "Admin", "Calls back Friday", null],
      ["open", null, null, "opened by a call"],
    ],
  );
});

test("two people acting on one item at once: one wins, the other gets 409 and nothing is lost", async () => {
  await send({ id: "carl-1", campaign: SPRING, contact: CARL, outcome: "INTERESTED", createdAt: "2026-11-06T10:00:00.000Z" });
  const item = (await queue("leads")).followUps.find((f: { contact: { id: string } }) => f.contact.id === CARL.id);
  assert.ok(item);
  const [a, b] = await Promise.all([
    api("POST", `/api/follow-ups/${item.id}`, { state: "done", outcome: "converted", note: "signed", version: item.version }),
    api("POST", `/api/follow-ups/${item.id}`, { state: "snoozed", snoozeUntil: "2099-01-01", note: "next year", version: item.version }),
  ]);
  assert.deepEqual([a.status, b.status].sort(), [200, 409]);
  const winner = a.status === 200 ? a.json! : b.json!;
  const changes = (await api("GET", `/api/contacts/${CARL.id}`)).json!.followUps[0].changes;
  assert.equal(changes.length, 2, "one change by a person, one by the call that opened it");
  assert.equal(changes[0].note, winner.note);
});

test("a newer callback request on an open item is a change: acting on the version read before it gets 409", async () => {
  const item = (await queue("callbacks")).followUps.find((f: { contact: { id: string } }) => f.contact.id === ANN.id);
  await send({ id: "ann-3b", campaign: SPRING, contact: ANN, outcome: "CALL_ME_LATER", createdAt: "2026-11-10T12:00:00.000Z" });
  const stale = await api("POST", `/api/follow-ups/${item.id}`, { state: "done", outcome: "no_answer", version: item.version });
  assert.equal(stale.status, 409, "the member had not seen the newer request");
  assert.equal(stale.json!.error.current.call.id, "ann-3b");
  assert.equal(stale.json!.error.current.state, "open");
  assert.equal(stale.json!.error.current.changes[0].reason, "a newer call asked to be called back");
});

test("a latest call that no longer qualifies takes the contact out of the queue", async () => {
  await send({ id: "ann-4", campaign: SPRING, contact: ANN, outcome: "INTERESTED", createdAt: "2026-11-11T10:00:00.000Z" });
  assert.ok(!(await queue("callbacks")).followUps.some((f: { contact: { id: string } }) => f.contact.id === ANN.id));
  assert.ok((await queue("leads")).followUps.some((f: { contact: { id: string } }) => f.contact.id === ANN.id));
});

test("a do-not-call request suppresses the number for every contact that has it, and the export lists it", async () => {
  await send({ id: "bob-1", campaign: SPRING, contact: BOB, outcome: "CALL_ME_LATER", createdAt: "2026-11-07T10:00:00.000Z" });
  await send({ id: "bob2-1", campaign: RENEWALS, contact: BOB_AGAIN, outcome: "INTERESTED", createdAt: "2026-11-07T11:00:00.000Z" });
  assert.ok((await queue("callbacks")).followUps.some((f: { contact: { id: string } }) => f.contact.id === BOB.id));
  assert.ok((await queue("leads")).followUps.some((f: { contact: { id: string } }) => f.contact.id === BOB_AGAIN.id));

  // Bob's second id asks not to be called: the number is suppressed, both contacts leave the queues.
  await send({ id: "bob2-2", campaign: RENEWALS, contact: BOB_AGAIN, outcome: "DO_NOT_CALL", createdAt: "2026-11-08T11:00:00.000Z" });
  assert.ok(!(await queue("callbacks")).followUps.some((f: { contact: { id: string } }) => f.contact.id === BOB.id));
  assert.ok(!(await queue("leads")).followUps.some((f: { contact: { id: string } }) => f.contact.id === BOB_AGAIN.id));
  const bob = (await api("GET", `/api/contacts/${BOB.id}`)).json!;
  assert.equal(bob.contact.suppressed, true, "Bob's own page says so, though his own calls never asked");
  assert.equal(bob.suppression[0].reason, "DO_NOT_CALL");

  await send({ id: "wrong-1", campaign: SPRING, contact: { id: "contact-wrong", name: "Nobody", phoneNumber: "+16175550104" }, outcome: "WRONG_NUMBER", createdAt: "2026-11-09T10:00:00.000Z" });
  const exported = await fetch(`${app.url}/api/suppression/export`, { headers: { authorization: `Bearer ${API_TOKEN}` } });
  assert.equal(exported.status, 200);
  assert.match(exported.headers.get("content-type") ?? "", /text\/csv/);
  const rows = parseCsv(await exported.text());
  assert.deepEqual(rows[0], ["phone", "name", "reason", "date", "last_seen", "call_id"]);
  assert.deepEqual(rows.slice(1), [["+16175550102", "Robert Ray", "DO_NOT_CALL", "2026-11-08T11:00:00.000Z", "2026-11-08T11:00:00.000Z", "bob2-2"]]);
  const wrong = parseCsv(await (await fetch(`${app.url}/api/suppression/export?list=wrong_number`, { headers: { authorization: `Bearer ${API_TOKEN}` } })).text());
  assert.deepEqual(wrong.slice(1).map((r) => [r[0], r[2], r[5]]), [["+16175550104", "WRONG_NUMBER", "wrong-1"]]);
  assert.equal((await api("GET", "/api/suppression/export?list=everyone")).status, 400);
});

test("a test call puts no one in a queue, and does not take them out of one", async () => {
  const tester = { id: "contact-tester", name: "QA", phoneNumber: "+16175550105" };
  await send({ id: "test-1", campaign: SPRING, contact: tester, outcome: "CALL_ME_LATER", createdAt: "2026-11-12T10:00:00.000Z", isTestCall: true });
  assert.ok(!(await queue("callbacks")).followUps.some((f: { contact: { id: string } }) => f.contact.id === tester.id));
  await send({ id: "carl-test", campaign: SPRING, contact: CARL, outcome: "NOT_INTERESTED", createdAt: "2026-11-12T11:00:00.000Z", isTestCall: true });
  const carl = (await api("GET", `/api/contacts/${CARL.id}`)).json!;
  assert.equal(carl.contact.latestCall.id, "carl-test", "the contact's latest call is the test call");
  assert.equal(carl.contact.flags.interested, true, "but the work goes by the latest real call");
});

test("the queues' parameters are checked", async () => {
  const missing = await api("GET", "/api/follow-ups");
  assert.equal(missing.status, 400);
  assert.equal(missing.json!.error.param, "queue");
  assert.equal((await api("GET", "/api/follow-ups?queue=leads&state=closed")).json!.error.param, "state");
  assert.equal((await api("POST", "/api/follow-ups/999999", { state: "open", version: 1 })).status, 404);
});

test("a contact's kept sums follow calls that change contact, campaign, time or outcome as a recount does", async () => {
  const DANA = { id: "contact-dana", name: "Dana Wu", phoneNumber: "+16175550104" };
  const ERIN = { id: "contact-erin", name: "Erin Po", phoneNumber: "+16175550105" };
  const contacts = () =>
    database.query<Record<string, unknown>>(`SELECT * FROM contacts WHERE id IN ('contact-dana', 'contact-erin', 'contact-dana-twin') ORDER BY id`);
  // Another contact on Dana's number, waiting for a callback: in the queue while the number is not on the do-not-call list.
  const TWIN = { id: "contact-dana-twin", name: "D. Wu", phoneNumber: "+1 617 555 0104" };
  const twinWaiting = async () =>
    (await queue("callbacks")).followUps.some((f: { contact: { id: string } }) => f.contact.id === TWIN.id);
  await send({ id: "twin-1", campaign: SPRING, contact: TWIN, outcome: "CALL_ME_LATER", createdAt: "2026-11-10T08:00:00.000Z" });
  assert.equal(await twinWaiting(), true);
  // Each delivery is its own batch: the first recounts Dana, the others add to her kept sums.
  await send({ id: "dana-1", campaign: SPRING, contact: DANA, outcome: "CALL_ME_LATER", createdAt: "2026-11-10T09:00:00.000Z" });
  const dana2 = await send({ id: "dana-2", campaign: SPRING, contact: DANA, outcome: "INTERESTED", createdAt: "2026-11-10T10:00:00.000Z" });
  const dana3 = await send({ id: "dana-3", campaign: RENEWALS, contact: DANA, outcome: "DO_NOT_CALL", createdAt: "2026-11-10T11:00:00.000Z" });
  let [dana] = await contacts();
  assert.equal(dana!.facts_kept, true);
  assert.equal(dana!.call_count, 3);
  assert.deepEqual(dana!.campaign_ids, [RENEWALS.id, SPRING.id]);
  assert.equal(dana!.do_not_call, true);
  assert.equal(dana!.latest_call_id, "dana-3");
  assert.equal(await twinWaiting(), false, "Dana's do-not-call request takes her number's other contact out of the queue");
  // dana-3 turns out to be Erin's call, and not a do-not-call request: Dana loses a call and her
  // do-not-call flag, Erin gains the call. dana-2 moves to Renewals and to another time.
  await sendWinning({ id: "dana-3", campaign: RENEWALS, contact: ERIN, outcome: "NOT_INTERESTED", createdAt: "2026-11-10T11:00:00.000Z" }, dana3);
  await sendWinning({ id: "dana-2", campaign: RENEWALS, contact: DANA, outcome: "INTERESTED", createdAt: "2026-11-10T10:30:00.000Z" }, dana2);
  await send({ id: "dana-4", campaign: SPRING, contact: { ...DANA, name: "Dana W." }, outcome: "NOT_INTERESTED", createdAt: "2026-11-10T12:00:00.000Z" });
  const [danaNow, , erin] = await contacts();
  dana = danaNow;
  assert.deepEqual(
    [dana!.call_count, dana!.campaign_ids, dana!.do_not_call, dana!.latest_call_id, dana!.name, (dana!.first_call_at as Date).toISOString()],
    [3, [RENEWALS.id, SPRING.id], false, "dana-4", "Dana W.", "2026-11-10T09:00:00.000Z"],
  );
  assert.deepEqual([erin!.call_count, erin!.campaign_ids, erin!.latest_call_id], [1, [RENEWALS.id], "dana-3"]);
  assert.equal(await twinWaiting(), true, "the number is off the do-not-call list again: its other contact is back in the queue");
  // What was kept batch by batch is what a recomputation from every call gives.
  const kept = await contacts();
  await database.query(`UPDATE contacts SET facts_kept = false, call_count = 0 WHERE id IN ('contact-dana', 'contact-erin', 'contact-dana-twin')`);
  await database.query(recomputeContactStateSql("all"));
  assert.deepEqual(await contacts(), kept);
});

test("the kept state equals a recomputation from the calls alone", async () => {
  // A person who asked not to be called, with no number to put on the list: the rebuild skips them as the ingest does.
  await send({ id: "nophone-dnc", campaign: SPRING, contact: { id: "contact-nophone", name: "No Phone", phoneNumber: "" }, outcome: "DO_NOT_CALL", createdAt: "2026-11-09T09:00:00.000Z" });
  // The embedded database takes one connection at a time: the app lets go of it first.
  await app.stop();
  if (database.embedded) await new Promise((resolve) => setTimeout(resolve, 300));
  const snapshot = async () => ({
    contacts: await database.query(`SELECT * FROM contacts ORDER BY id`),
    suppressed: await database.query(`SELECT * FROM suppressed_numbers ORDER BY list, phone`),
    followUps: await database.query(`SELECT id, contact_id, queue, state, version, active, trigger_call_id, trigger_at FROM follow_ups ORDER BY id`),
  });
  const kept = await snapshot();
  assert.ok(kept.contacts.length >= 6);
  await database.query(`UPDATE contacts SET call_count = 0, latest_status = NULL, campaign_ids = '{}'`);
  await database.query(`DELETE FROM suppressed_numbers`);
  await database.query(recomputeContactStateSql("all"));
  assert.deepEqual(await snapshot(), kept);

  // A rebuild from the delivery log keeps people's work as it was: no item reopened or added by the
  // older calls it passes through on the way (ann-0, an old callback request, comes back before ann-4).
  const changes = await database.query(`SELECT follow_up_id, state, reason, call_id FROM follow_up_changes ORDER BY id`);
  const reprocess = spawnSync(process.execPath, ["--import", "tsx", "scripts/reprocess.ts", "--from-scratch"], {
    env: { ...process.env, DATABASE_URL: database.url, ...(database.embedded ? { CALLBOARD_EMBEDDED_DB: "1" } : {}) },
    encoding: "utf8",
  });
  assert.equal(reprocess.status, 0, reprocess.stderr + reprocess.stdout);
  assert.deepEqual(await snapshot(), kept);
  assert.deepEqual(await database.query(`SELECT follow_up_id, state, reason, call_id FROM follow_up_changes ORDER BY id`), changes);
});

test("the database and the app normalise a phone number the same way", async () => {
  const samples = ["+1 (617) 555-0198", "+16175550198", "0016175550198", "00 44 7700 900123", "617.555.0198", " +44 7700-900123 ", "\u00a0+1 617 555 0198", "\t+16175550198", "ext", "", "+", "0"];
  const [row] = await database.query<{ normalised: (string | null)[]; keys: (string | null)[] }>(
    `SELECT array_agg(callboard_e164(p) ORDER BY n) AS normalised, array_agg(callboard_phone_contact_key(p) ORDER BY n) AS keys
     FROM unnest($1::text[]) WITH ORDINALITY AS t(p, n)`, [samples]);
  assert.deepEqual(row!.normalised, samples.map(normalisePhone));
  const secret = await contactKeySecretOf(database);
  assert.match(secret, /^[0-9a-f]{64}$/, "256 bits of this database's own");
  assert.deepEqual(row!.keys, samples.map((p) => phoneContactKeyWith(secret, p)));
  assert.deepEqual(samples.slice(0, 4).map(normalisePhone), ["+16175550198", "+16175550198", "+16175550198", "+447700900123"]);
  assert.equal(normalisePhone("617.555.0198"), "6175550198", "no country code is guessed");
});
