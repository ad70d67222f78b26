// The repository ships Voxia's published example (lib/voxia/published-example.json) so the Connect
// page's "send example" button and the tests work on a fresh clone. It must stay Voxia's bytes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";

const copy = readFileSync(new URL("../../lib/voxia/published-example.json", import.meta.url));
const SHA256 = "6d3eac98a801d2a76e173009454f29e6f7fa491499a31f4474bb70fa751ada4f";
const specification = new URL("../../../shared/voxia/published-example.json", import.meta.url);

test("the shipped example is Voxia's published example, byte for byte", () => {
  // Pinned so the check holds on a clone without the specification beside it.
  assert.equal(createHash("sha256").update(copy).digest("hex"), SHA256);
  assert.match(copy.toString("utf8"), /new NumberInt\("1"\)/);
  if (existsSync(specification)) assert.deepEqual(copy, readFileSync(specification));
});

