// The error boundaries: with the database down, each page says what failed in place of its content
// (layout and navigation intact), and "Try again" re-fetches the page once the database is back —
// Next.js 16.4's `retry`; the older `reset` re-rendered the failed page without fetching it again.
// Its own app on an embedded database with a data directory, stopped and restarted under the app.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { migrateDatabase } from "../lib/db/migrate.ts";
import { startEmbeddedDb, type EmbeddedDb } from "../tools/launch/start-embedded-db.ts";
import { freePort } from "../test/support/free-port.ts";
import { postWebhook, startTestApp, type TestApp } from "../test/support/test-app.ts";
import { payloadFor } from "../test/support/voxia-fixtures.ts";

let dataDir: string;
let dbPort: number;
let database: EmbeddedDb;
let app: TestApp;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(path.join(tmpdir(), "callboard-e2e-errors-"));
  dbPort = await freePort();
  database = await startEmbeddedDb({ port: dbPort, dataDir });
  await migrateDatabase(database.url);
  app = await startTestApp({ databaseUrl: database.url, embedded: true });
  const res = await postWebhook(app, JSON.stringify(payloadFor({ id: "boundary-call" }, "HANG_UP", "ended")), {});
  expect(res.status).toBe(200);
});

test.afterAll(async () => {
  await app?.kill().catch(() => {});
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const PAGES = [
  ["/", "This page could not be loaded"],
  ["/calls", "The calls could not be loaded"],
  ["/calls/boundary-call", "This call could not be loaded"],
  ["/settings/webhook", "The Connect page could not be loaded"],
  ["/contacts", "The contacts could not be loaded"],
  ["/follow-ups", "The follow-up queues could not be loaded"],
  ["/suppression", "The do-not-call list could not be loaded"],
  // Last: the page "Try again" is pressed on.
  ["/campaigns", "The campaigns could not be loaded"],
] as const;

test("with the database down each page shows its error, and Try again recovers once it is back", async ({ page }) => {
  test.setTimeout(120_000);
  await database.stop();
  for (const [pathname, title] of PAGES) {
    await page.goto(`${app.url}${pathname}`);
    const alert = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
    await expect(alert, pathname).toBeVisible({ timeout: 20_000 });
    await expect(alert.getByText(/^Reference: \w+/), pathname).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }), pathname).toBeVisible();
  }

  database = await startEmbeddedDb({ port: dbPort, dataDir });
  const retried = page.getByRole("heading", { name: "Campaigns", exact: true, level: 1 });
  await expect(async () => {
    await page.getByRole("button", { name: "Try again" }).click({ timeout: 1_000 });
    await expect(retried).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("alert").filter({ hasText: "could not be loaded" })).toHaveCount(0);
  await expect(page.getByText("{campaignName}", { exact: true })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/campaigns");
});
