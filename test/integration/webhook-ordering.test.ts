// Promise: deliveries of one call may arrive in any order (or all at once) and the call converges to
// the same rows — the later lifecycle stage wins the status fields, no delivery blanks a field an
// earlier one filled, and transcript and summary come from the most complete delivery.
// Every permutation of each lifecycle is sent over HTTP, each permutation as its own call — except
// the six-delivery forwarded lifecycle, whose 720 orderings take about a minute over HTTP: a spread
// sample of them is sent by default and all of them with ORDERING_EXHAUSTIVE=1. (All 720 are always
// checked through mergeCallState in test/unit/merge-call-state.test.ts.)
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { callRowsWithoutId, readCallTables, RECEIPT_TIME_COLUMNS, type CallTables } from "../support/call-tables.ts";
import { examplePayload, payloadFor, type CallSpec } from "../support/voxia-fixtures.ts";

type Json = Record<string, unknown>;
type Lifecycle = { name: string; stages: ((id: string) => Json)[] };

const spec = (id: string, outcome: CallSpec["outcome"], notConnected?: CallSpec["notConnected"]): CallSpec => ({
  id,
  outcome,
  notConnected,
  campaign: { id: "camp-order", name: "Ordering" },
  contact: { id: "contact-order", name: "Ada", phoneNumber: "+15550000001", data: { company: "Acme" } },
});

const fullTranscript = examplePayload().transcript as Json[];

// A forwarded call that was answered: six deliveries. Later stages deliberately leave out or null
// fields earlier ones filled, and the last one carries a shorter transcript than HANG_UP did.
const forwarded: Lifecycle = {
  name: "forwarded",
  stages: [
    (id) => withoutKeys(payloadFor(spec(id, "INTERESTED"), "DIALING", "early"), ["hangUpReason", "summary", "events"]),
    (id) => payloadFor(spec(id, "INTERESTED"), "CONNECTED", "early"),
    (id) => ({ ...payloadFor(spec(id, "INTERESTED"), "FORWARDED", "early"), events: [{ type: "FORWARD", data: { phoneNumber: "+1999" } }] }),
    (id) => payloadFor(spec(id, "INTERESTED"), "HANG_UP", "ended"),
    (id) => ({ ...payloadFor(spec(id, "INTERESTED"), "FORWARDED_CALL_FINISHED", "ended"), totalDuration: 300 }),
    (id) => ({
      ...withoutKeys(payloadFor(spec(id, "INTERESTED"), "POST_PROCESSING_FINISHED:INTERESTED", "final"), ["twilio", "totalDuration"]),
      phoneFrom: null,
      hangUpReason: null,
      transcript: fullTranscript.slice(0, 3),
    }),
  ],
};

const plain = (outcome: "CALL_ME_LATER" | "NOT_INTERESTED"): Lifecycle => ({
  name: `plain-${outcome}`,
  stages: [
    (id) => payloadFor(spec(id, outcome), "DIALING", "early"),
    (id) => payloadFor(spec(id, outcome), "CONNECTED", "early"),
    (id) => payloadFor(spec(id, outcome), "HANG_UP", "ended"),
    (id) => payloadFor(spec(id, outcome), `POST_PROCESSING_FINISHED:${outcome}`, "final"),
  ],
});

const unconnected = (how: "FAILED" | "BUSY" | "NO_ANSWER"): Lifecycle => ({
  name: `unconnected-${how}`,
  stages: [
    (id) => payloadFor(spec(id, null, how), "DIALING", "early"),
    (id) => payloadFor(spec(id, null, how), how === "FAILED" ? "FAILED" : `COULD_NOT_CONNECT:${how}`, "ended"),
  ],
});

const LIFECYCLES = [forwarded, plain("CALL_ME_LATER"), plain("NOT_INTERESTED"), unconnected("FAILED"), unconnected("BUSY"), unconnected("NO_ANSWER")];
/** Of the forwarded lifecycle's 720 orderings, every SAMPLE_STEP-th is sent. */
const SAMPLE_STEP = process.env.ORDERING_EXHAUSTIVE === "1" ? 1 : 24;
/** Calls per lifecycle whose deliveries are all sent at the same moment instead of one by one. */
const CONCURRENT_CALLS = 6;

let database: TestDatabase;
let app: TestApp;
let tables: CallTables;

