// Group commit: requests that arrive while earlier ones are being written wait together and go into
// the database as one transaction, so the per-transaction cost (round trips, the commit's flush to
// disk) is paid once per batch instead of once per request. Nobody waits for a batch to fill: a
// request arriving when a batch slot is free is written at once, alone. Each caller's promise settles
// only when its own batch has committed (or failed), so "answered 200" still means "stored".
//
// A batch that fails on a transient conflict (a deadlock with another instance's batch) is written
// again; one that fails for another reason, other than the database being unreachable, is retried one
// item at a time, so one bad item fails alone instead of taking its batch-mates with it.

export type GroupCommitOptions<I, R> = {
  /** Writes the items in one transaction; returns one result per item, in order. */
  write: (items: I[]) => Promise<R[]>;
  /** Batches written at the same time. */
  concurrency: number;
  maxItems: number;
  /** Upper bound on the sum of itemBytes in one batch (a single larger item still goes alone). */
  maxBytes: number;
  itemBytes: (item: I) => number;
  /** Errors that fail the whole batch at once (retrying item by item cannot help). */
  failsAll: (error: unknown) => boolean;
  /** Errors after which the same write may simply be tried again, up to `attempts` times in all. */
  isTransient: (error: unknown) => boolean;
  attempts: number;
  /** How long an item may wait for a batch before it is refused with `onWaitTimeout()`'s error. */
  waitLimitMs: number;
  onWaitTimeout: (waitedMs: number) => Error;
};

type Job<I, R> = { item: I; resolve: (result: R) => void; reject: (error: unknown) => void; timer: NodeJS.Timeout };

export type GroupCommit<I, R> = { submit(item: I): Promise<R>; pending(): number };

export function createGroupCommit<I, R>(options: GroupCommitOptions<I, R>): GroupCommit<I, R> {
  const queue: Job<I, R>[] = [];
  let running = 0;

  function takeBatch(): Job<I, R>[] {
    const batch: Job<I, R>[] = [];
    let bytes = 0;
    while (queue.length > 0 && batch.length < options.maxItems) {
      const size = options.itemBytes(queue[0]!.item);
      if (batch.length > 0 && bytes + size > options.maxBytes) break;
      const job = queue.shift()!;
      clearTimeout(job.timer);
      batch.push(job);
      bytes += size;
    }
    return batch;
  }

  async function write(items: I[]): Promise<R[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await options.write(items);
      } catch (error) {
        if (attempt >= options.attempts || !options.isTransient(error)) throw error;
      }
    }
  }

  async function writeBatch(batch: Job<I, R>[]): Promise<void> {
    try {
      const results = await write(batch.map((job) => job.item));
      batch.forEach((job, i) => job.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1 || options.failsAll(error)) {
        for (const job of batch) job.reject(error);
        return;
      }
      for (const job of batch) {
        try {
          job.resolve((await write([job.item]))[0]!);
        } catch (itemError) {
          job.reject(itemError);
        }
      }
    }
  }

  function pump(): void {
    while (running < options.concurrency && queue.length > 0) {
      const batch = takeBatch();
      running++;
      void writeBatch(batch).finally(() => {
        running--;
        pump();
      });
    }
  }

  return {
    submit(item: I): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        const job: Job<I, R> = {
          item,
          resolve,
          reject,
          timer: setTimeout(() => {
            const index = queue.indexOf(job);
            if (index >= 0) queue.splice(index, 1);
            reject(options.onWaitTimeout(options.waitLimitMs));
          }, options.waitLimitMs),
        };
        queue.push(job);
        pump();
      });
    },
    pending: () => queue.length,
  };
}
