// The filter definition's URL side: any filter object written to URL parameters reads back as the
// same filter (labels and values with ':' ',' '%' and non-ASCII text, date-only days in zones with
// DST), so a link copied from a page or built by a script selects exactly what it was made from.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  ANSWER_OPS,
  CONTACT_STATUSES,
  EMPTY_FILTERS,
  NONE,
  parseCallFilters,
  serializeCallFilters,
  type AnswerFilter,
  type CallFilters,
} from "../../lib/calls/call-filters.ts";
import { MEASURE_NAMES } from "../../lib/calls/measure-names.ts";
import { nextDay, startOfDayIn } from "../../lib/time/time-zone.ts";

const ZONES = ["UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham", "America/Sao_Paulo"];

// A list value as Voxia or a user would write it: no comma (the list separator), no outer spaces.
const listValue = fc.oneof(fc.constant(NONE), fc.stringMatching(/^[A-Za-z0-9_:.()@ -]{0,14}[A-Za-z0-9_:()]$/).filter((s) => s.trim() === s));
const list = fc.uniqueArray(listValue, { maxLength: 3 });
const trimmedText = fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s.length > 0);
const numberText = fc.oneof(fc.integer({ min: -10_000, max: 10_000 }).map(String), fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(String));

const answerFilter: fc.Arbitrary<AnswerFilter> = fc.oneof(
  fc.record({ label: trimmedText, op: fc.constantFrom("exists" as const, "missing" as const), value: fc.constant(null) }),
  fc.record({ label: trimmedText, op: fc.constantFrom("eq" as const, "neq" as const, "contains" as const), value: fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }) }),
  fc.record({ label: trimmedText, op: fc.constantFrom("gt" as const, "gte" as const, "lt" as const, "lte" as const), value: numberText }),
).map((a) => ({ ...a }));

const day = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** A bound: a whole day of the zone (written date-only) or any instant to the millisecond. */
function bound(zone: string, end: boolean): fc.Arbitrary<Date | null> {
  return fc.oneof(
    fc.constant(null),
    day.map((d) => startOfDayIn(end ? nextDay(d) : d, zone)),
    fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }),
  );
}

const filters: fc.Arbitrary<CallFilters> = fc.constantFrom(...ZONES).chain((timeZone) =>
  fc.record({
    campaign: list, status: list, callStatus: list, hangUpReason: list, postProcessStatus: list, webhookEvent: list, event: list, contact: list,
    contactStatus: fc.subarray([...CONTACT_STATUSES]),
    interested: fc.constantFrom(null, true, false),
    durations: fc.tuple(fc.option(fc.double({ min: 0, max: 1e7, noNaN: true })), fc.option(fc.double({ min: 0, max: 1e7, noNaN: true }))),
    answer: fc.uniqueArray(answerFilter, { maxLength: 3, selector: (a) => JSON.stringify(a) }),
    measure: fc.subarray([...MEASURE_NAMES]),
    from: bound(timeZone, false),
    to: bound(timeZone, true),
    q: fc.option(fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s.length > 0)),
    test: fc.constantFrom("exclude" as const, "include" as const, "only" as const),
    timeZone: fc.constant(timeZone),
  }).map(({ durations: [a, b], ...rest }) => {
    const [min, max] = a !== null && b !== null && a > b ? [b, a] : [a, b];
    return { ...EMPTY_FILTERS, ...rest, minDuration: min, maxDuration: max };
  }),
);

/** What survives a URL: the zone only matters (and is only written) when a date bound uses it. */
function comparable(f: CallFilters, readerZone: string) {
  return { ...f, timeZone: f.from || f.to ? f.timeZone : readerZone };
}

test("parse(serialize(filters)) is the same filters, for any filters and any reader's zone", () => {
  fc.assert(
    fc.property(filters, fc.constantFrom(...ZONES), (f, readerZone) => {
      const url = serializeCallFilters(f, { timeZone: readerZone }).toString();
      const parsed = parseCallFilters(new URLSearchParams(url), { timeZone: readerZone });
      assert.ok(parsed.ok, `${url}: ${JSON.stringify(!parsed.ok && parsed.problem)}`);
      assert.deepEqual(comparable(parsed.filters, readerZone), comparable(f, readerZone), url);
    }),
    { numRuns: 1000 },
  );
});

