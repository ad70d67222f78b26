import { test } from "node:test";
import assert from "node:assert/strict";
import { dashboardRange } from "../../lib/dashboard/dashboard-range.ts";
import { bucketUnitFor, emptyBuckets } from "../../lib/dashboard/get-calls-over-time.ts";

const NOW = new Date("2026-11-25T15:30:00Z");

test("without a range in the URL the dashboard covers the last 30 UTC days, today included", () => {
  const range = dashboardRange({}, NOW);
  assert.equal(range.isDefault, true);
  assert.equal(range.filters.from?.toISOString(), "2026-10-27T00:00:00.000Z");
  assert.equal(range.filters.to, null);
  assert.equal(range.end.toISOString(), "2026-11-26T00:00:00.000Z");
  assert.equal(range.filters.test, "exclude");
});

test("a range and test choice in the URL are taken as given; a bad date is dropped, not fatal", () => {
  const range = dashboardRange({ from: "2026-01-01", to: "2026-01-31", test: "include" }, NOW);
  assert.equal(range.isDefault, false);
  assert.equal(range.filters.from?.toISOString(), "2026-01-01T00:00:00.000Z");
  assert.equal(range.filters.to?.toISOString(), "2026-02-01T00:00:00.000Z");
  assert.equal(range.filters.test, "include");
  assert.equal(dashboardRange({ from: "yesterday" }, NOW).isDefault, true);
});

test("only `to` given: the 30 days before it", () => {
  const range = dashboardRange({ to: "2026-03-31" }, NOW);
  assert.equal(range.filters.from?.toISOString(), "2026-03-02T00:00:00.000Z");
});

test("days for up to three months, weeks (Monday-based, like Postgres) up to two years, then months", () => {
  const day = (s: string) => new Date(`${s}T00:00:00Z`);
  assert.equal(bucketUnitFor(day("2026-01-01"), day("2026-03-01")), "day");
  assert.equal(bucketUnitFor(day("2026-01-01"), day("2026-12-01")), "week");
  assert.equal(bucketUnitFor(day("2020-01-01"), day("2026-01-01")), "month");
  const weeks = emptyBuckets("week", day("2026-11-05"), day("2026-11-20"));
  assert.deepEqual(weeks.map((w) => [w.start, w.last]), [["2026-11-02", "2026-11-08"], ["2026-11-09", "2026-11-15"], ["2026-11-16", "2026-11-22"]]);
  assert.equal(emptyBuckets("day", day("2026-11-01"), day("2026-11-08")).length, 7);
});
