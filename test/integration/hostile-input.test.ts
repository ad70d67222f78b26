// Thousands of generated deliveries thrown at the running webhook: valid, mutated, truncated,
// wrong types, huge strings, deep nesting, prototype-pollution keys, random bytes. Never a 5xx,
// never a partial write (the stored deliveries and calls are exactly those answered 2xx), and the
// server stays up.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { createHash } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { payloadFor } from "../support/voxia-fixtures.ts";
import { sha256 } from "../support/delivery-stream.ts";
import { poisonBody } from "../support/poison-call.ts";

const RUNS = Number(process.env.HOSTILE_RUNS ?? 2000);
/** sha256 of every body answered 2xx → the call id it was stored under. */
const accepted = new Map<string, string>();

let database: TestDatabase;
let app: TestApp | undefined;
before(async () => {
  database = await createTestDatabase("hostile");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded });
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

type Json = unknown;
const HOSTILE_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "__defineGetter__", "then"];
const KNOWN_KEYS = ["id", "_id", "webhookEvent", "status", "callStatus", "contact", "campaign", "transcript", "createdAt", "duration", "summary", "events", "isTestCall", "postProcessStatus", "variables"];

// Mostly distinct ids, as in real traffic; a few fixed ones make some calls collect many deliveries.
const callId = fc.oneof(
  { weight: 6, arbitrary: fc.uuid() },
  { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom("{callId}", "<script>alert(1)</script>", "'; DROP TABLE calls; --", "\u0000nul", " padded ", "__proto__", "constructor") },
);
const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, 0, -1, 1e308, "", "null", [], {}, "<img src=x onerror=alert(1)>", "2024-13-45T99:99:99Z"),
  fc.integer({ min: 1000, max: 20_000 }).map((n) => "x".repeat(n)),
);
const mutation = fc.oneof(
  fc.record({ op: fc.constant("set" as const), key: fc.constantFrom(...KNOWN_KEYS, ...HOSTILE_KEYS), value: hostileValue }),
  fc.record({ op: fc.constant("delete" as const), key: fc.constantFrom(...KNOWN_KEYS) }),
  fc.record({ op: fc.constant("nested" as const), at: fc.constantFrom("contact", "campaign", "summary", "variables"), key: fc.constantFrom("name", "id", "phoneNumber", "data", ...HOSTILE_KEYS), value: hostileValue }),
);
const stage = fc.constantFrom(["DIALING", "early"], ["CONNECTED", "early"], ["HANG_UP", "ended"], ["POST_PROCESSING_FINISHED:INTERESTED", "final"], ["SOMETHING_NEW", "final"]) as fc.Arbitrary<[string, "early" | "ended" | "final"]>;
const payload = fc.tuple(callId, stage).map(([id, [event, when]]) => payloadFor({ id, outcome: "INTERESTED" }, event, when) as Record<string, Json>);

/** JSON text with own keys as given, `__proto__` included (JSON.stringify of an object cannot). */
function rawObject(entries: [string, Json][]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? "null"}`).join(",")}}`;
}
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;
function applyMutations(base: Record<string, Json>, mutations: Mutation[]): string {
  const entries = new Map<string, Json>(Object.entries(base));
  const nestedRaw = new Map<string, [string, Json][]>();
  for (const m of mutations) {
    if (m.op === "set") entries.set(m.key, m.value);
    else if (m.op === "delete") entries.delete(m.key);
    else {
      const current = entries.get(m.at);
      const list = nestedRaw.get(m.at) ?? (current && typeof current === "object" && !Array.isArray(current) ? Object.entries(current) : []);
      list.push([m.key, m.value]);
      nestedRaw.set(m.at, list);
    }
  }
  return `{${[...entries]
    .map(([key, value]) => `${JSON.stringify(key)}:${nestedRaw.has(key) ? rawObject(nestedRaw.get(key)!) : (JSON.stringify(value) ?? "null")}`)
    .concat([...nestedRaw].filter(([key]) => !entries.has(key)).map(([key, list]) => `${JSON.stringify(key)}:${rawObject(list)}`))
    .join(",")}}`;
}

