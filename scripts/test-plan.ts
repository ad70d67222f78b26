// How `npm test` runs each node test file (scripts/test.ts). By default a file runs beside others:
// every integration file has its own database and its own app on its own port. The exceptions are
// listed here with the reason; a new file needs no entry unless it is one of them.
import { cpus } from "node:os";

export type NodeTestPlan = {
  /** Starts the built app (every file outside test/unit/ may): waits for the build. */
  needsBuild: boolean;
  /** Runs with nothing else running. */
  alone?: boolean;
  /** Start order among the integration files: longest first, so none is left to run last. */
  order: number;
};

/**
 * Files that must run with nothing beside them (after all the others), with the reason. None today:
 * the timing- and load-sensitive ones (crash-restart, load-run, hostile-input, webhook-database-down,
 * two-instances, the seed tests) pass beside the others even on a machine loaded 10-fold by other
 * work, and their deadlines are generous. Add a file here only with a measured failure that needs it.
 */
const ALONE: Record<string, string> = {};

/** The longest files (measured in a full run, 4 jobs at once), started first; the rest keep their order. */
const LONGEST = [
  "hostile-input",
  "access-control",
  "webhook-database-down",
  "calls-export",
  "two-instances",
  "production-start",
  "security-headers",
  "webhook-bad-input",
  "reprocess-embedded",
  "crash-restart",
  "seed-reprocess",
  "load-run",
];

export function planNodeTest(file: string): NodeTestPlan {
  const name = file.replace(/^.*\//, "").replace(/\.test\.ts$/, "");
  const longest = LONGEST.indexOf(name);
  return {
    needsBuild: !file.replace(/^\.\//, "").startsWith("test/unit/"),
    alone: name in ALONE,
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
