// A production server without its secrets must not serve at all: the process ends, saying what to set.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { startTestApp } from "../support/test-app.ts";

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase("production_start", { migrate: false });
});
after(async () => {
  await database?.drop();
});

test("NODE_ENV=production without WEBHOOK_SECRET and DASHBOARD_PASSWORD: the server exits and names both", async () => {
  await assert.rejects(
    startTestApp({ databaseUrl: database.url, embedded: database.embedded, env: { CALLBOARD_ALLOW_INSECURE: "", WEBHOOK_SECRET: "", DASHBOARD_PASSWORD: "" } }),
    (error: Error) => {
      assert.match(error.message, /the app exited with code [1-9]/);
      assert.match(error.message, /WEBHOOK_SECRET is not set/);
      assert.match(error.message, /DASHBOARD_PASSWORD is not set/);
      return true;
    },
  );
  const migrations = await database.query(`SELECT to_regclass('_prisma_migrations') AS table`);
  assert.equal(migrations[0]!.table, null, "the refusal comes before the database is touched");
});

test("with only the password missing it still refuses, naming just that", async () => {
  await assert.rejects(
    startTestApp({ databaseUrl: database.url, embedded: database.embedded, env: { CALLBOARD_ALLOW_INSECURE: "", WEBHOOK_SECRET: "s3cret", DASHBOARD_PASSWORD: "" } }),
    (error: Error) => /DASHBOARD_PASSWORD is not set/.test(error.message) && !/WEBHOOK_SECRET is not set/.test(error.message),
  );
});

test("the explicit opt-out CALLBOARD_ALLOW_INSECURE=1 lets it start", async () => {
  const app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded, env: { CALLBOARD_ALLOW_INSECURE: "1", WEBHOOK_SECRET: "", DASHBOARD_PASSWORD: "" } });
  try {
    assert.equal((await fetch(`${app.url}/api/health`)).status, 200);
  } finally {
    await app.stop();
  }
});
