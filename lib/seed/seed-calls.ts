// Generates seeded calls and loads them in batches: raw deliveries plus every derived row, computed
// by the same merge as live ingestion (lib/voxia/merge-call-state.ts), then the rollups in one pass.
import { createHash } from "node:crypto";
import type pg from "pg";
import { mergeCallState, type ReceivedDelivery } from "@/lib/voxia/merge-call-state";
import { readVoxiaDelivery } from "@/lib/voxia/voxia-payload";
import { REBUILD_ROLLUPS_SQL } from "@/lib/rollups/rollup-sql";
import { answerRecords, callRecord, eventRecords, NewestWins } from "./call-records";
import { generateCall, type SeedPlan } from "./generate-call";
import { createTimeline } from "./timeline";
import { writeSeedBatch, type SeedBatch } from "./write-seed-batch";
import { dropForeignKeys, dropSecondaryIndexes, recreate } from "./bulk-indexes";

export type SeedOptions = {
  calls: number;
  seed: string;
  /** End of the seeded period; calls are spread over the `days` before it. */
  until: Date;
  days: number;
  batchSize: number;
  /** Empty every call table first. */
  reset: boolean;
  onProgress?: (done: number, deliveries: number) => void;
  onStep?: (message: string) => void;
};

/**
 * One transaction: a seed that fails or is interrupted leaves the database as it was. Into empty
 * tables the secondary indexes are dropped first and built once at the end (much faster at 1M calls);
 * readers of the call tables wait meanwhile, which is fine for a seed.
 */
export async function seedCalls(client: pg.ClientBase, options: SeedOptions): Promise<{ calls: number; deliveries: number }> {
  await client.query("BEGIN");
  try {
    const result = await seedInTransaction(client, options);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

async function seedInTransaction(client: pg.ClientBase, options: SeedOptions) {
  if (options.reset) await client.query("TRUNCATE deliveries, call_answers, call_events, calls, contacts, campaigns, call_rollups");
  const empty = (await client.query("SELECT 1 FROM calls LIMIT 1")).rowCount === 0;
  const dropped = empty ? [...(await dropForeignKeys(client)), ...(await dropSecondaryIndexes(client))] : [];
  // Compresses large values several times faster than the default pglz (absent on some builds).
  await client.query("SAVEPOINT toast; SET LOCAL default_toast_compression = 'lz4'; RELEASE toast").catch(() => client.query("ROLLBACK TO toast"));
  const plan: SeedPlan = {
    seed: options.seed,
    calls: options.calls,
    timeline: createTimeline(options.until.getTime(), options.days),
    organizationId: "",
  };
  let deliveries = 0;
  let pending: Promise<void> | null = null;
  for (let start = 0; start < options.calls; start += options.batchSize) {
    const end = Math.min(options.calls, start + options.batchSize);
    // Generating the next batch overlaps with the database writing the previous one.
    const batch = await buildBatch(plan, start, end);
    if (pending) await pending;
    deliveries += batch.deliveries.length;
    const done = end;
    const counted = deliveries;
    pending = writeSeedBatch(client, batch).then(() => options.onProgress?.(done, counted));
  }
  if (pending) await pending;
  if (dropped.length > 0) {
    await client.query("SET LOCAL maintenance_work_mem = '512MB'");
    await recreate(client, dropped, (name, seconds) => options.onStep?.(`rebuilt ${name} in ${seconds.toFixed(1)} s`));
  }
  await client.query("LOCK TABLE calls IN SHARE MODE");
  await client.query(REBUILD_ROLLUPS_SQL);
  options.onStep?.("rollups rebuilt");
  return { calls: options.calls, deliveries };
}

async function buildBatch(plan: SeedPlan, start: number, end: number): Promise<SeedBatch> {
  const batch: SeedBatch = { campaigns: [], contacts: [], calls: [], answers: [], events: [], deliveries: [] };
  const campaigns = new NewestWins();
  const contacts = new NewestWins();
  for (let index = start; index < end; index++) {
    // Let the database client send and receive between calls.
    if (index % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
    const call = generateCall(plan, index);
    const received: ReceivedDelivery[] = [];
    for (const d of call.deliveries) {
      const sha256 = createHash("sha256").update(d.body).digest("hex");
      // Seeded bodies are plain JSON, which the lenient webhook parser reads exactly as JSON.parse does.
      const read = readVoxiaDelivery(JSON.parse(d.body));
      if (!read.ok) throw new Error(`seeded delivery for ${call.id} is unusable: ${read.problem.message}`);
      received.push({ delivery: read.delivery, sha256, receivedAt: d.receivedAt });
      batch.deliveries.push({ call_id: call.id, sha256, body: d.body, webhook_event: d.webhookEvent, received_at: d.receivedAt.toISOString() });
    }
    const state = mergeCallState(received);
    if (state.campaignId) campaigns.offer(state.campaignId, state.createdAt, { name: state.campaignName });
    if (state.contactKey) {
      contacts.offer(state.contactKey, state.createdAt, { name: state.contactName, phone_number: state.contactPhone, data: state.contactData });
    }
    batch.calls.push(callRecord(state));
    batch.answers.push(...answerRecords(state));
    batch.events.push(...eventRecords(state));
  }
  batch.campaigns = campaigns.drain();
  batch.contacts = contacts.drain();
  return batch;
}
