// Sessions are rows: signing out, "sign out everywhere", removing a user and changing a role take
// effect on the next request. Each request costs one primary-key lookup (joined to its user by
// primary key); last_seen_at is written at most every few minutes.
import { db } from "@/lib/db/client";
import { sessionKey } from "./auth-settings";
import { keyFingerprint, newSecretToken, SESSION_MAX_AGE_SECONDS, sha256Hex } from "./session-token";
import { BOOTSTRAP_ADMIN, type Role, type Viewer } from "./viewer";

const TOUCH_AFTER_MS = 5 * 60 * 1000;

/** Who a session or token belongs to, and whether they must choose a new password first. */
export type SignedIn = { viewer: Viewer; mustChangePassword: boolean };

/** A new session for the user (null: the bootstrap admin); returns the cookie's token. */
export async function createSession(userId: string | null): Promise<string> {
  const token = newSecretToken();
  // Sessions that can no longer sign anyone in go when a new one is made (a small table, rarely written).
  await db().pool.query(`DELETE FROM sessions WHERE expires_at < now() OR revoked_at < now() - interval '1 day'`);
  await db().pool.query(
    `INSERT INTO sessions (id, user_id, key_fingerprint, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
    [sha256Hex(token), userId, keyFingerprint(sessionKey()), SESSION_MAX_AGE_SECONDS],
  );
  return token;
}

type SessionRow = { user_id: string | null; name: string | null; role: Role | null; must_change_password: boolean | null; last_seen_at: Date };

export async function findSession(token: string | null): Promise<SignedIn | null> {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const id = sha256Hex(token);
  const { rows } = await db().pool.query<SessionRow>(
    `SELECT s.user_id, u.name, u.role, u.must_change_password, s.last_seen_at
       FROM sessions s LEFT JOIN users u ON u.id = s.user_id
      WHERE s.id = $1 AND s.key_fingerprint = $2 AND s.revoked_at IS NULL AND s.expires_at > now()
        AND (s.user_id IS NULL OR (u.removed_at IS NULL AND u.disabled_at IS NULL))`,
    [id, keyFingerprint(sessionKey())],
  );
  const row = rows[0];
  if (!row) return null;
  if (Date.now() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
    // Not awaited: a lost update of a "last seen" time must not slow or fail the request.
    db().pool.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1`, [id]).catch(() => {});
  }
  if (row.user_id === null) return { viewer: BOOTSTRAP_ADMIN, mustChangePassword: false };
  return { viewer: { userId: row.user_id, name: row.name!, role: row.role! }, mustChangePassword: row.must_change_password === true };
}

export async function revokeSession(token: string | null): Promise<void> {
  if (!token) return;
  await db().pool.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [sha256Hex(token)]);
}

/** Ends every session of the user (null: every bootstrap-admin session); returns how many. */
export async function revokeAllSessions(userId: string | null): Promise<number> {
  const result = await db().pool.query(
    `UPDATE sessions SET revoked_at = now() WHERE user_id IS NOT DISTINCT FROM $1 AND revoked_at IS NULL AND expires_at > now()`,
    [userId],
  );
  return result.rowCount ?? 0;
}
