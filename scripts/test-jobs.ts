// Runs `npm test`'s jobs (the build, each node test file, Playwright) as child processes, several at
// once: each job's output is held back and printed whole when it ends, so parallel jobs never
// interleave their lines. A job waits for the jobs it needs, takes some of the slots (2 cores here:
// the build and Playwright's two workers take two), or may need the machine to itself.
import { spawn } from "node:child_process";

export type Job = {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Jobs that must have succeeded before this one starts; if one failed, this one is not run. */
  needs?: string[];
  /** Slots this job takes while it runs (default 1). */
  slots?: number;
  /** Runs with nothing else running: timing- or load-sensitive tests. */
  alone?: boolean;
  /** Reads test counts out of the job's output. */
  count?: (output: string) => Counts;
};

export type Counts = { passed: number; failed: number; skipped: number };

export type JobResult = {
  name: string;
  ok: boolean;
  /** Not started because a job it needs failed. */
  notRun?: string;
  startedMs: number;
  ms: number;
  output: string;
  counts?: Counts;
};

export async function runJobs(jobs: Job[], options: { slots: number; env: NodeJS.ProcessEnv; onStart?: (job: Job) => void; onEnd: (result: JobResult) => void }): Promise<JobResult[]> {
  const t0 = Date.now();
  const pending = [...jobs];
  const running = new Map<Job, Promise<void>>();
  const results = new Map<string, JobResult>();
  const slotsOf = (job: Job) => Math.min(job.slots ?? 1, options.slots);

  const finish = (result: JobResult) => {
    results.set(result.name, result);
    options.onEnd(result);
  };

  const startable = (job: Job): boolean => {
    if (!(job.needs ?? []).every((name) => results.has(name))) return false;
    const used = [...running.keys()].reduce((n, other) => n + slotsOf(other), 0);
    if ([...running.keys()].some((other) => other.alone)) return false;
    // Alone jobs wait until nothing else is left to start, then for the machine to be idle.
    if (job.alone) return running.size === 0 && pending.every((other) => other.alone || !ready(other));
    if (used + slotsOf(job) > options.slots) return false;
    return true;
  };
  const ready = (job: Job) => (job.needs ?? []).every((name) => results.has(name));

  for (;;) {
    // Jobs whose needs failed end at once, unstarted.
    for (const job of [...pending]) {
      const failed = (job.needs ?? []).find((name) => results.has(name) && !results.get(name)!.ok);
      if (!failed) continue;
      pending.splice(pending.indexOf(job), 1);
      finish({ name: job.name, ok: false, notRun: `${failed} failed`, startedMs: Date.now() - t0, ms: 0, output: "" });
    }
    for (const job of [...pending]) {
      if (!startable(job)) continue;
      pending.splice(pending.indexOf(job), 1);
      options.onStart?.(job);
      running.set(
        job,
        runOne(job, options.env, t0).then((result) => {
          running.delete(job);
          finish(result);
        }),
      );
      if (job.alone) break;
    }
    if (running.size === 0) {
      if (pending.length === 0) break;
      // Nothing runs and nothing can start: needs that name no job.
      for (const job of pending.splice(0)) finish({ name: job.name, ok: false, notRun: `needs ${job.needs?.join(", ")}`, startedMs: Date.now() - t0, ms: 0, output: "" });
      break;
    }
    await Promise.race(running.values());
  }
  return jobs.map((job) => results.get(job.name)!);
}

function runOne(job: Job, env: NodeJS.ProcessEnv, t0: number): Promise<JobResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(job.command, job.args, { env: { ...env, ...job.env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    // Decoded as a stream: a character split across two chunks stays whole (the counts are read from "ℹ" lines).
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    const end = (ok: boolean) =>
      resolve({ name: job.name, ok, startedMs: started - t0, ms: Date.now() - started, output, counts: job.count?.(output) });
    child.on("error", (error) => {
      output += `\n${error.message}\n`;
      end(false);
    });
    child.on("close", (code) => end(code === 0));
  });
}

/** Counts from node's spec reporter ("ℹ pass 12"). */
export function nodeTestCounts(output: string): Counts {
  const figure = (name: string) => Number(new RegExp(`^ℹ ${name} (\\d+)$`, "m").exec(output)?.[1] ?? 0);
  return { passed: figure("pass"), failed: figure("fail") + figure("cancelled"), skipped: figure("skipped") + figure("todo") };
}

/** Counts from Playwright's list reporter ("  42 passed (1.2m)"). */
export function playwrightCounts(output: string): Counts {
  const figure = (name: string) => Number(new RegExp(`^\\s+(\\d+) ${name}\\b`, "m").exec(output)?.[1] ?? 0);
  return { passed: figure("passed") + figure("flaky"), failed: figure("failed") + figure("interrupted"), skipped: figure("skipped") + figure("did not run") };
}
