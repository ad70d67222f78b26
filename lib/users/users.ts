// The people who sign in: an admin adds them with an initial password they must change at first
// sign-in, changes their role, removes them. A removed user keeps their row (their name stays on
// what they did) and loses every session and API token at once.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { db } from "@/lib/db/client";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/passwords";
import { isUuid } from "@/lib/auth/api-tokens";
import { newSecretToken, sha256Hex } from "@/lib/auth/session-token";
import type { Role } from "@/lib/auth/viewer";

export const ROLES: readonly Role[] = ["admin", "member", "viewer"];
const MAX_NAME = 100;
const MAX_EMAIL = 254;

export type UserInfo = { id: string; name: string; email: string; role: Role; mustChangePassword: boolean; disabled: boolean; createdAt: string };
export type UserProblem = { status: 400 | 404 | 409; field: string; message: string };
type Result<T> = { ok: true; value: T } | { ok: false; problem: UserProblem };

type Row = { id: string; name: string; email: string; role: Role; must_change_password: boolean; disabled_at: Date | null; created_at: Date };
const COLUMNS = "id, name, email, role, must_change_password, disabled_at, created_at";
const toUser = (row: Row): UserInfo => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: row.role,
  mustChangePassword: row.must_change_password,
  disabled: row.disabled_at !== null,
  createdAt: row.created_at.toISOString(),
});

const fail = (status: UserProblem["status"], field: string, message: string): { ok: false; problem: UserProblem } => ({
  ok: false,
  problem: { status, field, message },
});
const noUser = (id: string) => fail(404, "id", `no user ${id}`);
const isDuplicate = (error: unknown) => (error as { code?: string }).code === "23505";

function checkName(name: unknown): Result<string> {
  if (typeof name !== "string" || !name.trim()) return fail(400, "name", `"name" must be a non-empty string`);
  if (name.trim().length > MAX_NAME) return fail(400, "name", `"name" must be at most ${MAX_NAME} characters`);
  return { ok: true, value: name.trim() };
}

function checkEmail(email: unknown): Result<string> {
  const trimmed = typeof email === "string" ? email.trim() : "";
  if (!/^[^\s@]+@[^\s@]+$/.test(trimmed) || trimmed.length > MAX_EMAIL) return fail(400, "email", `"email" must be an email address`);
  return { ok: true, value: trimmed };
}

function checkRole(role: unknown): Result<Role> {
  if (!ROLES.includes(role as Role)) return fail(400, "role", `"role" must be one of ${ROLES.join(", ")}`);
  return { ok: true, value: role as Role };
}

export async function listUsers(): Promise<UserInfo[]> {
  const { rows } = await db().pool.query<Row>(`SELECT ${COLUMNS} FROM users WHERE removed_at IS NULL ORDER BY lower(name), id`);
  return rows.map(toUser);
}

export async function getUser(id: string): Promise<UserInfo | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db().pool.query<Row>(`SELECT ${COLUMNS} FROM users WHERE id = $1 AND removed_at IS NULL`, [id]);
  return rows[0] ? toUser(rows[0]) : null;
}

/**
 * Adds a user with an initial password, or (`signInLink: true`, no password) with a password nobody
 * knows, to be chosen through a one-time sign-in link (lib/users/sign-in-links.ts).
 */
export async function createUser(input: { name?: unknown; email?: unknown; role?: unknown; password?: unknown; signInLink?: unknown }): Promise<Result<UserInfo>> {
  const name = checkName(input.name);
  if (!name.ok) return name;
  const email = checkEmail(input.email);
  if (!email.ok) return email;
  const role = checkRole(input.role);
  if (!role.ok) return role;
  if (input.signInLink !== undefined && typeof input.signInLink !== "boolean") return fail(400, "signInLink", `"signInLink" must be true or false`);
  const byLink = input.signInLink === true;
  if (byLink && input.password !== undefined) return fail(400, "password", `send "password" or "signInLink": true, not both`);
  const problem = byLink ? null : passwordProblem(input.password);
  if (problem) return fail(400, "password", `"password": ${problem}`);
  const hash = await hashPassword(byLink ? newSecretToken() : (input.password as string));
  try {
    const { rows } = await db().pool.query<Row>(
      `INSERT INTO users (id, name, email, role, password_hash, must_change_password) VALUES ($1, $2, $3, $4, $5, true) RETURNING ${COLUMNS}`,
      [randomUUID(), name.value, email.value, role.value, hash],
    );
    return { ok: true, value: toUser(rows[0]!) };
  } catch (error) {
    if (isDuplicate(error)) return fail(409, "email", `a user with the email ${email.value} already exists`);
    throw error;
  }
}

/** Changes a user's role and/or name; a new role applies to their very next request. */
export async function updateUser(id: string, input: { name?: unknown; role?: unknown }, actingUserId: string | null): Promise<Result<UserInfo>> {
  if (input.name === undefined && input.role === undefined) return fail(400, "role", `send "role", "name" or "password"`);
  if (id === actingUserId && input.role !== undefined && input.role !== "admin") return fail(400, "role", "you cannot take the admin role from yourself; ask another admin");
  const name = input.name === undefined ? null : checkName(input.name);
  if (name && !name.ok) return name;
  const role = input.role === undefined ? null : checkRole(input.role);
  if (role && !role.ok) return role;
  if (!isUuid(id)) return noUser(id);
  return withUserLock(async (sql) => {
    if (role && role.value !== "admin" && (await isLastActiveAdmin(sql, id))) return lastAdmin("take the admin role from");
    const { rows } = await sql.query<Row>(
      `UPDATE users SET name = coalesce($2, name), role = coalesce($3, role) WHERE id = $1 AND removed_at IS NULL RETURNING ${COLUMNS}`,
      [id, name?.value ?? null, role?.value ?? null],
    );
    return rows[0] ? { ok: true, value: toUser(rows[0]) } : noUser(id);
  });
}

