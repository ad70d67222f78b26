import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { createSessionToken, isValidSessionToken, SESSION_MAX_AGE_SECONDS } from "../../lib/auth/session-token.ts";
import { sessionKey } from "../../lib/auth/auth-settings.ts";

const saved = { ...process.env };
afterEach(() => {
  for (const name of ["SESSION_SECRET", "DASHBOARD_PASSWORD"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

test("changing the dashboard password (with no SESSION_SECRET) ends every session", () => {
  delete process.env.SESSION_SECRET;
  process.env.DASHBOARD_PASSWORD = "first password";
  const token = createSessionToken(sessionKey()!);
  assert.ok(isValidSessionToken(sessionKey()!, token));
  process.env.DASHBOARD_PASSWORD = "second password";
  assert.ok(!isValidSessionToken(sessionKey()!, token));
});

test("with SESSION_SECRET, sessions survive a password change and end when the secret changes", () => {
  process.env.SESSION_SECRET = "secret one";
  process.env.DASHBOARD_PASSWORD = "first password";
  const token = createSessionToken(sessionKey()!);
  process.env.DASHBOARD_PASSWORD = "second password";
  assert.ok(isValidSessionToken(sessionKey()!, token));
  process.env.SESSION_SECRET = "secret two";
  assert.ok(!isValidSessionToken(sessionKey()!, token));
});

test("a session expires after its maximum age", () => {
  const key = Buffer.alloc(32, 7);
  const issued = Date.UTC(2026, 0, 1);
  const token = createSessionToken(key, issued);
  assert.ok(isValidSessionToken(key, token, issued + (SESSION_MAX_AGE_SECONDS - 1) * 1000));
  assert.ok(!isValidSessionToken(key, token, issued + SESSION_MAX_AGE_SECONDS * 1000));
});
