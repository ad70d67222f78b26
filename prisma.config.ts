import { defineConfig } from "prisma/config";

// The app applies migrations itself (lib/db/migrate.ts); this file serves `prisma generate`
// and, on a machine with Prisma's engines, `prisma migrate status` against the same folder.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
