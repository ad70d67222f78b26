// Serves the built app for the browser tests, on a fresh database of its own.
import { createTestDatabase } from "../test/support/test-database.ts";
import { startTestApp } from "../test/support/test-app.ts";

const database = await createTestDatabase("e2e");
const app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded, port: Number(process.env.E2E_PORT ?? 3210) });
console.log(`[e2e] app on ${app.url}`);

async function stop() {
  await app.stop().catch(() => {});
  await database.drop().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
