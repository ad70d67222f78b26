// µs per parse of a webhook body: JSON.parse, the hand-written parser alone (what every delivery
// paid before the fast path), and parseVoxiaJson as the webhook now calls it.
// Run: node --import tsx tools/bench/parse.ts
import { readFileSync } from "node:fs";
import { parseVoxiaJson, parseVoxiaJsonSlowly } from "../../lib/voxia/parse-voxia-json.ts";

const published = readFileSync(new URL("../../lib/voxia/published-example.json", import.meta.url), "utf8");
const plainExample = published.replace('new NumberInt("1")', "1");
// A ~22 KB delivery: the example with a long conversation, as a finished call sends it.
const example = JSON.parse(plainExample) as Record<string, unknown>;
const lines = Array.from({ length: 130 }, (_, i) => ({
  role: i % 2 ? "user" : "Voxia",
  content: `Line ${i} of the conversation: could we talk about the plan on Tuesday at ${10 + (i % 8)}:30, or is later better?`,
}));
const large = JSON.stringify({ ...example, transcript: lines }, null, 2);
const bigNumbers = JSON.stringify({ ...example, transcript: lines.slice(0, 40) }).replace('"duration":128', '"duration":123456789012345678901');

const bodies: [string, string][] = [
  ["published example (has new NumberInt: hand parser)", published],
  ["published example as plain JSON", plainExample],
  [`~${Math.round(large.length / 1024)} KB body`, large],
  [`~${Math.round(bigNumbers.length / 1024)} KB body with a 21-digit number`, bigNumbers],
];

function microsPerCall(fn: () => unknown): number {
  for (let i = 0; i < 2_000; i++) fn(); // warm-up
  let best = Infinity;
  for (let round = 0; round < 7; round++) {
    const n = 3_000;
    const started = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1_000 / n);
  }
  return best;
}

console.log(`node ${process.version}; best of 7 rounds of 3000 parses, µs per parse`);
console.log(`${"body".padEnd(52)} ${"bytes".padStart(6)} ${"JSON.parse".padStart(11)} ${"hand parser".padStart(12)} ${"parseVoxiaJson".padStart(15)}`);
for (const [name, text] of bodies) {
  let json = "-";
  try {
    JSON.parse(text);
    json = microsPerCall(() => JSON.parse(text)).toFixed(1);
  } catch {
    // not JSON (the shell constructor)
  }
  const slow = microsPerCall(() => parseVoxiaJsonSlowly(text)).toFixed(1);
  const now = microsPerCall(() => parseVoxiaJson(text)).toFixed(1);
  console.log(`${name.padEnd(52)} ${String(Buffer.byteLength(text)).padStart(6)} ${json.padStart(11)} ${slow.padStart(12)} ${now.padStart(15)}`);
}
