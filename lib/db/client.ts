import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl, isEmbeddedDatabase, poolSize } from "./database-url";
import { keepConnectionOnSqlError } from "./keep-connection-on-sql-error";

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
    // Dashboard queries are short: JIT compilation cost more than it saved (+94 ms on a 79 ms
    // key-question query at 1M calls), and on SSD storage index lookups are nearly as cheap as
    // sequential reads, which lets the planner join call_answers by its primary key instead of
    // scanning it (747 ms → 79 ms). The embedded database takes no startup options.
    ...(isEmbeddedDatabase() ? {} : { options: "-c jit=off -c random_page_cost=1.1" }),
  });
  // An idle connection dropped by the server must not crash the process.
  pool.on("error", (error) => console.error(`[db] idle connection lost: ${error.message}`));
  keepConnectionOnSqlError(pool);
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
