// A database of the test's own. With DATABASE_URL (CI, or a developer's Postgres server) it is a fresh
// database created on that server and dropped afterwards; without it, a fresh in-memory embedded
// database (PGlite) in its own process. Either way: real Postgres wire protocol, nothing shared.
import pg from "pg";
import { randomBytes } from "node:crypto";
import { migrateDatabase } from "../../lib/db/migrate.ts";
import { startEmbeddedDb, type EmbeddedDb } from "../../tools/launch/start-embedded-db.ts";
import { assertLocalDatabase } from "./assert-local-database.ts";
import { freePort } from "./free-port.ts";

export type TestDatabase = {
  url: string;
  embedded: boolean;
  /** The embedded database's process, for tests that stop and start it. */
  embeddedDb?: EmbeddedDb;
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
};

export async function createTestDatabase(label: string, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const server = process.env.DATABASE_URL;
  let url: string;
  let cleanup: () => Promise<void>;
  let embeddedDb: EmbeddedDb | undefined;
  if (server) {
    assertLocalDatabase(server);
    const name = `callboard_test_${label.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const parsed = new URL(server);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    cleanup = async () => {
      const admin2 = new pg.Client({ connectionString: server });
      await admin2.connect();
      await admin2.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin2.end();
    };
  } else {
    embeddedDb = await startEmbeddedDb({ port: await freePort(), memory: true });
    url = embeddedDb.url;
    cleanup = () => embeddedDb!.stop();
  }
  if (options.migrate !== false) await migrateDatabase(url);

  // One short-lived connection per query: the embedded database takes one connection at a time.
  const query = async <T extends pg.QueryResultRow>(sql: string, params?: unknown[]) => {
    const client = await connectWhenFree(url, !server);
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  return { url, embedded: !server, embeddedDb, query, drop: cleanup };
}

// The embedded database counts a closed connection as gone only a moment after the client has
// finished closing it, and turns away a new one meanwhile ("Too many connections", or a reset).
export async function connectWhenFree(url: string, embedded: boolean): Promise<pg.Client> {
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => {});
      const busy = /Too many connections|ECONNRESET|Connection terminated/i.test(String((error as Error).message ?? error));
      if (!embedded || !busy || attempt >= 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
