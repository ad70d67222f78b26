// The in-process queue in front of the connection pool: bounded, first come first served, and
// giving up (as "database unavailable") only after its own, long, limit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DatabaseBusyError, withTransactionSlot } from "../../lib/db/transaction-slots.ts";
import { isDatabaseUnavailable } from "../../lib/db/is-database-unavailable.ts";

// DATABASE_POOL_MAX=3 leaves one write slot (two are kept for reads) — set before first use.
process.env.DATABASE_POOL_MAX = "3";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

test("one slot at a time, served in arrival order, each slot handed on when its work ends", async () => {
  const order: string[] = [];
  let running = 0;
  let maxRunning = 0;
  const work = (name: string) => async () => {
    running++;
    maxRunning = Math.max(maxRunning, running);
    order.push(`start ${name}`);
    await tick();
    order.push(`end ${name}`);
    running--;
    return name;
  };
  const results = await Promise.all(["a", "b", "c", "d"].map((name) => withTransactionSlot(work(name))));
  assert.deepEqual(results, ["a", "b", "c", "d"]);
  assert.equal(maxRunning, 1);
  assert.deepEqual(order, ["start a", "end a", "start b", "end b", "start c", "end c", "start d", "end d"]);
});

test("a failing piece of work gives its slot back", async () => {
  await assert.rejects(withTransactionSlot(async () => Promise.reject(new Error("boom"))), /boom/);
  assert.equal(await withTransactionSlot(async () => "next"), "next");
});

test("waiting longer than the limit fails as 'database unavailable', and the queue keeps working", async () => {
  let release!: () => void;
  const holder = withTransactionSlot(() => new Promise<void>((resolve) => (release = resolve)));
  const waiter = withTransactionSlot(async () => "never", 20);
  await assert.rejects(waiter, (error) => error instanceof DatabaseBusyError && isDatabaseUnavailable(error));
  const later = withTransactionSlot(async () => "served");
  release();
  await holder;
  assert.equal(await later, "served");
});
