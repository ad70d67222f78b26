// Where the app's database is. scripts/run-app.ts (and scripts/reprocess.ts) set DATABASE_URL to the embedded database
// when the operator gives none, so by the time the app runs there is always one.
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start Callboard with `npm run dev` or `npm start`, which run an embedded " +
        "database when no DATABASE_URL is given, or set DATABASE_URL=postgresql://user@host:5432/db.",
    );
  }
  return url;
}

/** Whether the app runs on the embedded database (PGlite), which `npm run dev`/`start` set up. */
export function isEmbeddedDatabase(): boolean {
  return process.env.CALLBOARD_EMBEDDED_DB === "1";
}

// The embedded database (PGlite) serves one connection at a time; a server takes a real pool.
export function poolSize(): number {
  const configured = Number(process.env.DATABASE_POOL_MAX);
  if (Number.isInteger(configured) && configured > 0) return configured;
  return isEmbeddedDatabase() ? 1 : 10;
}

/** The URL without its password, for log lines. */
export function redactedDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
