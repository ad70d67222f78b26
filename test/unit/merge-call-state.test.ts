// mergeCallState: a call's state is a pure function of the SET of its deliveries. Exhaustively over
// every ordering of the documented lifecycles, and as properties over generated deliveries.
import { phoneContactKeyWith, setContactKeySecret } from "../../lib/voxia/phone-number.ts";
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import fc from "fast-check";
import { parseVoxiaJson, type JsonValue } from "../../lib/voxia/parse-voxia-json.ts";
import { readVoxiaDelivery } from "../../lib/voxia/voxia-payload.ts";
import { callStateOf, mergeCallState, mergeInto, type MergeState, type ReceivedDelivery } from "../../lib/voxia/merge-call-state.ts";
import { fromStoredMergeState, toStoredMergeState } from "../../lib/voxia/stored-merge-state.ts";
import { WEBHOOK_EVENTS } from "../../lib/voxia/vocabulary.ts";
import { jsonParam } from "../../lib/voxia/stringify-json.ts";
import { parseStoredJson } from "../../lib/ingest/store-deliveries.ts";
import { payloadFor } from "../support/voxia-fixtures.ts";

// What the app reads from its database's installation table before building any call state.
const SECRET = "unit-test-contact-key-secret";
setContactKeySecret(SECRET);

function received(body: JsonValue, receivedAt: Date): ReceivedDelivery {
  const text = JSON.stringify(body);
  const result = readVoxiaDelivery(parseVoxiaJson(text));
  assert.ok(result.ok);
  return { delivery: result.delivery, sha256: createHash("sha256").update(text).digest("hex"), receivedAt };
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** Arrival i happens at minute i, whatever delivery it is: receipt times follow the order. */
function arriving(order: ReceivedDelivery[]): ReceivedDelivery[] {
  return order.map((r, i) => ({ ...r, receivedAt: new Date(Date.UTC(2024, 0, 1, 0, i)) }));
}

const LIFECYCLES: Record<string, [event: string, stage: "early" | "ended" | "final"][]> = {
  forwarded: [
    ["DIALING", "early"], ["CONNECTED", "early"], ["FORWARDED", "early"], ["HANG_UP", "ended"],
    ["FORWARDED_CALL_FINISHED", "ended"], ["POST_PROCESSING_FINISHED:INTERESTED", "final"],
  ],
  voicemail: [["DIALING", "early"], ["CONNECTED", "early"], ["HANG_UP", "ended"], ["POST_PROCESSING_FINISHED:VOICE_MAIL", "final"]],
  failed: [["DIALING", "early"], ["FAILED", "ended"]],
  busy: [["DIALING", "early"], ["COULD_NOT_CONNECT:BUSY", "ended"]],
  "no answer": [["DIALING", "early"], ["COULD_NOT_CONNECT:NO_ANSWER", "ended"]],
};

for (const [name, stages] of Object.entries(LIFECYCLES)) {
  test(`every ordering of the ${name} lifecycle (${permutations(stages).length}) merges to the same state`, () => {
    const notConnected = name === "failed" ? "FAILED" : name === "busy" ? "BUSY" : name === "no answer" ? "NO_ANSWER" : undefined;
    const deliveries = stages.map(([event, stage], i) => {
      const body = payloadFor({ id: "c", outcome: "INTERESTED", notConnected }, event, stage);
      // Later stages leave out things earlier ones said; nothing may be blanked by that.
      if (i === stages.length - 1 && stages.length > 2) Object.assign(body, { phoneFrom: null, twilio: undefined, hangUpReason: null });
      return received(body as JsonValue, new Date(0));
    });
    const reference = mergeCallState(arriving(deliveries));
    for (const order of permutations(deliveries)) assert.deepEqual(mergeCallState(arriving(order)), reference);
    const [lastEvent] = stages[stages.length - 1]!;
    assert.equal(reference.webhookEvent, lastEvent);
    if (stages.length > 2) {
      assert.equal(reference.phoneFrom, "+15555551234");
      assert.equal(reference.twilioAccountSid, "{accountSid}");
      assert.equal(reference.hangUpReason, "CALL_FINISHED");
    }
  });
}

// Generated deliveries: each field present, null or absent; values from small pools so that
// deliveries disagree with each other often.
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const deliveryBody = fc.record(
  {
    webhookEvent: maybe(fc.constantFrom(...WEBHOOK_EVENTS, "SOMETHING_NEW")),
    status: maybe(fc.constantFrom("IN_PROGRESS", "CALL_FINISHED", "INTERESTED", "BUSY", "ODD")),
    callStatus: maybe(fc.constantFrom("IN_PROGRESS", "COMPLETED", "NO_ANSWER")),
    postProcessStatus: maybe(fc.constantFrom("INTERESTED", "CALL_ME_LATER", null)),
    hangUpReason: maybe(fc.constantFrom("CALL_FINISHED", null)),
    duration: maybe(fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constant("42"), fc.constant(null))),
    phoneFrom: maybe(fc.constantFrom("+1555", "+1666", null)),
    createdAt: maybe(fc.constantFrom("2024-03-11T14:56:41.642Z", "2024-03-12T00:00:00.000Z")),
    campaign: maybe(fc.record({ id: fc.constantFrom("a", "b"), name: maybe(fc.constantFrom("A", "B")) })),
    contact: maybe(fc.record({ id: maybe(fc.constantFrom("k1", "k2")), phoneNumber: maybe(fc.constantFrom("+1", "+2")), data: maybe(fc.dictionary(fc.constantFrom("x", "y", "z"), fc.integer())) })),
    transcript: maybe(fc.array(fc.record({ role: fc.constantFrom("Voxia", "user"), content: fc.string({ maxLength: 8 }) }), { maxLength: 4 })),
    summary: maybe(fc.dictionary(fc.constantFrom("Q1", "Q2", "Q3"), fc.oneof(fc.string({ maxLength: 3 }), fc.record({ value: fc.oneof(fc.boolean(), fc.constant(null)) })))),
    events: maybe(fc.array(fc.record({ type: fc.constantFrom("SMS", "FORWARD"), data: fc.integer() }), { maxLength: 3 })),
    variables: maybe(fc.dictionary(fc.constantFrom("a", "b"), fc.integer())),
    surprise: maybe(fc.integer()),
  },
  { requiredKeys: [] },
);
const callDeliveries = fc
  .uniqueArray(deliveryBody.map((body) => JSON.parse(JSON.stringify({ id: "call", ...body })) as Record<string, JsonValue>), {
    minLength: 1,
    maxLength: 6,
    selector: (body) => JSON.stringify(body),
  })
  .map((bodies) => bodies.map((body, i) => received(body, new Date(Date.UTC(2024, 0, 1, 0, i)))));

