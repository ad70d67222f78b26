// Applies pending migrations at start-up. A database that is not reachable yet (an app started
// before its database) is retried for a minute; after that the app serves 503s and /api/health
// reports the problem while it keeps retrying, instead of refusing to start. A migration that fails
// is not served around: the app answers 503 naming it (lib/db/schema-state.ts) and retries, so a
// database fixed by hand recovers without a restart and a fixed release recovers on deploy.
import { databaseUrl, redactedDatabaseUrl } from "./database-url";
import { MigrationFailedError, migrateDatabase } from "./migrate";
import { schemaState, setSchemaState } from "./schema-state";

const START_DEADLINE_MS = 60_000;
const RETRY_MS = { pending: 5_000, migration_failed: 15_000 };

export async function prepareDatabase(): Promise<void> {
  const url = databaseUrl();
  setSchemaState({ status: "pending", reason: "migrations have not been applied yet" });
  const deadline = Date.now() + START_DEADLINE_MS;
  let lastLogged: string | undefined;
  for (let attempt = 1; ; attempt++) {
    const outcome = await migrateOnce(url);
    if (outcome.status === "ready") return;
    const startingUp = outcome.status === "pending" && Date.now() <= deadline;
    if (!startingUp) {
      if (outcome.reason !== lastLogged) logNotServing(url, outcome);
      lastLogged = outcome.reason;
      // Serve (503s) meanwhile, and keep trying in the background.
      retryInBackground(url, outcome, lastLogged);
      return;
    }
    await sleep(Math.min(5_000, 500 * attempt));
  }
}

async function migrateOnce(url: string) {
  try {
    const { applied } = await migrateDatabase(url);
    if (applied.length > 0) console.log(`[db] applied migrations: ${applied.join(", ")}`);
    setSchemaState({ status: "ready" });
    return { status: "ready" as const };
  } catch (error) {
    const message = (error as Error).message.split("\n")[0] ?? String(error);
    // A retry that cannot connect (the embedded database takes one connection, which the app's pool
    // may hold) says nothing new about a migration that failed: keep naming it.
    const current = schemaState();
    if (!(error instanceof MigrationFailedError) && current.status === "migration_failed") return current;
    const state =
      error instanceof MigrationFailedError
        ? { status: "migration_failed" as const, reason: message }
        : { status: "pending" as const, reason: `cannot reach the database to migrate it: ${message}` };
    setSchemaState(state);
    return state;
  }
}

function logNotServing(url: string, state: { status: string; reason: string }) {
  console.error(
    state.status === "migration_failed"
      ? `[db] NOT SERVING: ${state.reason} (database ${redactedDatabaseUrl(url)}). Webhooks answer 503 and store nothing until it is fixed; retrying every ${RETRY_MS.migration_failed / 1000} s`
      : `[db] ${state.reason}; answering 503 and retrying every ${RETRY_MS.pending / 1000} s`,
  );
}

function retryInBackground(url: string, state: { status: "pending" | "migration_failed"; reason: string }, lastLogged: string) {
  const retry = async () => {
    const outcome = await migrateOnce(url);
    if (outcome.status === "ready") {
      console.log("[db] the database schema is up to date: serving");
      return;
    }
    if (outcome.reason !== lastLogged) logNotServing(url, outcome);
    retryInBackground(url, outcome, outcome.reason);
  };
  // migrateOnce reports failures in its result; it does not reject.
  const timer = setTimeout(() => void retry(), RETRY_MS[state.status]);
  timer.unref();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
