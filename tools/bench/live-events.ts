// The live rows of `npm run bench`: how long a webhook takes from its acknowledgement by one
// instance to its event on a stream held by another (the path LISTEN/NOTIFY carries), and what 200
// open streams cost the instance that holds them.
import { SseClient } from "../../test/support/sse-client.ts";
import { startTestApp, type TestApp } from "../../test/support/test-app.ts";
import { treeRss } from "./process-memory.ts";
import { percentile } from "./stats.ts";

type LiveBench = { p50: number; p99: number; samples: number; missed: number; streamsMb: number; perStreamKb: number; deliveredToAll: boolean };

function dialing(id: string): string {
  return JSON.stringify({
    id, createdAt: new Date().toISOString(), webhookEvent: "DIALING", status: "IN_PROGRESS", callStatus: "IN_PROGRESS",
    campaign: { id: "bench-live", name: "Bench live" }, contact: { id: `ct-${id}`, name: "Bench", phoneNumber: "+15550009999", data: {} },
  });
}

export async function benchLive(receiver: TestApp, databaseUrl: string, options: { deliveries: number; streams: number }): Promise<LiveBench> {
  const sender = await startTestApp({ databaseUrl });
  try {
    // 1. Latency: one delivery at a time into the sender, timed to its event at the receiver's stream.
    const stream = await SseClient.open(`${receiver.url}/api/events`);
    await stream.waitUntil(() => stream.ready, "the stream to be ready");
    const runId = Date.now().toString(36);
    const latencies: number[] = [];
    let missed = 0;
    for (let i = 0; i < options.deliveries; i++) {
      const id = `bench-live-${runId}-${i}`;
      let arrivedAt = 0;
      const seen = stream.events.length;
      const response = await fetch(`${sender.url}/api/webhooks/voxia`, { method: "POST", body: dialing(id), headers: { "content-type": "application/json" } });
      const ackedAt = performance.now();
      await response.arrayBuffer();
      try {
        await stream.waitUntil(() => stream.events.slice(seen).some((e) => e.data.includes(id)), id, 5000);
        arrivedAt = performance.now();
        latencies.push(Math.max(0, arrivedAt - ackedAt));
      } catch {
        missed += 1;
      }
    }
    stream.close();

    // 2. Memory: the receiver's resident size before and with `streams` open streams, after an event reached them all.
    await new Promise((r) => setTimeout(r, 1000));
    const before = treeRss(receiver.process.pid!);
    const clients = await Promise.all(Array.from({ length: options.streams }, () => SseClient.open(`${receiver.url}/api/events`)));
    await Promise.all(clients.map((c) => c.waitUntil(() => c.ready, "ready", 30_000)));
    const id = `bench-live-${runId}-fanout`;
    await fetch(`${sender.url}/api/webhooks/voxia`, { method: "POST", body: dialing(id), headers: { "content-type": "application/json" } });
    let deliveredToAll = true;
    await Promise.all(clients.map((c) => c.waitUntil(() => c.events.some((e) => e.data.includes(id)), "the fan-out event", 10_000).catch(() => (deliveredToAll = false))));
    await new Promise((r) => setTimeout(r, 1000));
    const withStreams = treeRss(receiver.process.pid!);
    for (const c of clients) c.close();
    const grown = Math.max(0, withStreams - before);
    return {
      p50: percentile(latencies, 50), p99: percentile(latencies, 99), samples: latencies.length, missed,
      streamsMb: withStreams / 1024 / 1024, perStreamKb: grown / options.streams / 1024, deliveredToAll,
    };
  } finally {
    await sender.stop();
  }
}