before(async () => {
  database = await createTestDatabase("ordering");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded });
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

test("every ordering of every lifecycle is acknowledged", async () => {
  const jobs: (() => Promise<void>)[] = [];
  for (const lifecycle of LIFECYCLES) {
    permutations(lifecycle.stages.length).forEach((order, index) => {
      if (index % sampleStep(lifecycle) !== 0) return;
      const id = `${lifecycle.name}-perm-${index}`;
      jobs.push(async () => {
        for (const stage of order) await send(lifecycle.stages[stage]!(id));
      });
    });
    for (let i = 0; i < CONCURRENT_CALLS; i++) {
      const id = `${lifecycle.name}-concurrent-${i}`;
      jobs.push(async () => {
        await Promise.all(lifecycle.stages.map((stage) => send(stage(id))));
      });
    }
  }
  await runWithConcurrency(jobs, 6);
});

test("all orderings of a lifecycle converge to identical call, answer and event rows", async () => {
  // Stop the app first: the embedded database serves one connection, and reading after a stop also
  // shows that what was acknowledged is durable.
  await app.stop();
  tables = await readCallTables(database, { omit: RECEIPT_TIME_COLUMNS });
  for (const lifecycle of LIFECYCLES) {
    const ids = tables.calls.map((row) => row.id as string).filter((id) => id.startsWith(`${lifecycle.name}-`));
    const orderings = Math.ceil(factorial(lifecycle.stages.length) / sampleStep(lifecycle));
    assert.equal(ids.length, orderings + CONCURRENT_CALLS, `${lifecycle.name}: one row per call`);
    const reference = callRowsWithoutId(tables, ids[0]!);
    for (const id of ids.slice(1)) {
      assert.deepEqual(callRowsWithoutId(tables, id), reference, `${lifecycle.name}: call ${id} differs from ${ids[0]}`);
    }
  }
});

test("the converged forwarded call keeps the latest status and every field any delivery filled", () => {
  const { call: [call], answers, events } = callRowsWithoutId(tables, "forwarded-perm-0");
  assert.ok(call);
  assert.equal(call.webhook_event, "POST_PROCESSING_FINISHED:INTERESTED");
  assert.equal(call.status, "INTERESTED");
  assert.equal(call.post_process_status, "INTERESTED");
  assert.equal(call.call_status, "COMPLETED");
  assert.equal(call.delivery_count, 6);
  // Nulled or left out by the last delivery, filled by earlier ones.
  assert.equal(call.hang_up_reason, "CALL_FINISHED");
  assert.equal(call.phone_from, "+15555551234");
  assert.equal(call.twilio_account_sid, "{accountSid}");
  assert.equal(call.total_duration, 300);
  // HANG_UP's five-line transcript beats the final delivery's three lines.
  assert.equal((call.transcript as unknown[]).length, 5);
  assert.match(call.transcript_text as string, /Have a great day!$/);
  assert.deepEqual(answers.map((a) => [a.label, a.value_text]), [["Inquiry Asked", "false"]]);
  // The final delivery's two events beat FORWARDED's single one.
  assert.deepEqual(events.map((e) => e.type), ["SMS", "FORWARD"]);
});

test("a call that never connected ends with its failure, not an earlier progress status", () => {
  for (const [how, event] of [["BUSY", "COULD_NOT_CONNECT:BUSY"], ["NO_ANSWER", "COULD_NOT_CONNECT:NO_ANSWER"], ["FAILED", "FAILED"]]) {
    const { call: [call] } = callRowsWithoutId(tables, `unconnected-${how}-perm-0`);
    assert.equal(call?.webhook_event, event);
    assert.equal(call?.call_status, how);
    assert.equal(call?.status, how);
  }
});

async function send(body: Json) {
  const res = await postWebhook(app, JSON.stringify(body));
  const text = await res.text();
  assert.equal(res.status, 200, `${body.id} ${body.webhookEvent}: ${text}`);
}

function sampleStep(lifecycle: Lifecycle): number {
  return lifecycle === forwarded ? SAMPLE_STEP : 1;
}

function withoutKeys(object: Json, keys: string[]): Json {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((rest) => Array.from({ length: n }, (_, i) => [...rest.slice(0, i), n - 1, ...rest.slice(i)]));
}

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}

async function runWithConcurrency(jobs: (() => Promise<void>)[], limit: number) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }),
  );
}
