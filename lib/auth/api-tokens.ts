// API tokens that belong to a user and act with their role. The token is shown once, when made;
// only its sha256 is stored. `cb_` marks it as Callboard's (for secret scanners and for people).
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { newSecretToken, sha256Hex } from "./session-token";
import type { SignedIn } from "./sessions";
import type { Role } from "./viewer";

const TOKEN_PREFIX = "cb_";
const TOUCH_AFTER_MS = 60 * 1000;
export const MAX_TOKEN_NAME = 100;

export type ApiTokenInfo = { id: string; userId: string; name: string; createdAt: string; lastUsedAt: string | null };

export async function createApiToken(userId: string, name: string): Promise<{ token: string; info: ApiTokenInfo }> {
  const token = TOKEN_PREFIX + newSecretToken();
  const { rows } = await db().pool.query<TokenRow>(
    `INSERT INTO api_tokens (id, user_id, name, token_sha256) VALUES ($1, $2, $3, $4) RETURNING ${TOKEN_COLUMNS}`,
    [randomUUID(), userId, name, sha256Hex(token)],
  );
  return { token, info: toInfo(rows[0]!) };
}

type TokenRow = { id: string; user_id: string; name: string; created_at: Date; last_used_at: Date | null };
const TOKEN_COLUMNS = "id, user_id, name, created_at, last_used_at";
const toInfo = (row: TokenRow): ApiTokenInfo => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  createdAt: row.created_at.toISOString(),
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
});

/** The live tokens of every current user, oldest first. */
export async function listApiTokens(): Promise<ApiTokenInfo[]> {
  const { rows } = await db().pool.query<TokenRow>(
    `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE revoked_at IS NULL ORDER BY created_at, id`,
  );
  return rows.map(toInfo);
}

/** Revokes a live token (of that user, when `userId` is given). */
export async function revokeApiToken(id: string, userId?: string): Promise<boolean> {
  if (!isUuid(id) || (userId !== undefined && !isUuid(userId))) return false;
  const result = await db().pool.query(
    `UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR user_id = $2::uuid)`,
    [id, userId ?? null],
  );
  return (result.rowCount ?? 0) > 0;
}

type LookupRow = { id: string; user_id: string; name: string; role: Role; last_used_at: Date | null };

/** The user a bearer token acts as, or null for no live token of a current user. */
export async function findApiToken(token: string): Promise<SignedIn | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const { rows } = await db().pool.query<LookupRow>(
    `SELECT t.id, t.user_id, u.name, u.role, t.last_used_at
       FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_sha256 = $1 AND t.revoked_at IS NULL AND u.removed_at IS NULL AND u.disabled_at IS NULL`,
    [sha256Hex(token)],
  );
  const row = rows[0];
  if (!row) return null;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > TOUCH_AFTER_MS) {
    db().pool.query(`UPDATE api_tokens SET last_used_at = now() WHERE id = $1`, [row.id]).catch(() => {});
  }
  return { viewer: { userId: row.user_id, name: row.name, role: row.role }, mustChangePassword: false };
}

export const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
