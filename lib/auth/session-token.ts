// A session is a signed, expiring statement "signed in at T": `v1.<issuedAt>.<expiresAt>.<hmac>`.
// Nothing is stored server-side, so any number of app instances accept each other's sessions.
import { createHmac } from "node:crypto";
import { sameSecret } from "@/lib/security/same-secret";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function createSessionToken(key: Buffer, now = Date.now()): string {
  const issuedAt = Math.floor(now / 1000);
  const payload = `v1.${issuedAt}.${issuedAt + SESSION_MAX_AGE_SECONDS}`;
  return `${payload}.${sign(key, payload)}`;
}

export function isValidSessionToken(key: Buffer, token: string | null | undefined, now = Date.now()): boolean {
  if (!token) return false;
  const match = /^(v1\.(\d{1,12})\.(\d{1,12}))\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return false;
  const [, payload, , expiresAt, signature] = match;
  if (!sameSecret(signature!, sign(key, payload!))) return false;
  return Number(expiresAt) * 1000 > now;
}

function sign(key: Buffer, payload: string): string {
  return createHmac("sha256", key).update(payload).digest("base64url");
}