test("serialize(parse(url)) is a fixed point: written again, a parsed URL does not change", () => {
  fc.assert(
    fc.property(filters, (f) => {
      const once = serializeCallFilters(f).toString();
      const parsed = parseCallFilters(new URLSearchParams(once));
      assert.ok(parsed.ok);
      assert.equal(serializeCallFilters(parsed.filters).toString(), once);
    }),
    { numRuns: 300 },
  );
});

test("date-only days are the zone's days, DST days included (23 and 25 hours long)", () => {
  const cases: [string, string, string, string, number][] = [
    // zone, day, its start, the next day's start, hours
    ["America/New_York", "2025-03-09", "2025-03-09T05:00:00.000Z", "2025-03-10T04:00:00.000Z", 23],
    ["America/New_York", "2025-11-02", "2025-11-02T04:00:00.000Z", "2025-11-03T05:00:00.000Z", 25],
    ["Europe/Berlin", "2025-03-30", "2025-03-29T23:00:00.000Z", "2025-03-30T22:00:00.000Z", 23],
    ["Europe/Berlin", "2025-10-26", "2025-10-25T22:00:00.000Z", "2025-10-26T23:00:00.000Z", 25],
  ];
  for (const [tz, d, start, end, hours] of cases) {
    const parsed = parseCallFilters(new URLSearchParams({ from: d, to: d, tz }));
    assert.ok(parsed.ok);
    assert.equal(parsed.filters.from?.toISOString(), start, `${tz} ${d}`);
    assert.equal(parsed.filters.to?.toISOString(), end, `${tz} ${d}`);
    assert.equal((parsed.filters.to!.getTime() - parsed.filters.from!.getTime()) / 3_600_000, hours);
    // Written back, the day is a day again (not two instants), and in its zone.
    assert.equal(serializeCallFilters(parsed.filters).toString(), new URLSearchParams({ tz, from: d, to: d }).toString());
  }
  // Where midnight does not exist (Sao Paulo 2018-11-04 began at 01:00), the day starts at its first minute.
  const saoPaulo = parseCallFilters(new URLSearchParams({ from: "2018-11-04", tz: "America/Sao_Paulo" }));
  assert.ok(saoPaulo.ok);
  assert.equal(saoPaulo.filters.from?.toISOString(), "2018-11-04T03:00:00.000Z");
  assert.equal(serializeCallFilters(saoPaulo.filters).get("from"), "2018-11-04");
});

test("an answer's label and value carry ':' ',' and '%' URL-encoded; a list value splits on ','", () => {
  const params = new URLSearchParams();
  params.append("answer", `${encodeURIComponent("Bill: monthly, $")}:gte:${encodeURIComponent("10")}`);
  params.append("answer", `${encodeURIComponent("Notes")}:contains:${encodeURIComponent("6:30, 100%")}`);
  params.append("status", "A,B");
  params.append("status", NONE);
  const parsed = parseCallFilters(params);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.filters.answer, [
    { label: "Bill: monthly, $", op: "gte", value: "10" },
    { label: "Notes", op: "contains", value: "6:30, 100%" },
  ]);
  assert.deepEqual(parsed.filters.status, ["A", "B", NONE]);
});

test("each bad value names its parameter", () => {
  const bad: [Record<string, string>, string][] = [
    [{ answer: "Q:like:1" }, "answer"],
    [{ answer: "Q:gt:many" }, "answer"],
    [{ answer: ":eq:1" }, "answer"],
    [{ answer: "Q:eq" }, "answer"],
    [{ contactStatus: "busy" }, "contactStatus"],
    [{ tz: "Nowhere/Land" }, "tz"],
    [{ minDuration: "5", maxDuration: "4" }, "maxDuration"],
    [{ minDuration: "ten" }, "minDuration"],
    [{ interested: "maybe" }, "interested"],
    [{ measure: "everything" }, "measure"],
    [{ from: "2025-02-30" }, "from"],
    [{ test: "some" }, "test"],
  ];
  for (const [params, param] of bad) {
    const parsed = parseCallFilters(new URLSearchParams(params));
    assert.equal(parsed.ok, false, JSON.stringify(params));
    assert.equal(!parsed.ok && parsed.problem.param, param, JSON.stringify(params));
  }
  assert.equal(ANSWER_OPS.length, 9);
});
