// One-time sign-in links: instead of an initial password, an admin hands a new user (or one who
// forgot their password) a link they open to choose their own password, which signs them in. The
// token is random (256 bits) and only its sha256 is kept; a link works once, within 72 h, and a new
// link for the same user ends the older ones. There is no mail server: the admin sees the link once
// and passes it on.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { hashPassword, passwordProblem } from "@/lib/auth/passwords";
import { isUuid } from "@/lib/auth/api-tokens";
import { newSecretToken, sha256Hex } from "@/lib/auth/session-token";

export const SIGN_IN_LINK_HOURS = 72;
export const signInLinkPath = (token: string) => `/sign-in/link/${token}`;

export type NewSignInLink = { path: string; expiresAt: string };

/** A new link for a current, enabled user (null when there is none); the user's older links stop working. */
export async function createSignInLink(userId: string): Promise<NewSignInLink | null> {
  if (!isUuid(userId)) return null;
  const token = newSecretToken();
  const client = await db().pool.connect();
  try {
    await client.query("BEGIN");
    const user = await client.query(`SELECT 1 FROM users WHERE id = $1 AND removed_at IS NULL AND disabled_at IS NULL FOR UPDATE`, [userId]);
    if (!user.rowCount) {
      await client.query("ROLLBACK");
      return null;
    }
    await client.query(`UPDATE sign_in_links SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
    const { rows } = await client.query<{ expires_at: Date }>(
      `INSERT INTO sign_in_links (id, user_id, token_sha256, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4)) RETURNING expires_at`,
      [randomUUID(), userId, sha256Hex(token), SIGN_IN_LINK_HOURS],
    );
    await client.query("COMMIT");
    return { path: signInLinkPath(token), expiresAt: rows[0]!.expires_at.toISOString() };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export type LinkState = { ok: true; name: string; email: string } | { ok: false; reason: "used" | "expired" | "unknown" };

const wellFormed = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

/** Whether the link can still be used, and whose it is (for the page that opens it). */
export async function signInLinkState(token: string): Promise<LinkState> {
  if (!wellFormed(token)) return { ok: false, reason: "unknown" };
  const { rows } = await db().pool.query<{ name: string; email: string; used: boolean; expired: boolean; gone: boolean }>(
    `SELECT u.name, u.email, l.used_at IS NOT NULL AS used, l.expires_at <= now() AS expired, (u.removed_at IS NOT NULL OR u.disabled_at IS NOT NULL) AS gone
       FROM sign_in_links l JOIN users u ON u.id = l.user_id WHERE l.token_sha256 = $1`,
    [sha256Hex(token)],
  );
  const row = rows[0];
  if (!row || row.gone) return { ok: false, reason: "unknown" };
  if (row.used) return { ok: false, reason: "used" };
  if (row.expired) return { ok: false, reason: "expired" };
  return { ok: true, name: row.name, email: row.email };
}

export type UseLinkResult = { ok: true; userId: string } | { ok: false; problem: "link" | "password" | "confirm"; message: string };

/**
 * Uses the link: sets the password the person chose, marks the link used (in one transaction, so a
 * link opened twice at once works once) and ends the user's other sessions. The caller signs them in.
 */
export async function useSignInLink(token: string, password: string, confirm: string): Promise<UseLinkResult> {
  const problem = passwordProblem(password);
  if (problem) return { ok: false, problem: "password", message: problem };
  if (password !== confirm) return { ok: false, problem: "confirm", message: "the two passwords are not the same" };
  if (!wellFormed(token)) return { ok: false, problem: "link", message: "this link is not valid" };
  const hash = await hashPassword(password);
  const client = await db().pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ user_id: string }>(
      `UPDATE sign_in_links l SET used_at = now() FROM users u
        WHERE l.token_sha256 = $1 AND l.used_at IS NULL AND l.expires_at > now()
          AND u.id = l.user_id AND u.removed_at IS NULL AND u.disabled_at IS NULL
        RETURNING l.user_id`,
      [sha256Hex(token)],
    );
    const userId = rows[0]?.user_id;
    if (!userId) {
      await client.query("ROLLBACK");
      return { ok: false, problem: "link", message: "this link no longer works" };
    }
    await client.query(`UPDATE users SET password_hash = $2, must_change_password = false WHERE id = $1`, [userId, hash]);
    await client.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
    await client.query("COMMIT");
    return { ok: true, userId };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
