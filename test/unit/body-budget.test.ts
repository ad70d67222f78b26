// The budget of webhook bodies being read at once: parallel uploads past it are refused, and every
// answered request gives its reservation back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { bodyReservation, reserveBodyBytes } from "../../lib/ingest/body-budget.ts";

const MiB = 1024 * 1024;

test("a body reserves its declared length, 1 MiB when undeclared, and 1 MiB more when encoded", () => {
  assert.equal(bodyReservation("2048", null), 2048);
  assert.equal(bodyReservation(null, null), MiB);
  assert.equal(bodyReservation("50000000", null), MiB, "a declared length over the cap is refused later with 413; it reserves at most the cap");
  assert.equal(bodyReservation("2048", "gzip"), 2048 + MiB);
  assert.equal(bodyReservation("2048", "identity"), 2048);
});

test("reservations past the budget are refused until earlier ones are given back", () => {
  const budget = 4 * MiB;
  const held = [1, 2, 3, 4].map(() => reserveBodyBytes(MiB, budget));
  assert.ok(held.every(Boolean), "four 1 MiB bodies fit a 4 MiB budget");
  assert.equal(reserveBodyBytes(1, budget), null, "a fifth is refused");
  held[0]!();
  held[0]!(); // giving back twice returns the bytes once
  const fifth = reserveBodyBytes(MiB, budget);
  assert.ok(fifth, "after one is answered, the next fits");
  assert.equal(reserveBodyBytes(1, budget), null, "and the budget is full again, not over-released");
  for (const release of [fifth, ...held.slice(1)]) release!();
  const alone = reserveBodyBytes(10 * MiB, budget);
  assert.ok(alone, "a request alone always goes through");
  alone!();
});
