// Whether this server's database schema is the one its code was built for. Set at start-up by
// lib/db/prepare-database.ts; until the migrations have applied, the app refuses to serve: health
// answers 503 with the reason, the webhook 503 (storing nothing into an old schema), pages a notice.
// Scripts that never run the start-up (reprocess, seed) migrate themselves and see "ready".
export type SchemaState =
  | { status: "ready" }
  | { status: "pending"; reason: string }
  | { status: "migration_failed"; reason: string };

// Kept on globalThis: instrumentation.ts and the route handlers are bundled apart but share it.
const globalForSchema = globalThis as unknown as { callboardSchemaState?: SchemaState };

export function schemaState(): SchemaState {
  return globalForSchema.callboardSchemaState ?? { status: "ready" };
}

export function setSchemaState(state: SchemaState): void {
  globalForSchema.callboardSchemaState = state;
}

/** Thrown by writers while the schema is not up to date; a connection-class code, so it answers 503. */
export class SchemaNotReadyError extends Error {
  readonly code = "57P03";
  constructor(readonly reason: string) {
    super(`the database schema is not up to date: ${reason}`);
  }
}

export function assertSchemaReady(): void {
  const state = schemaState();
  if (state.status !== "ready") throw new SchemaNotReadyError(state.reason);
}
