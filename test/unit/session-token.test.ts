import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { keyFingerprint, newSecretToken, sha256Hex } from "../../lib/auth/session-token.ts";
import { sessionKey } from "../../lib/auth/auth-settings.ts";

const saved = { ...process.env };
afterEach(() => {
  for (const name of ["SESSION_SECRET", "DASHBOARD_PASSWORD"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

test("changing the dashboard password (with no SESSION_SECRET) changes the fingerprint sessions are tied to", () => {
  delete process.env.SESSION_SECRET;
  process.env.DASHBOARD_PASSWORD = "first password";
  const first = keyFingerprint(sessionKey());
  assert.equal(keyFingerprint(sessionKey()), first);
  process.env.DASHBOARD_PASSWORD = "second password";
  assert.notEqual(keyFingerprint(sessionKey()), first);
});

test("with SESSION_SECRET, the fingerprint survives a password change and changes with the secret", () => {
  process.env.SESSION_SECRET = "secret one";
  process.env.DASHBOARD_PASSWORD = "first password";
  const first = keyFingerprint(sessionKey());
  process.env.DASHBOARD_PASSWORD = "second password";
  assert.equal(keyFingerprint(sessionKey()), first);
  process.env.SESSION_SECRET = "secret two";
  assert.notEqual(keyFingerprint(sessionKey()), first);
});

test("tokens are random and only their hash is kept", () => {
  const a = newSecretToken();
  const b = newSecretToken();
  assert.notEqual(a, b);
  assert.match(a, /^[A-Za-z0-9_-]{43}$/);
  assert.match(sha256Hex(a), /^[0-9a-f]{64}$/);
  assert.ok(!sha256Hex(a).includes(a));
});