const body: fc.Arbitrary<string | Uint8Array<ArrayBuffer>> = fc.oneof(
  { weight: 6, arbitrary: payload.map((p) => JSON.stringify(p)) },
  { weight: 10, arbitrary: fc.tuple(payload, fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([p, ms]) => applyMutations(p, ms)) },
  { weight: 4, arbitrary: fc.tuple(payload, fc.double({ min: 0, max: 1, noNaN: true })).map(([p, f]) => { const text = JSON.stringify(p); return text.slice(0, Math.floor(text.length * f)); }) },
  { weight: 2, arbitrary: fc.tuple(callId, fc.integer({ min: 1, max: 300 }), fc.constantFrom("[", "{\"a\":")).map(([id, depth, open]) => `{"id":${JSON.stringify(id)},"contact":{"data":${open.repeat(depth)}1${(open === "[" ? "]" : "}").repeat(depth)}}}`) },
  { weight: 1, arbitrary: fc.tuple(payload, fc.integer({ min: 100_000, max: 1_200_000 })).map(([p, n]) => JSON.stringify({ ...p, transcript: [{ role: "user", content: "y".repeat(n) }] })) },
  { weight: 2, arbitrary: fc.tuple(callId, hostileValue).map(([id, value]) => rawObject([["__proto__", { id: "polluted", isAdmin: true }], ["constructor", { prototype: { polluted: true } }], ["id", id], ["contact", value]])) },
  { weight: 2, arbitrary: fc.tuple(payload, fc.constantFrom('new NumberInt("1")', "NumberLong(5)", 'ISODate("2024-03-11T14:56:41Z")', 'ObjectId("65ef1c")', "new NumberInt(", "undefined", "NaN", "Infinity", "/regex/")).map(([p, shell]) => JSON.stringify(p).replace(/"duration":[^,}]+/, `"duration":${shell}`)) },
  // The poison call (issue 10): one call re-sent as distinct large deliveries, one field changing.
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 50_000, max: 1_000_000 })).map(([attempt, size]) => poisonBody("hostile-poison", attempt, size)) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 600 }).map((bytes) => new Uint8Array(bytes)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 5 }).map((value) => JSON.stringify(value) ?? "") },
);
const contentType = fc.oneof(
  { weight: 10, arbitrary: fc.constant("application/json") },
  { weight: 1, arbitrary: fc.constantFrom(null, "text/plain", "application/json; charset=utf-8", "application/vnd.voxia+json", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "") },
);

test("__proto__ and constructor keys Voxia forwards are stored and read back as data, never as prototypes", async () => {
  const body = `{"id":"proto-keys","contact":{"name":"P","data":{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}},"plan":"gold"}},"variables":{"__proto__":null},"summary":{"__proto__":5}}`;
  const res = await postWebhook(app!, body);
  assert.equal(res.status, 200, await res.text());
  accepted.set(sha256(body), "proto-keys");
  const call = JSON.parse(await (await fetch(`${app!.url}/api/calls/proto-keys`)).text(), (key, value) => value);
  const data = call.contact.data;
  assert.deepEqual(Object.keys(data).sort(), ["__proto__", "constructor", "plan"]);
  assert.deepEqual(Object.getOwnPropertyDescriptor(data, "__proto__")?.value, { isAdmin: true });
  assert.equal(({} as Record<string, unknown>).isAdmin, undefined, "nothing polluted Object.prototype here");
  assert.deepEqual(Object.getOwnPropertyDescriptor(call.variables, "__proto__")?.value, null);
});

