// The main thread's side of tools/seed/seed-worker.ts. Generating and merging calls is most of the
// seed's JavaScript work; in worker threads it runs beside this thread and the database, which
// stream the batches already built. Batches are dealt to the workers in turn and come back in order.
import { Worker } from "node:worker_threads";
import type { EncodedTable, SeedFormat } from "./encode-rows";

/** What a worker builds its SeedPlan from (a plan's timeline is a function, which cannot be posted). */
/** contactKeySecret: the target database's (lib/contacts/contact-key-secret.ts), for the contact keys of calls without a contact id. */
export type PlanSpec = { seed: string; calls: number; untilMs: number; days: number; contactKeySecret: string };

type Row = Record<string, unknown>;

export type SeedBatch = { deliveries: number; tables: EncodedTable[]; campaigns: Row[]; contacts: Row[] };
export type WorkerRequest = { id: number; start: number; end: number };
export type WorkerReply = ({ type: "batch"; id: number } & SeedBatch) | { type: "error"; id: number; message: string };

// On Node 20 a worker does not inherit tsx's loader from `--import tsx`: it registers tsx itself,
// then loads the TypeScript worker.
const WORKER_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL("./seed-worker.ts", import.meta.url).href)}); })`;

export class SeedGenerator {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (batch: SeedBatch) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(spec: PlanSpec, format: SeedFormat, workers: number) {
    this.workers = Array.from({ length: workers }, () => {
      const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: { spec, format } });
      worker.on("message", (reply: WorkerReply) => {
        const waiter = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        if (reply.type === "error") waiter?.reject(new Error(`seed worker: ${reply.message}`));
        else waiter?.resolve({ ...reply, tables: reply.tables.map(asBuffers) });
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => this.fail(new Error(`seed worker exited (code ${code})`)));
      return worker;
    });
  }

  /** Calls [start, end) as encoded calls, answers, events and deliveries, plus their folded campaigns and contacts. */
  batch(start: number, end: number): Promise<SeedBatch> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.workers[id % this.workers.length]!.postMessage({ id, start, end } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error("seed workers closed");
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private fail(error: Error) {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}

// A transferred Buffer arrives as a plain Uint8Array view.
function asBuffers(table: EncodedTable): EncodedTable {
  const copy = table.copy as Uint8Array[] | undefined;
  return copy ? { ...table, copy: copy.map((chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)) } : table;
}
