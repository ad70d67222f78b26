import { test } from "node:test";
import assert from "node:assert/strict";
import { formatCount, formatWaiting } from "../../lib/ui/format.ts";

const DAY = 86_400;

test("how long someone has waited reads in the largest whole unit that says something", () => {
  for (const [seconds, text] of [
    [20, "waiting under a minute"],
    [61, "waiting 1 minute"],
    [3 * 3600 + 5, "waiting 3 hours"],
    [DAY, "waiting 1 day"],
    [3 * DAY + 60, "waiting 3 days"],
    [10 * DAY, "waiting 10 days"],
    [15 * DAY, "waiting 2 weeks"],
    [45 * DAY, "waiting 6 weeks"],
    [70 * DAY, "waiting 2 months"],
    [400 * DAY, "waiting 1 year"],
  ] as const) {
    assert.equal(formatWaiting(seconds), text, `${seconds} s`);
  }
});

test("a count says one or many, and a lower bound with a plus", () => {
  assert.equal(formatCount(1, false, ["contact", "contacts"]), "1 contact");
  assert.equal(formatCount(1234, false, ["contact", "contacts"]), "1,234 contacts");
  assert.equal(formatCount(10000, true, ["contact", "contacts"]), "10,000+ contacts");
});
