// Group commit (lib/ingest/group-commit.ts): what arrives while a batch is being written goes into
// the next batch together, each caller gets its own item's result only once its batch is written,
// and one bad item fails alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createGroupCommit, type GroupCommitOptions } from "../../lib/ingest/group-commit.ts";

class Unreachable extends Error {}
class Transient extends Error {}

/** A writer whose batches finish when the test says so, recording what each batch held. */
function controlledWriter() {
  const batches: string[][] = [];
  const finishers: (() => void)[] = [];
  const write = (items: string[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push(items);
      finishers.push(() => {
        if (items.includes("unreachable")) reject(new Unreachable("database down"));
        else if (items.includes("poison")) reject(new Error("bad row"));
        else resolve(items.map((item) => `stored ${item}`));
      });
    });
  return { batches, write, finishNext: () => finishers.shift()?.(), finishAll: () => { while (finishers.length) finishers.shift()!(); } };
}

function options(write: (items: string[]) => Promise<string[]>, overrides: Partial<GroupCommitOptions<string, string>> = {}) {
  return {
    write,
    concurrency: 1,
    maxItems: 100,
    maxBytes: 1000,
    itemBytes: (item: string) => item.length,
    failsAll: (error: unknown) => error instanceof Unreachable,
    isTransient: (error: unknown) => error instanceof Transient,
    attempts: 3,
    waitLimitMs: 10_000,
    onWaitTimeout: (ms: number) => new Error(`waited ${ms} ms`),
    ...overrides,
  } satisfies GroupCommitOptions<string, string>;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test("an item arriving at an idle writer is written at once, alone; those arriving meanwhile go together next", async () => {
  const writer = controlledWriter();
  const commit = createGroupCommit(options(writer.write));
  const first = commit.submit("a");
  const rest = ["b", "c", "d"].map((item) => commit.submit(item));
  assert.deepEqual(writer.batches, [["a"]]);
  let firstDone = false;
  void first.then(() => (firstDone = true));
  await settle();
  assert.equal(firstDone, false, "nobody is answered before their batch is written");
  writer.finishNext();
  assert.equal(await first, "stored a");
  await settle();
  assert.deepEqual(writer.batches, [["a"], ["b", "c", "d"]]);
  writer.finishNext();
  assert.deepEqual(await Promise.all(rest), ["stored b", "stored c", "stored d"]);
});

test("batches respect the item and byte limits, and several run at once up to the concurrency", async () => {
  const writer = controlledWriter();
  const commit = createGroupCommit(options(writer.write, { concurrency: 2, maxItems: 2, maxBytes: 7 }));
  const all = ["a", "b", "cccc", "dddd", "eeee", "f", "g"].map((item) => commit.submit(item));
  assert.deepEqual(writer.batches, [["a"], ["b"]], "two batches at once, each taking what had arrived");
  writer.finishAll();
  await settle();
  assert.deepEqual(writer.batches.slice(2), [["cccc"], ["dddd"]], "4 + 4 bytes is over the 7-byte limit");
  writer.finishAll();
  await settle();
  assert.deepEqual(writer.batches.slice(4), [["eeee", "f"], ["g"]], "at most 2 items a batch");
  writer.finishAll();
  assert.deepEqual(await Promise.all(all), ["a", "b", "cccc", "dddd", "eeee", "f", "g"].map((item) => `stored ${item}`));
});

test("a batch failing on one bad item is retried item by item: only that item fails", async () => {
  const writer = controlledWriter();
  const commit = createGroupCommit(options(writer.write));
  const blocker = commit.submit("first");
  const batch = ["x", "poison", "y"].map((item) => commit.submit(item).then((r) => r, (e: Error) => `failed: ${e.message}`));
  writer.finishNext();
  await blocker;
  for (let i = 0; i < 4; i++) {
    await settle();
    writer.finishNext();
  }
  assert.deepEqual(await Promise.all(batch), ["stored x", "failed: bad row", "stored y"]);
  assert.deepEqual(writer.batches, [["first"], ["x", "poison", "y"], ["x"], ["poison"], ["y"]]);
});

test("an unreachable database fails the whole batch at once, without retries, and the next batch still runs", async () => {
  const writer = controlledWriter();
  const commit = createGroupCommit(options(writer.write));
  const blocker = commit.submit("first");
  const batch = ["p", "unreachable", "q"].map((item) => commit.submit(item).then(() => "stored", (e) => e instanceof Unreachable));
  writer.finishNext();
  await blocker;
  await settle();
  writer.finishNext();
  assert.deepEqual(await Promise.all(batch), [true, true, true]);
  const after = commit.submit("later");
  await settle();
  writer.finishNext();
  assert.equal(await after, "stored later");
  assert.equal(writer.batches.length, 3);
});

test("an item waiting longer than the limit for a batch is refused, and leaves the queue", async () => {
  const writer = controlledWriter();
  const commit = createGroupCommit(options(writer.write, { waitLimitMs: 20 }));
  const stuck = commit.submit("stuck"); // its batch never finishes: a hung database
  await assert.rejects(commit.submit("waiting"), /waited 20 ms/);
  assert.equal(commit.pending(), 0);
  writer.finishAll();
  assert.equal(await stuck, "stored stuck");
});

test("a transient conflict (a deadlock) writes the same batch again, up to the attempt limit", async () => {
  const batches: string[][] = [];
  let conflicts = 2;
  const commit = createGroupCommit(options(async (items) => {
    batches.push(items);
    if (conflicts-- > 0) throw new Transient("deadlock detected");
    return items.map((item) => `stored ${item}`);
  }));
  assert.equal(await commit.submit("a"), "stored a");
  assert.deepEqual(batches, [["a"], ["a"], ["a"]]);

  const always = createGroupCommit(options(async () => Promise.reject(new Transient("deadlock detected"))));
  await assert.rejects(always.submit("b"), /deadlock/);
});
