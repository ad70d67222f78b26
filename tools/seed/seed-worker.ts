// Worker thread of the seed (started by tools/seed/seed-generator.ts): generates, merges and encodes
// batches of calls while the main thread streams earlier ones to the database. The output depends
// only on the plan and the batch's range, never on which worker built it.
import { parentPort, workerData } from "node:worker_threads";
import { buildBatch, createFoldedRows, type BatchSinks } from "./build-batch";
import { rowSink, type SeedFormat } from "./encode-rows";
import type { SeedPlan } from "./generate-call";
import { BATCH_TABLES } from "@/lib/ingest/call-table-columns";
import { createTimeline } from "./timeline";
import { setContactKeySecret } from "@/lib/voxia/phone-number";
import type { PlanSpec, WorkerReply, WorkerRequest } from "./seed-generator";

const { spec, format } = workerData as { spec: PlanSpec; format: SeedFormat };
setContactKeySecret(spec.contactKeySecret);
const plan: SeedPlan = { seed: spec.seed, calls: spec.calls, timeline: createTimeline(spec.untilMs, spec.days), organizationId: "" };

parentPort!.on("message", ({ id, start, end }: WorkerRequest) => {
  try {
    // Campaigns and contacts come back folded over this batch only; the main thread folds the
    // batches in order, as the ingest upserts would.
    const folded = createFoldedRows();
    const sinks = Object.fromEntries(BATCH_TABLES.map((table) => [table.name, rowSink(format, table)])) as BatchSinks;
    const { deliveries } = buildBatch(plan, start, end, folded, sinks);
    const tables = BATCH_TABLES.map((table) => sinks[table.name as keyof BatchSinks].finish());
    const reply: WorkerReply = { type: "batch", id, deliveries, tables, campaigns: folded.campaigns.drain(), contacts: folded.contacts.drain() };
    // Binary rows are handed over, not copied (each chunk has an ArrayBuffer of its own).
    parentPort!.postMessage(reply, tables.flatMap((t) => (t.copy ?? []).map((chunk) => chunk.buffer as ArrayBuffer)));
  } catch (error) {
    parentPort!.postMessage({ type: "error", id, message: (error as Error).stack ?? String(error) } satisfies WorkerReply);
  }
});