test(`${RUNS} generated deliveries: never a 5xx, never a partial write, the server stays up`, { timeout: 240_000 }, async () => {
  const refused = new Map<number, number>();
  const problems: string[] = [];
  // Generated up front from one seed (printed, to replay a failure with HOSTILE_SEED) and sent
  // from several connections at once: bounded time, and the server also sees them concurrently.
  const seed = process.env.HOSTILE_SEED ? Number(process.env.HOSTILE_SEED) : Math.floor(Math.random() * 2 ** 31);
  const cases = fc.sample(fc.tuple(body, contentType), { numRuns: RUNS, seed });
  // However few the runs, the poison call gets a stream of its own among the others.
  for (let i = 0; i < 20; i++) cases.splice(Math.floor((i * cases.length) / 20), 0, [poisonBody("hostile-poison", -i, 900_000), "application/json"]);
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < cases.length; i = next++) {
      const [payloadBody, type] = cases[i]!;
      const bytes = typeof payloadBody === "string" ? Buffer.from(payloadBody) : Buffer.from(payloadBody);
      let res: Response;
      let text: string;
      try {
        res = await postWebhook(app!, bytes, { contentType: type });
        text = await res.text();
      } catch (error) {
        // Over the size limit the server answers 413 without reading the rest and closes the
        // connection; a client still sending may see the close before the answer.
        if (bytes.byteLength > 1024 * 1024) refused.set(413, (refused.get(413) ?? 0) + 1);
        else problems.push(`no answer: ${(error as Error).message} ← ${type} ${bytes.subarray(0, 300).toString()}`);
        continue;
      }
      const sample = `${res.status} ${text.slice(0, 200)} ← ${type} ${bytes.subarray(0, 300).toString()}`;
      if (res.status >= 500) problems.push(`5xx: ${sample}`);
      else if (res.ok) {
        const json = JSON.parse(text);
        if (json.ok !== true || typeof json.callId !== "string") problems.push(`odd 2xx: ${sample}`);
        else accepted.set(sha256Bytes(bytes), json.callId);
      } else if (![400, 413, 415, 422].includes(res.status) || !/^[a-z_]+$/.test(JSON.parse(text).error?.code ?? "")) {
        problems.push(`unexpected refusal: ${sample}`);
      } else refused.set(res.status, (refused.get(res.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  assert.deepEqual(problems.slice(0, 5), [], `seed ${seed}: ${problems.length} problem(s)`);
  const seconds = (Date.now() - started) / 1000;
  console.log(`[hostile] seed ${seed}: ${RUNS} requests in ${seconds.toFixed(1)} s: ${accepted.size} distinct accepted, refused ${JSON.stringify(Object.fromEntries(refused))}`);
  assert.ok(accepted.size > RUNS / 5, "a good share of the generated deliveries are usable");
  assert.ok(refused.size >= 3, "the generator reaches several refusals");

  // Still up and still ingesting.
  assert.equal((await fetch(`${app!.url}/api/health`)).status, 200);
  const last = await postWebhook(app!, JSON.stringify(payloadFor({ id: "after-the-storm", outcome: "INTERESTED" }, "DIALING", "early")));
  assert.equal(last.status, 200);
  accepted.set(sha256(JSON.stringify(payloadFor({ id: "after-the-storm", outcome: "INTERESTED" }, "DIALING", "early"))), "after-the-storm");
  assert.equal(app!.process.exitCode, null);
  // Refusals are logged with their reason, never with the caller's data.
  const output = app!.output();
  assert.match(output, /\[webhook\] refused 400/);
  for (const phone of ["+15555551234", "+1234567890", "+1999999999", "5555551234", "1234567890", "1999999999"]) {
    assert.ok(!output.includes(phone), `the app's log contains the phone number ${phone}`);
  }
  assert.ok(!/x{200}/.test(output), "the app's log contains a payload's long string");
  await app!.stop();
  app = undefined;

  // Exactly the acknowledged deliveries are stored, each with its call; nothing from a refusal.
  const deliveries = await database.query<{ sha256: string; call_id: string }>(`SELECT sha256, call_id FROM deliveries`);
  assert.deepEqual(new Set(deliveries.map((row) => row.sha256)), new Set(accepted.keys()), "stored deliveries = deliveries answered 2xx");
  for (const row of deliveries) assert.equal(row.call_id, accepted.get(row.sha256));
  const calls = await database.query<{ id: string }>(`SELECT id FROM calls`);
  assert.deepEqual(new Set(calls.map((row) => row.id)), new Set(accepted.values()), "stored calls = calls of the accepted deliveries");
  // Each call merged every one of its deliveries, the poison call's included, whatever batches they shared.
  const miscounted = await database.query(
    `SELECT id, delivery_count FROM calls c WHERE delivery_count <> (SELECT count(*) FROM deliveries d WHERE d.call_id = c.id)`,
  );
  assert.deepEqual(miscounted, []);
  assert.ok([...accepted.values()].filter((id) => id === "hostile-poison").length >= 20, "the poison call got its deliveries");
  const polluted = await database.query(`SELECT 1 FROM calls WHERE id = 'polluted'`);
  assert.equal(polluted.length, 0, "a __proto__ key never supplies the call id");
});

function sha256Bytes(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
