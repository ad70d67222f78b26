// Serves the built app for the browser tests, on a fresh database of its own.
import pg from "pg";
import { assertLocalDatabase } from "../test/support/assert-local-database.ts";
import { createTestDatabase } from "../test/support/test-database.ts";
import { startTestApp } from "../test/support/test-app.ts";

const port = Number(process.env.E2E_PORT ?? 3210);
const label = `e2e_p${port}`;

// Playwright may end this process without a signal it can handle, which leaves its database behind:
// the next run on the same port removes what an earlier one left. The guard comes first: nothing is
// dropped on a server that is not this machine's.
if (process.env.DATABASE_URL) {
  assertLocalDatabase(process.env.DATABASE_URL);
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`callboard_test_${label}_%`]);
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
}

const database = await createTestDatabase(label);
const app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded, port });
console.log(`[e2e] app on ${app.url}`);

async function stop() {
  await app.stop().catch(() => {});
  await database.drop().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
