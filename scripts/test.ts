// `npm test`: every test, in one command, on a fresh machine or in CI.
//  1. builds the app (tests run the production build, as users do); the unit tests run meanwhile;
//  2. integration tests (node's test runner), several files at once — each file starts the built app
//     on its own port against its own database: a fresh database on DATABASE_URL's server when one is
//     given (CI), otherwise an embedded in-memory database; a file listed as needing the machine to
//     itself runs afterwards, alone (scripts/test-plan.ts);
//  3. browser tests (Playwright, Chromium, two workers), beside the integration tests;
//  and the lint (`npm run lint`: ESLint and the dead-code check) as jobs of their own beside the rest.
// Set SKIP_BUILD=1 to reuse an existing build; pass file paths to run only those node tests.
// TEST_SLOTS sets how many jobs run at once (see scripts/test-plan.ts for the default).
import { existsSync, readdirSync } from "node:fs";
import { freePort } from "../test/support/free-port.ts";
import { nodeTestCounts, playwrightCounts, runJobs, type Job, type JobResult } from "./test-jobs.ts";
import { defaultSlots, planNodeTest } from "./test-plan.ts";

const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const only = process.argv.slice(2);
const started = Date.now();
const slots = Number(env.TEST_SLOTS ?? defaultSlots(env));

const nodeTests =
  only.length > 0
    ? only
    : (readdirSync("test", { recursive: true }) as string[])
        .filter((file) => file.endsWith(".test.ts"))
        .map((file) => `test/${file}`)
        .sort();

const jobs: Job[] = [];
const build = env.SKIP_BUILD === "1" ? [] : ["build"];
if (build.length > 0) {
  // Two slots: the build uses both cores while it compiles.
  jobs.push({ name: "build", command: process.execPath, args: ["node_modules/next/dist/bin/next", "build"], slots: 2 });
}
if (only.length === 0) {
  // The lint, as `npm run lint` runs it: a finding fails the run.
  jobs.push({ name: "lint (ESLint)", command: process.execPath, args: ["node_modules/eslint/bin/eslint.js", "--cache", "--cache-location", "node_modules/.cache/eslint/", "."] });
  jobs.push({ name: "dead code (knip)", command: process.execPath, args: ["node_modules/knip/bin/knip.js"] });
  if (!existsSync("/usr/bin/chromium") && !env.PLAYWRIGHT_CHROMIUM_EXECUTABLE) {
    // A developer machine without Debian's chromium: Playwright's own browser, downloaded once.
    jobs.push({ name: "install Playwright's Chromium", command: process.execPath, args: ["node_modules/@playwright/test/cli.js", "install", "chromium"] });
  }
  // Free ports for the browser tests' two apps (playwright.config.ts), so runs side by side never collide.
  const ports = { E2E_PORT: String(await freePort()), E2E_PORT_CALLS: String(await freePort()) };
  jobs.push({
    name: "browser tests (Playwright)",
    command: process.execPath,
    args: ["node_modules/@playwright/test/cli.js", "test"],
    env: ports,
    needs: [...build, ...jobs.filter((job) => job.name.startsWith("install")).map((job) => job.name)],
    // Its two workers; started first among the tests, as the longest job.
    slots: 2,
    count: playwrightCounts,
  });
}
for (const file of nodeTests) {
  const plan = planNodeTest(file);
  jobs.push({
    name: file,
    command: process.execPath,
    args: ["--import", "tsx", "--test", "--test-reporter=spec", file],
    needs: plan.needsBuild ? build : [],
    alone: plan.alone,
    count: nodeTestCounts,
  });
}
// Longest first, so none is left to run last: Playwright, then the longest integration files. The unit
// tests come last, but need nothing, so they are the ones that start while the build runs.
jobs.sort((a, b) => rank(a) - rank(b));
function rank(job: Job): number {
  if (!nodeTests.includes(job.name)) return job.name.startsWith("browser") ? 1 : 0;
  const plan = planNodeTest(job.name);
  return plan.needsBuild ? 2 + plan.order : 1000;
}

console.log(`=== ${jobs.length} jobs, up to ${slots} at once${env.DATABASE_URL ? "" : " (embedded databases)"} ===`);
const results = await runJobs(jobs, {
  slots,
  env,
  onStart: (job) => console.log(`--- started ${job.name}${job.alone ? " (alone)" : ""}`),
  onEnd: (result) => {
    const state = result.notRun ? `NOT RUN (${result.notRun})` : result.ok ? "ok" : "FAILED";
    console.log(`\n=== ${result.name}: ${state}, ${seconds(result.ms)} ===`);
    if (result.output) process.stdout.write(result.output.endsWith("\n") ? result.output : `${result.output}\n`);
  },
});

const nodeResults = results.filter((result) => nodeTests.includes(result.name));
const browser = results.find((result) => result.name.startsWith("browser"));
const sum = (list: JobResult[], key: "passed" | "failed" | "skipped") => list.reduce((n, result) => n + (result.counts?.[key] ?? 0), 0);
const counts = (list: JobResult[]) => `${sum(list, "passed")} passed, ${sum(list, "failed")} failed, ${sum(list, "skipped")} skipped`;

console.log("\n=== timings (started at → took) ===");
for (const result of [...results].sort((a, b) => b.ms - a.ms)) {
  console.log(`${seconds(result.startedMs).padStart(8)} → ${seconds(result.ms).padStart(7)}  ${result.name}`);
}
// What failed and why, last but for the summary, where a CI log cut to its tail still shows it.
for (const result of results.filter((r) => !r.ok && !r.notRun && nodeTests.includes(r.name))) {
  console.log(`\n=== why ${result.name} failed ===`);
  console.log(failureLines(result.output ?? "").join("\n"));
}
console.log("\n=== summary ===");
const failedBuild = results.find((result) => result.name === "build" && !result.ok);
if (failedBuild) console.log("FAIL  build: the tests that need it were not run");
const nodeFailed = nodeResults.filter((result) => !result.ok);
console.log(`${nodeFailed.length === 0 ? "PASS" : "FAIL"}  node tests: ${nodeResults.length} files, ${counts(nodeResults)}`);
for (const result of nodeFailed) console.log(`        failed: ${result.name}${result.notRun ? ` (not run: ${result.notRun})` : ""}`);
for (const result of results.filter((r) => r.name.startsWith("lint") || r.name.startsWith("dead code"))) {
  console.log(`${result.ok ? "PASS" : "FAIL"}  ${result.name}`);
}
if (browser) console.log(`${browser.ok ? "PASS" : "FAIL"}  browser tests: ${browser.notRun ? `not run (${browser.notRun})` : counts([browser])}`);
console.log(`      ${seconds(Date.now() - started)} in all`);
process.exit(results.every((result) => result.ok) ? 0 : 1);

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The spec reporter's "failing tests" section without stack frames, at most 40 lines. */
function failureLines(output: string): string[] {
  const start = output.lastIndexOf("✖ failing tests:");
  const lines = (start >= 0 ? output.slice(start) : output).split("\n").filter((line) => !/^\s+at /.test(line) && line.trim() !== "");
  return lines.length > 40 ? [...lines.slice(0, 40), `… ${lines.length - 40} more lines above in this file's output`] : lines;
}
