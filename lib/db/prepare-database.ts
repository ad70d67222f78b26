// Applies pending migrations at start-up. A database that is not reachable yet (an app started
// before its database) is retried for a minute; after that the app serves anyway and reports the
// problem through /api/health and 503s, instead of refusing to start.
import { databaseUrl, redactedDatabaseUrl } from "./database-url";
import { migrateDatabase } from "./migrate";

export async function prepareDatabase(): Promise<void> {
  const url = databaseUrl();
  const deadline = Date.now() + 60_000;
  for (let attempt = 1; ; attempt++) {
    try {
      const { applied } = await migrateDatabase(url);
      if (applied.length > 0) console.log(`[db] applied migrations: ${applied.join(", ")}`);
      return;
    } catch (error) {
      const message = (error as Error).message;
      if (message.startsWith("migration ") || Date.now() > deadline) {
        console.error(`[db] cannot migrate ${redactedDatabaseUrl(url)}: ${message}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 500 * attempt)));
    }
  }
}
