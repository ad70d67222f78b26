// The words the calls filter bar shows for active filters, and the list's count.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCallFilters } from "../../lib/calls/call-filters.ts";
import { activeChips, formatCallCount, withoutChip } from "../../components/calls/filter-fields.ts";

const chipsOf = (query: string, names = new Map<string, string | null>()) => {
  const parsed = parseCallFilters(new URLSearchParams(query));
  assert.ok(parsed.ok, query);
  return activeChips(parsed.filters, names).map((c) => c.label);
};

test("each active filter reads as a person would say it", () => {
  assert.deepEqual(chipsOf("contactStatus=callMeLater"), ["Contact status: call me later"]);
  assert.deepEqual(chipsOf("status=(none)"), ["No status"]);
  assert.deepEqual(chipsOf("status=(none)&status=CALL_ME_LATER"), ["Status: none, call me later"]);
  assert.deepEqual(chipsOf("campaign=camp-a&campaign=gone", new Map([["camp-a", "Spring Promo"]])), ["Campaign: Spring Promo, gone"]);
  assert.deepEqual(chipsOf("minDuration=30&maxDuration=120"), ["Duration 30–120 s"]);
  assert.deepEqual(chipsOf("minDuration=30"), ["Duration ≥ 30 s"]);
  assert.deepEqual(chipsOf("maxDuration=120"), ["Duration ≤ 120 s"]);
  assert.deepEqual(chipsOf("interested=false"), ["Not interested"]);
  assert.deepEqual(chipsOf("answer=Budget:gte:5000&answer=Demo%20booked:eq:true&answer=Notes:contains:a%3Ab&answer=Seats:missing"), [
    "Budget ≥ 5000",
    "Demo booked = yes",
    "Notes contains “a:b”",
    "Seats not answered",
  ]);
  assert.deepEqual(chipsOf("event=SMS&contact=c-1&webhookEvent=HANG_UP&hangUpReason=(none)"), ["No hang-up reason", "Latest stage: hang up", "Event: SMS", "Contact: c-1"]);
  assert.deepEqual(chipsOf("status=A&status=B&status=C&status=D"), ["Status: a, b +2 more"]);
  // Search, dates and test calls have inputs of their own, not chips.
  assert.deepEqual(chipsOf("q=x&from=2025-01-01&test=include"), []);
});

test("removing a chip removes exactly its condition", () => {
  const parsed = parseCallFilters(new URLSearchParams("answer=A:exists&answer=B:missing&minDuration=3&status=X"));
  assert.ok(parsed.ok);
  const chips = activeChips(parsed.filters);
  const second = chips.find((c) => c.label === "B not answered")!;
  assert.deepEqual(withoutChip(parsed.filters, second).answer, [{ label: "A", op: "exists", value: null }]);
  const duration = chips.find((c) => c.field === "duration")!;
  assert.equal(withoutChip(parsed.filters, duration).minDuration, null);
  assert.deepEqual(withoutChip(parsed.filters, chips[0]!).status, []);
});

test("the count says how many, and when it is only a lower bound", () => {
  assert.equal(formatCallCount(357, false), "357 calls");
  assert.equal(formatCallCount(1, false), "1 call");
  assert.equal(formatCallCount(0, false), "0 calls");
  assert.equal(formatCallCount(10_000, true), "10,000+ calls");
});
