import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's chromium where it is installed (CI, these machines); Playwright's own elsewhere.
const systemChromium = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

// Two apps, each on a database of its own (e2e/serve.ts), so the specs run on two workers without
// seeing each other's calls: the calls pages' specs search and count across all calls (a phone
// number, a word, the whole list) and share one seed (test/support/calls-seed.ts); every other spec
// seeds calls under campaign ids of its own and filters by them. `npm test` passes free ports.
const ports = { calls: Number(process.env.E2E_PORT_CALLS ?? 3211), dashboard: Number(process.env.E2E_PORT ?? 3210) };
const CALLS_SPECS = /\/(calls-list|calls-detail|published-example)\.spec\.ts$/;
// The follow-up queues count every contact's items, whatever the campaign: their spec runs on the
// dashboard's app once the dashboard specs are done, so no other spec's calls arrive while it counts.
const AFTER_DASHBOARD_SPECS = /\/follow-ups\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  // Tests within a spec run in order (they share its seeded calls); specs run side by side.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: systemChromium
        ? ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
        : [],
    },
  },
  projects: [
    // One worker for these: the other one starts on the dashboard specs, so each app serves one browser
    // (an embedded database takes one connection at a time), and the shared seed is posted once.
    { name: "calls", testMatch: CALLS_SPECS, workers: 1, use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${ports.calls}` } },
    { name: "dashboard", testIgnore: [CALLS_SPECS, AFTER_DASHBOARD_SPECS], use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${ports.dashboard}` } },
    { name: "after-dashboard", testMatch: AFTER_DASHBOARD_SPECS, dependencies: ["dashboard"], use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${ports.dashboard}` } },
  ],
  webServer: Object.values(ports).map((port) => ({
    // The built app on a database of its own (see e2e/serve.ts).
    command: `node --import tsx e2e/serve.ts`,
    url: `http://127.0.0.1:${port}/api/health`,
    env: { E2E_PORT: String(port) },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe" as const,
    // SIGTERM (not the default SIGKILL) lets serve.ts drop its database on the way out.
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
  })),
});