type Sql = Pick<pg.PoolClient, "query">;

/**
 * Runs `work` in a transaction holding a lock that every change of who is an active admin takes, so
 * two admins disabling each other at once cannot leave none.
 */
async function withUserLock<T>(work: (sql: Sql) => Promise<Result<T>>): Promise<Result<T>> {
  const client = await db().pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('callboard.users.admins'))`);
    const result = await work(client);
    await client.query(result.ok ? "COMMIT" : "ROLLBACK");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** The user is an active admin and no other user is (then the dashboard would have no admin left). */
async function isLastActiveAdmin(sql: Sql, id: string): Promise<boolean> {
  const { rows } = await sql.query<{ last: boolean }>(
    `SELECT bool_and(id = $1) AND bool_or(id = $1) AS last FROM users WHERE role = 'admin' AND removed_at IS NULL AND disabled_at IS NULL`,
    [id],
  );
  return rows[0]?.last === true;
}

const lastAdmin = (what: string) => fail(409, "id", `you cannot ${what} the last active admin; make another user admin first`);

/**
 * Disables (or re-enables) a user: while disabled they cannot sign in, and their sessions end now
 * and their API tokens answer 401 (the tokens work again when re-enabled; the sessions do not).
 */
export async function setUserDisabled(id: string, disabled: boolean, actingUserId: string | null): Promise<Result<UserInfo>> {
  if (disabled && id === actingUserId) return fail(400, "id", "you cannot disable yourself; ask another admin");
  if (!isUuid(id)) return noUser(id);
  return withUserLock(async (sql) => {
    if (disabled && (await isLastActiveAdmin(sql, id))) return lastAdmin("disable");
    const { rows } = await sql.query<Row>(
      `UPDATE users SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) END WHERE id = $1 AND removed_at IS NULL RETURNING ${COLUMNS}`,
      [id, disabled],
    );
    if (!rows[0]) return noUser(id);
    if (disabled) await sql.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
    return { ok: true, value: toUser(rows[0]) };
  });
}

/**
 * An admin gives a user a new initial password (they forgot theirs): the user must replace it at
 * their next sign-in, and their sessions end now.
 */
export async function resetPassword(id: string, password: unknown): Promise<Result<UserInfo>> {
  const problem = passwordProblem(password);
  if (problem) return fail(400, "password", `"password": ${problem}`);
  if (!isUuid(id)) return noUser(id);
  const hash = await hashPassword(password as string);
  const { rows } = await db().pool.query<Row>(
    `UPDATE users SET password_hash = $2, must_change_password = true WHERE id = $1 AND removed_at IS NULL RETURNING ${COLUMNS}`,
    [id, hash],
  );
  if (!rows[0]) return noUser(id);
  await db().pool.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
  return { ok: true, value: toUser(rows[0]) };
}

/** Removes a user: they cannot sign in, and their sessions and API tokens end now. */
export async function removeUser(id: string, actingUserId: string | null): Promise<Result<null>> {
  if (id === actingUserId) return fail(400, "id", "you cannot remove yourself; ask another admin");
  if (!isUuid(id)) return noUser(id);
  return withUserLock(async (sql) => {
    if (await isLastActiveAdmin(sql, id)) return lastAdmin("remove");
    const removed = await sql.query(`UPDATE users SET removed_at = now() WHERE id = $1 AND removed_at IS NULL`, [id]);
    if (!removed.rowCount) return noUser(id);
    await sql.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
    await sql.query(`UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
    return { ok: true, value: null };
  });
}

/** The user an email and password sign in, or null (an unknown email costs as long as a wrong password). */
export async function checkUserPassword(email: string, password: string): Promise<{ id: string; mustChangePassword: boolean } | null> {
  const { rows } = await db().pool.query<{ id: string; password_hash: string; must_change_password: boolean }>(
    `SELECT id, password_hash, must_change_password FROM users WHERE lower(email) = lower($1) AND removed_at IS NULL AND disabled_at IS NULL`,
    [email.trim()],
  );
  const row = rows[0];
  if (!(await verifyPassword(password, row?.password_hash ?? null)) || !row) return null;
  return { id: row.id, mustChangePassword: row.must_change_password };
}

/**
 * A user chooses a new password (knowing the current one). Their other sessions end, so a
 * password someone else knew stops working everywhere; `keepSessionToken` stays signed in.
 */
export async function changePassword(userId: string, current: string, next: string, keepSessionToken: string | null): Promise<Result<null>> {
  const problem = passwordProblem(next);
  if (problem) return fail(400, "password", problem);
  const { rows } = await db().pool.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE id = $1 AND removed_at IS NULL`, [userId]);
  if (!rows[0]) return noUser(userId);
  if (!(await verifyPassword(current, rows[0].password_hash))) return fail(400, "currentPassword", "the current password is not right");
  if (await verifyPassword(next, rows[0].password_hash)) return fail(400, "password", "choose a password other than the current one");
  const hash = await hashPassword(next);
  await db().pool.query(`UPDATE users SET password_hash = $2, must_change_password = false WHERE id = $1`, [userId, hash]);
  await db().pool.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2`, [
    userId,
    keepSessionToken ? sha256Hex(keepSessionToken) : null,
  ]);
  return { ok: true, value: null };
}
