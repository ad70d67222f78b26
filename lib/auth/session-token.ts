// A session cookie carries a random token; the database keeps only its sha256 (lib/auth/sessions.ts),
// so the sessions table signs no one in. Each session also records the fingerprint of the session
// key (SESSION_SECRET, or else derived from DASHBOARD_PASSWORD): changing either ends every session.
import { createHash, createHmac, randomBytes } from "node:crypto";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** 32 random bytes, base64url: the cookie's value, or (prefixed) an API token. */
export function newSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Names the session key without revealing it; "" on an open dashboard with no SESSION_SECRET. */
export function keyFingerprint(key: Buffer | null): string {
  return key ? createHmac("sha256", key).update("callboard-session-fingerprint").digest("hex").slice(0, 32) : "";
}
