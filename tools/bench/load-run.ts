// A bounded load run: this process sends Voxia deliveries at a fixed rate over loopback to the
// built app (started here as its own process, on DATABASE_URL's server or an embedded database),
// samples the server's memory, then checks that every delivery answered 2xx is stored.
//   npm run build && tsx tools/bench/load-run.ts [--duration 60] [--rate 200] [--max-in-flight 64]
// Prints one JSON summary line (prefixed "[load-run] summary ") and exits 1 if anything
// acknowledged is missing or any request got a 5xx other than 503 (the app's "nothing stored,
// send again" answer when it cannot get a database connection in time: load shedding, not loss).
import { readFileSync, readdirSync } from "node:fs";
import { createTestDatabase } from "../../test/support/test-database.ts";
import { startTestApp } from "../../test/support/test-app.ts";
import { callSpecs, interleavedDeliveries, type Delivery } from "../../test/support/delivery-stream.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const durationSeconds = option("duration", 60);
const rate = option("rate", 200);
const maxInFlight = option("max-in-flight", 64);

/** Resident memory of a process and its descendants, in MiB (Linux /proc). */
function treeRssMiB(pid: number): number {
  let kib = 0;
  const visit = (id: number) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, "utf8");
      kib += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${id}/task`)) {
        const children = readFileSync(`/proc/${id}/task/${task}/children`, "utf8").trim();
        for (const child of children ? children.split(/\s+/) : []) visit(Number(child));
      }
    } catch {
      // the process ended between listing and reading
    }
  };
  visit(pid);
  return Math.round(kib / 1024);
}

const database = await createTestDatabase("load_run");
const app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded });
const pid = app.process.pid!;

// Enough distinct calls that the run never repeats a delivery.
const total = Math.ceil(durationSeconds * rate);
const deliveries: Delivery[] = interleavedDeliveries(callSpecs(Math.ceil(total / 3.6) + 10, `load-${Date.now()}`)).slice(0, total);

// Warm up (first requests compile routes and open connections), then measure from a settled start.
for (const delivery of interleavedDeliveries(callSpecs(20, "warmup"))) {
  await fetch(`${app.url}/api/webhooks/voxia`, { method: "POST", body: delivery.body, headers: { "content-type": "application/json" } }).then((r) => r.arrayBuffer());
}
const rss = { startMiB: treeRssMiB(pid), peakMiB: 0, endMiB: 0, samples: [] as number[] };
rss.peakMiB = rss.startMiB;
const sampler = setInterval(() => {
  const now = treeRssMiB(pid);
  rss.samples.push(now);
  rss.peakMiB = Math.max(rss.peakMiB, now);
}, 1000);

const acknowledged: Delivery[] = [];
const statuses: Record<string, number> = {};
let inFlight = 0;
let skipped = 0;
const latencies: number[] = [];
const started = Date.now();
const pending: Promise<void>[] = [];

await new Promise<void>((resolve) => {
  let sent = 0;
  const tick = () => {
    // Open loop: the schedule says how many should have been sent by now, whatever the answers.
    const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * rate));
    while (sent < due) {
      const delivery = deliveries[sent++]!;
      if (inFlight >= maxInFlight) {
        skipped++;
        continue;
      }
      inFlight++;
      const t0 = performance.now();
      pending.push(
        fetch(`${app.url}/api/webhooks/voxia`, { method: "POST", body: delivery.body, headers: { "content-type": "application/json" } })
          .then(async (res) => {
            await res.arrayBuffer();
            statuses[res.status] = (statuses[res.status] ?? 0) + 1;
            if (res.ok) acknowledged.push(delivery);
            latencies.push(performance.now() - t0);
          })
          .catch(() => {
            statuses.error = (statuses.error ?? 0) + 1;
          })
          .finally(() => inFlight--),
      );
    }
    if (sent >= total) resolve();
    else setTimeout(tick, 5);
  };
  tick();
});
await Promise.all(pending);
const elapsed = (Date.now() - started) / 1000;
clearInterval(sampler);
rss.endMiB = treeRssMiB(pid);

// The embedded database serves one connection at a time: stop the app before looking.
await app.stop();
const stored = new Set((await database.query<{ sha256: string }>(`SELECT sha256 FROM deliveries`)).map((row) => row.sha256));
const missing = acknowledged.filter((delivery) => !stored.has(delivery.sha256));
await database.drop();

latencies.sort((a, b) => a - b);
const percentile = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0);
const summary = {
  database: database.embedded ? "embedded" : "server",
  durationSeconds: Number(elapsed.toFixed(1)),
  targetRate: rate,
  attempted: total - skipped,
  skippedBecauseInFlightCap: skipped,
  achievedRate: Number(((total - skipped) / elapsed).toFixed(1)),
  statuses,
  acknowledged: acknowledged.length,
  acknowledgedButMissing: missing.length,
  latencyMs: { p50: percentile(0.5), p95: percentile(0.95), p99: percentile(0.99), max: Math.round(latencies.at(-1) ?? 0) },
  serverRssMiB: { start: rss.startMiB, end: rss.endMiB, peak: rss.peakMiB, every5s: rss.samples.filter((_, i) => i % 5 === 4) },
};
console.log(`[load-run] summary ${JSON.stringify(summary)}`);
const fiveXx = Object.entries(statuses).filter(([status]) => status.startsWith("5") && status !== "503").reduce((sum, [, n]) => sum + n, 0);
process.exit(missing.length === 0 && fiveXx === 0 ? 0 : 1);
