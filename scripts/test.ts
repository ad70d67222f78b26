// `npm test`: every test, in one command, on a fresh machine or in CI.
//  0. lint (`npm run lint`: ESLint and the dead-code check); a finding fails the run before the build;
//  1. builds the app (tests run the production build, as users do);
//  2. unit and integration tests (node's test runner) — each integration file starts the built app
//     on its own port against its own database: a fresh database on DATABASE_URL's server when one is
//     given (CI), otherwise an embedded in-memory database;
//  3. browser tests (Playwright, Chromium).
// Set SKIP_BUILD=1 to reuse an existing build; pass file paths to run only those node tests (that
// skips the lint too: `npm run lint` runs it alone).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const only = process.argv.slice(2);

function run(title: string, command: string, args: string[]): boolean {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  return result.status === 0;
}

const results: [string, boolean][] = [];

if (only.length === 0) {
  if (!run("lint", process.execPath, ["node_modules/eslint/bin/eslint.js", "--cache", "--cache-location", "node_modules/.cache/eslint/", "."]) ||
      !run("dead code", process.execPath, ["node_modules/knip/bin/knip.js"])) {
    console.error("lint failed; no tests were run (`npm run lint` shows the findings)");
    process.exit(1);
  }
}

if (env.SKIP_BUILD !== "1") {
  if (!run("build", process.execPath, ["node_modules/next/dist/bin/next", "build"])) {
    console.error("the build failed; no tests were run");
    process.exit(1);
  }
}

const nodeTests =
  only.length > 0
    ? only
    : (readdirSync("test", { recursive: true }) as string[])
        .filter((file) => file.endsWith(".test.ts"))
        .map((file) => `test/${file}`)
        .sort();
results.push([
  "unit and integration tests",
  run("unit and integration tests", process.execPath, ["--import", "tsx", "--test", "--test-concurrency=1", ...nodeTests]),
]);

if (only.length === 0) {
  if (!existsSync("/usr/bin/chromium") && !env.PLAYWRIGHT_CHROMIUM_EXECUTABLE) {
    // A developer machine without Debian's chromium: Playwright's own browser, downloaded once.
    run("install Playwright's Chromium", process.execPath, ["node_modules/@playwright/test/cli.js", "install", "chromium"]);
  }
  results.push(["browser tests", run("browser tests (Playwright)", process.execPath, ["node_modules/@playwright/test/cli.js", "test"])]);
}

console.log("\n=== summary ===");
for (const [name, ok] of results) console.log(`${ok ? "PASS" : "FAIL"}  ${name}`);
process.exit(results.every(([, ok]) => ok) ? 0 : 1);
