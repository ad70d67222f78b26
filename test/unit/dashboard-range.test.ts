import { test } from "node:test";
import assert from "node:assert/strict";
import { dashboardRange } from "../../lib/dashboard/dashboard-range.ts";
import { bucketUnitFor, emptyBuckets } from "../../lib/dashboard/get-calls-over-time.ts";

const NOW = new Date("2026-11-25T15:30:00Z");

test("without a range in the URL the dashboard covers the last 30 UTC days, today included", () => {
  const range = dashboardRange({}, { now: NOW });
  assert.equal(range.isDefault, true);
  assert.equal(range.filters.from?.toISOString(), "2026-10-27T00:00:00.000Z");
  assert.equal(range.filters.to, null);
  assert.equal(range.end.toISOString(), "2026-11-26T00:00:00.000Z");
  assert.equal(range.filters.test, "exclude");
});

test("the last 30 days are days of the viewer's zone: from its midnight, across a DST change", () => {
  const kolkata = dashboardRange({}, { now: new Date("2026-11-25T20:00:00Z"), timeZone: "Asia/Kolkata" });
  // 20:00 UTC is already Nov 26 in Kolkata (+05:30).
  assert.equal(kolkata.filters.from?.toISOString(), "2026-10-27T18:30:00.000Z");
  assert.equal(kolkata.end.toISOString(), "2026-11-26T18:30:00.000Z");
  const newYork = dashboardRange({}, { now: NOW, timeZone: "America/New_York" });
  // Oct 27 is still daylight time (-04:00); Nov 26 is standard time (-05:00).
  assert.equal(newYork.filters.from?.toISOString(), "2026-10-27T04:00:00.000Z");
  assert.equal(newYork.end.toISOString(), "2026-11-26T05:00:00.000Z");
  assert.equal(newYork.filters.timeZone, "America/New_York");
});

test("a range and test choice in the URL are taken as given; a bad date is dropped, not fatal", () => {
  const range = dashboardRange({ from: "2026-01-01", to: "2026-01-31", test: "include" }, { now: NOW });
  assert.equal(range.isDefault, false);
  assert.equal(range.filters.from?.toISOString(), "2026-01-01T00:00:00.000Z");
  assert.equal(range.filters.to?.toISOString(), "2026-02-01T00:00:00.000Z");
  assert.equal(range.filters.test, "include");
  assert.equal(dashboardRange({ from: "yesterday" }, { now: NOW }).isDefault, true);
});

test("only `to` given: the 30 days before it", () => {
  const range = dashboardRange({ to: "2026-03-31" }, { now: NOW });
  assert.equal(range.filters.from?.toISOString(), "2026-03-02T00:00:00.000Z");
});

test("days for up to three months, weeks (Monday-based, like Postgres) up to two years, then months", () => {
  const day = (s: string) => new Date(`${s}T00:00:00Z`);
  assert.equal(bucketUnitFor(day("2026-01-01"), day("2026-03-01")), "day");
  assert.equal(bucketUnitFor(day("2026-01-01"), day("2026-12-01")), "week");
  assert.equal(bucketUnitFor(day("2020-01-01"), day("2026-01-01")), "month");
  const weeks = emptyBuckets("week", "2026-11-05", "2026-11-19");
  assert.deepEqual(weeks.map((w) => [w.start, w.last]), [["2026-11-02", "2026-11-08"], ["2026-11-09", "2026-11-15"], ["2026-11-16", "2026-11-22"]]);
  assert.equal(emptyBuckets("day", "2026-11-01", "2026-11-07").length, 7);
  const months = emptyBuckets("month", "2026-01-31", "2026-03-01");
  assert.deepEqual(months.map((m) => [m.start, m.last]), [["2026-01-01", "2026-01-31"], ["2026-02-01", "2026-02-28"], ["2026-03-01", "2026-03-31"]]);
});