test("property: the merged state does not depend on the order deliveries are given in", () => {
  fc.assert(
    fc.property(
      callDeliveries.chain((deliveries) =>
        fc.tuple(fc.constant(deliveries), fc.shuffledSubarray(deliveries, { minLength: deliveries.length, maxLength: deliveries.length })),
      ),
      ([deliveries, shuffled]) => {
        assert.deepEqual(mergeCallState(shuffled), mergeCallState(deliveries));
      },
    ),
    { numRuns: 500 },
  );
});

/** A state as the live path gets it back from calls.merge_state: through JSON text. */
const stored = (state: MergeState): MergeState => fromStoredMergeState(JSON.parse(JSON.stringify(toStoredMergeState(state))));

test("property: folding deliveries one by one, in any order and split at any point, gives the one-shot merge", () => {
  fc.assert(
    fc.property(
      callDeliveries.chain((deliveries) =>
        fc.tuple(
          fc.constant(deliveries),
          fc.shuffledSubarray(deliveries, { minLength: deliveries.length, maxLength: deliveries.length }),
          fc.integer({ min: 1, max: deliveries.length }),
        ),
      ),
      ([deliveries, shuffled, split]) => {
        const oneShot = mergeCallState(deliveries);
        // The state of a prefix, stored and read back, then the rest folded in as later batches would.
        let state = stored(shuffled.slice(0, split).reduce<MergeState | null>(mergeInto, null)!);
        for (const r of shuffled.slice(split)) state = stored(mergeInto(state, r));
        assert.deepEqual(callStateOf(state), oneShot);
        assert.deepEqual(state, stored(oneShot.mergeState));
        // Equal states store equal values (jsonb then ignores key order), whatever order they were folded in.
        assert.deepEqual(toStoredMergeState(state), toStoredMergeState(oneShot.mergeState));
      },
    ),
    { numRuns: 500 },
  );
});

test("property: two states of disjoint halves fold to the same state as the whole, whichever half goes first", () => {
  fc.assert(
    fc.property(callDeliveries, fc.integer({ min: 0, max: 6 }), (deliveries, cut) => {
      const head = deliveries.slice(0, cut);
      const tail = deliveries.slice(cut);
      const fold = (first: ReceivedDelivery[], then: ReceivedDelivery[]) =>
        then.reduce<MergeState | null>(mergeInto, first.length ? stored(first.reduce<MergeState | null>(mergeInto, null)!) : null)!;
      assert.deepEqual(callStateOf(fold(head, tail)), callStateOf(fold(tail, head)));
      assert.deepEqual(callStateOf(fold(head, tail)), mergeCallState(deliveries));
    }),
    { numRuns: 300 },
  );
});

