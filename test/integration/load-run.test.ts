// The CI variant of tools/bench/load-run.ts: 15 s at 200 deliveries/s from a second process. Every
// delivery answered 2xx must be stored, no 5xx other than 503 (retryable load shedding), and the
// server's memory must not run away. Prints the figures.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";

const DURATION = process.env.LOAD_RUN_SECONDS ?? "15";

test(`load run: ${DURATION} s at 200 deliveries/s, every acknowledged delivery stored, memory bounded`, { timeout: 300_000 }, async () => {
  const child = spawn(process.execPath, ["--import", "tsx", "tools/bench/load-run.ts", "--duration", DURATION, "--rate", "200"], {
    env: process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));

  const line = output.split("\n").find((l) => l.startsWith("[load-run] summary "));
  assert.ok(line, `no summary printed:\n${output.slice(-3000)}`);
  console.log(line);
  const summary = JSON.parse(line.slice("[load-run] summary ".length));
  assert.equal(summary.acknowledgedButMissing, 0, "acknowledged deliveries missing from the database");
  assert.ok(summary.acknowledged > 0);
  const unexpected = Object.keys(summary.statuses).filter((status) => status !== "200" && status !== "503");
  assert.deepEqual(unexpected, [], `statuses: ${JSON.stringify(summary.statuses)}`);
  // A leak guard, not a benchmark: a bounded run must not grow the server by hundreds of MiB.
  assert.ok(summary.serverRssMiB.end - summary.serverRssMiB.start < 300, `server RSS ${JSON.stringify(summary.serverRssMiB)}`);
  assert.equal(code, 0, output.slice(-2000));
});
