// Ingestion throughput and latency against the running app, next to the ceiling: the same payloads
// inserted straight into Postgres, one autocommitted `INSERT … ON CONFLICT` per payload.
import { createHash } from "node:crypto";
import pg from "pg";
import { generateCall } from "@/tools/seed/generate-call";
import { createTimeline } from "@/tools/seed/timeline";
import { percentile } from "./stats";

export type Payload = { body: string; sha256: string };

/**
 * Lifecycle deliveries of fresh calls (ids unique to this run). Like Voxia's traffic, many calls are
 * in progress at once and one call's deliveries arrive seconds to minutes apart: calls go in blocks of
 * 500, each block sending every call's first delivery, then every call's second, and so on.
 */
export function benchPayloads(count: number, runId: string): Payload[] {
  const timeline = createTimeline(Date.now(), 1);
  const payloads: Payload[] = [];
  const plan = { seed: `bench-${runId}`, calls: count, timeline, organizationId: "" };
  const BLOCK = 500;
  for (let first = 0; payloads.length < count; first += BLOCK) {
    const calls = Array.from({ length: BLOCK }, (_, i) => generateCall(plan, first + i));
    for (let stage = 0; calls.some((c) => c.deliveries.length > stage); stage++) {
      calls.forEach((call, i) => {
        const delivery = call.deliveries[stage];
        if (!delivery || payloads.length >= count) return;
        const body = JSON.stringify({ ...JSON.parse(delivery.body), id: `bench-${runId}-${first + i}` });
        payloads.push({ body, sha256: createHash("sha256").update(body).digest("hex") });
      });
    }
  }
  return payloads;
}

export type Throughput = { perSecond: number; p50: number; p99: number; seconds: number; errors: number };

/** `concurrency` senders, each posting the next payload as soon as its previous one is acknowledged. */
export async function sendAll(webhookUrl: string, payloads: Payload[], concurrency: number): Promise<Throughput> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < payloads.length; i = next++) {
        const sent = performance.now();
        const res = await fetch(webhookUrl, { method: "POST", body: payloads[i]!.body, headers: { "content-type": "application/json" } });
        await res.arrayBuffer();
        latencies.push(performance.now() - sent);
        if (res.status !== 200) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: payloads.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), seconds, errors };
}

/** Open loop: request i leaves at start + i/rate whatever the earlier ones are doing. */
export async function sendPaced(webhookUrl: string, payloads: Payload[], perSecond: number): Promise<Throughput> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    payloads.map(async (payload, i) => {
      const due = started + (i * 1000) / perSecond;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const sent = performance.now();
      const res = await fetch(webhookUrl, { method: "POST", body: payload.body, headers: { "content-type": "application/json" } });
      await res.arrayBuffer();
      latencies.push(performance.now() - sent);
      if (res.status !== 200) errors++;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: payloads.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), seconds, errors };
}

/** The ceiling: the same bytes, one durable single-row insert each, from `concurrency` connections. */
export async function insertCeiling(databaseUrl: string, payloads: Payload[], concurrency: number): Promise<Throughput> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query("DROP TABLE IF EXISTS bench_ceiling");
  await admin.query("CREATE TABLE bench_ceiling (LIKE deliveries INCLUDING ALL)");
  const clients = await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  try {
    await Promise.all(
      clients.map(async (client) => {
        for (let i = next++; i < payloads.length; i = next++) {
          const p = payloads[i]!;
          const sent = performance.now();
          const id = (JSON.parse(p.body) as { id: string }).id;
          await client.query(
            `INSERT INTO bench_ceiling (call_id, sha256, body, webhook_event, content_type) VALUES ($1, $2, $3, $4, 'application/json')
             ON CONFLICT (sha256) DO NOTHING`,
            [id, p.sha256, Buffer.from(p.body), null],
          );
          latencies.push(performance.now() - sent);
        }
      }),
    );
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  const seconds = (performance.now() - started) / 1000;
  const stored = Number((await admin.query<{ n: string }>("SELECT count(*)::text AS n FROM bench_ceiling")).rows[0]!.n);
  await admin.query("DROP TABLE bench_ceiling");
  await admin.end();
  if (stored !== payloads.length) throw new Error(`ceiling: ${stored} of ${payloads.length} rows stored`);
  return { perSecond: payloads.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), seconds, errors: 0 };
}

/** How many of the payloads the database holds: acknowledged must mean stored. */
export async function countStored(databaseUrl: string, payloads: Payload[]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("SELECT count(*)::text AS n FROM deliveries WHERE sha256 = ANY($1::text[])", [
      payloads.map((p) => p.sha256),
    ]);
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}
