// The browser tests' server (e2e/serve.ts) drops leftover databases before it creates its own: the
// local-database guard must refuse a remote server before anything is dropped there, not after.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";

test("e2e/serve.ts against a database server that is not this machine refuses before touching it", () => {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: "postgresql://postgres@db.example.invalid:5432/postgres", E2E_PORT: "3299" };
  delete env.CALLBOARD_ALLOW_REMOTE_TEST_DB;
  const result = spawnSync(process.execPath, ["--import", "tsx", "e2e/serve.ts"], { env, encoding: "utf8", timeout: 60_000 });
  assert.notEqual(result.status, 0, "the server must not start");
  // Refused by the guard, not failed on the way to the server (which would mean it tried to connect).
  assert.match(result.stderr, /refusing to run destructive test setup against db\.example\.invalid/);
  assert.doesNotMatch(result.stderr, /ENOTFOUND|ECONNREFUSED|getaddrinfo/);
});
