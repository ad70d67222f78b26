// How `npm test` runs each node test file (scripts/test.ts). By default a file runs beside others:
// every integration file has its own database and its own app on its own port. The exceptions are
// listed here with the reason; a new file needs no entry unless it is one of them.
import { cpus } from "node:os";

export type NodeTestPlan = {
  /** Starts the built app (every file outside test/unit/ may): waits for the build. */
  needsBuild: boolean;
  /** Runs with nothing else running. */
  alone?: boolean;
  /** Files in one lane run one after another (beside the others). */
  lane?: string;
  /** Start order among the integration files: longest first, so none is left to run last. */
  order: number;
};

/** Timing- or load-sensitive files: their own figures and deadlines only mean something on an idle machine. */
const ALONE: Record<string, string> = {};

/** Files that load the machine heavily: one of them at a time, beside the light ones. */
const HEAVY: Record<string, string> = {};

/** The longest files (measured), started first. */
const LONGEST = [
  "hostile-input",
  "load-run",
  "crash-restart",
  "two-instances",
  "webhook-database-down",
  "seed-reprocess",
  "seed-interrupted",
  "reprocess-embedded",
];

export function planNodeTest(file: string): NodeTestPlan {
  const name = file.replace(/^.*\//, "").replace(/\.test\.ts$/, "");
  const longest = LONGEST.indexOf(name);
  return {
    needsBuild: !file.replace(/^\.\//, "").startsWith("test/unit/"),
    alone: name in ALONE,
    lane: name in HEAVY ? "heavy" : undefined,
    order: longest >= 0 ? longest : LONGEST.length,
  };
}

/**
 * Jobs at once. A test file spends much of its time waiting on HTTP and the database, so a 2-core
 * machine runs more files than it has cores; each embedded database is a process of its own
 * (PGlite, WebAssembly), which costs more, so fewer of them.
 */
export function defaultSlots(env: NodeJS.ProcessEnv): number {
  const cores = Math.max(1, cpus().length);
  return env.DATABASE_URL ? cores * 2 : cores + 1;
}
