import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl, poolSize } from "./database-url";

type Db = { pool: pg.Pool; prisma: PrismaClient };

// One pool per process, kept across dev-server hot reloads.
const globalForDb = globalThis as unknown as { callboardDb?: Db };

function createDb(): Db {
  const pool = new pg.Pool({
    connectionString: databaseUrl(),
    max: poolSize(),
    // Fail fast while the database is down so the webhook can answer 503 instead of hanging;
    // new connections are tried on the next request, so the app recovers without a restart.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection dropped by the server must not crash the process.
  pool.on("error", (error) => console.error(`[db] idle connection lost: ${error.message}`));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { pool, prisma };
}

export function db(): Db {
  globalForDb.callboardDb ??= createDb();
  return globalForDb.callboardDb;
}

export function prisma(): PrismaClient {
  return db().prisma;
}