test("keys named __proto__ in merged objects stay data through the fold and its stored form", () => {
  const first = received(JSON.parse('{"id":"p","contact":{"data":{"__proto__":{"a":1},"x":1}}}') as JsonValue, new Date(0));
  const second = received(JSON.parse('{"id":"p","webhookEvent":"HANG_UP","contact":{"data":{"__proto__":{"b":2}}}}') as JsonValue, new Date(1));
  const merged = callStateOf(mergeInto(stored(mergeInto(null, first)), second));
  assert.deepEqual(Object.getOwnPropertyDescriptor(merged.contactData, "__proto__")?.value, { b: 2 });
  assert.equal(merged.contactData?.x, 1);
  assert.equal(({} as Record<string, unknown>).b, undefined);
  assert.deepEqual(merged, mergeCallState([second, first]));
});

const LATEST_WINS_FIELDS = ["status", "callStatus", "postProcessStatus", "hangUpReason", "duration", "phoneFrom", "campaignId", "campaignName", "webhookEvent"] as const;

test("property: a field any delivery filled is never blank in the merge, and the latest stage saying it wins", () => {
  fc.assert(
    fc.property(callDeliveries, (deliveries) => {
      const merged = mergeCallState(deliveries);
      for (const field of LATEST_WINS_FIELDS) {
        const saying = deliveries.filter((r) => r.delivery[field] !== null);
        if (saying.length === 0) {
          assert.equal(merged[field], null, field);
          continue;
        }
        const topRank = Math.max(...saying.map((r) => r.delivery.stageRank));
        const candidates = saying.filter((r) => r.delivery.stageRank === topRank).map((r) => r.delivery[field]);
        assert.ok(candidates.includes(merged[field] as never), `${field}: ${String(merged[field])} is not from the latest stage saying it`);
      }
      assert.equal(merged.stageRank, Math.max(...deliveries.map((r) => r.delivery.stageRank)));
      assert.equal(merged.deliveryCount, deliveries.length);
    }),
    { numRuns: 500 },
  );
});

test("property: transcript comes from the longest one sent, contact data and variables keep every key", () => {
  fc.assert(
    fc.property(callDeliveries, (deliveries) => {
      const merged = mergeCallState(deliveries);
      const transcripts = deliveries.map((r) => r.delivery.transcript).filter((t): t is NonNullable<typeof t> => t !== null);
      if (transcripts.length === 0) assert.equal(merged.transcript, null);
      else assert.equal(merged.transcript?.length, Math.max(...transcripts.map((t) => t.length)));
      for (const field of ["contactData", "variables"] as const) {
        const keys = new Set(deliveries.flatMap((r) => Object.keys(r.delivery[field] ?? {})));
        assert.deepEqual(new Set(Object.keys(merged[field] ?? {})), keys, field);
      }
    }),
    { numRuns: 300 },
  );
});

test("a call whose deliveries never say when it began is dated by its first receipt", () => {
  const deliveries = [received({ id: "c", status: "NEW" }, new Date("2024-05-02T00:00:00Z")), received({ id: "c", status: "IN_PROGRESS" }, new Date("2024-05-01T00:00:00Z"))];
  assert.equal(mergeCallState(deliveries).createdAt.toISOString(), "2024-05-01T00:00:00.000Z");
});

test("the older format's contact without an id is keyed by its normalised phone number, as a digest keyed with the installation's secret", () => {
  const merged = mergeCallState([received({ id: "c", contact: { name: "G", phoneNumber: "+1 (555) 0100" } }, new Date())]);
  assert.equal(merged.contactKey, phoneContactKeyWith(SECRET, "+15550100"));
  assert.match(merged.contactKey!, /^phone:[0-9a-f]{16}$/);
  // Without the secret the key cannot be had from the number: an unkeyed digest is not it.
  assert.notEqual(merged.contactKey, `phone:${createHash("md5").update("+15550100").digest("hex").slice(0, 16)}`);
  assert.notEqual(merged.contactKey, `phone:${createHash("sha256").update("+15550100").digest("hex").slice(0, 16)}`);
  assert.notEqual(merged.contactKey, phoneContactKeyWith("another installation", "+15550100"));
});

test("no deliveries is a programming error", () => {
  assert.throws(() => mergeCallState([]), /at least one delivery/);
});

test("unknown fields named like Extended JSON wrappers ($oid, $date, …) survive the stored state, as the live path reads it", () => {
  // store-deliveries.ts reads calls.merge_state back with Voxia's parser: {"$oid": [value, source]}
  // must stay an object there, or every later delivery of the call fails.
  const readBack = (state: MergeState): MergeState => fromStoredMergeState(parseStoredJson(jsonParam(toStoredMergeState(state))));
  for (const key of ["$oid", "$date", "$numberInt", "$numberLong", "$numberDouble", "$numberDecimal"]) {
    const first = received(JSON.parse(`{"id":"w","${key}":"x"}`) as JsonValue, new Date(0));
    const second = received({ id: "w", webhookEvent: "HANG_UP" }, new Date(1));
    const merged = callStateOf(mergeInto(readBack(mergeInto(null, first)), second));
    assert.deepEqual(merged.extra, { [key]: "x" }, key);
    assert.deepEqual(merged, mergeCallState([second, first]), key);
  }
});
