// Slows password guessing: a client (by IP) gets FREE_FAILURES wrong passwords, then must wait
// 1 s, 2 s, 4 s … (at most 15 min) before each further try, answered 429 with Retry-After.
// A global ceiling (GLOBAL_MAX_FAILURES a minute, the row "*") caps guesses from clients that rotate
// addresses. Kept in Postgres (sign_in_attempts), so every app instance counts the same failures
// and a restart forgets nothing; times are the database's clock, the same for every instance.
//
// Per account too, whatever the address (guessing one person's password from many addresses):
// ACCOUNT_MAX_FAILURES wrong passwords for one email within ACCOUNT_WINDOW_SECONDS (counted from the
// window's first failure) refuse that email until the window ends, then counting starts again. A
// fixed window, not a growing lock, so someone else's failures keep the real person out for at most
// the window. The row's key is "account:" and the sha256 of the lower-cased email (no email is
// stored); unknown emails count the same, so a lockout tells nobody which accounts exist.
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";

const FREE_FAILURES = 5;
const MAX_LOCK_SECONDS = 15 * 60;
const FORGET_AFTER = "15 minutes";
const GLOBAL_WINDOW_SECONDS = 60;
const GLOBAL_MAX_FAILURES = 100;
const GLOBAL_KEY = "*";
const ACCOUNT_MAX_FAILURES = 10;
const ACCOUNT_WINDOW_SECONDS = 15 * 60;

/** The throttle's key for an email (any case, any surrounding spaces). */
export const accountKey = (email: string) => `account:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;

/** Seconds until the account's window of too many failures ends, or 0 when it may be tried now. */
export async function secondsUntilAccountAllowed(email: string): Promise<number> {
  const { rows } = await db().pool.query<{ wait: string | null }>(
    `SELECT ceil(extract(epoch FROM window_started_at + make_interval(secs => $2) - now()))::text AS wait
       FROM sign_in_attempts WHERE client_key = $1 AND failures >= $3`,
    [accountKey(email), ACCOUNT_WINDOW_SECONDS, ACCOUNT_MAX_FAILURES],
  );
  return Math.max(0, Number(rows[0]?.wait ?? 0));
}

/** Counts a wrong password for the account (its window restarts once the last one is over). */
export async function recordFailedAccountSignIn(email: string): Promise<void> {
  const over = `a.window_started_at < now() - make_interval(secs => ${ACCOUNT_WINDOW_SECONDS})`;
  await db().pool.query(
    `INSERT INTO sign_in_attempts AS a (client_key, failures, window_started_at, last_failure_at)
     VALUES ($1, 1, now(), now())
     ON CONFLICT (client_key) DO UPDATE SET
       failures = CASE WHEN ${over} THEN 1 ELSE a.failures + 1 END,
       window_started_at = CASE WHEN ${over} THEN now() ELSE a.window_started_at END,
       last_failure_at = now()`,
    [accountKey(email)],
  );
}

/**
 * The client's address: the rightmost X-Forwarded-For entry is the one the nearest proxy (or
 * Next.js itself, from the socket) wrote; entries to its left are whatever the client claimed.
 */
export function clientKey(headers: { get(name: string): string | null }): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim().slice(0, 100);
  return last && last !== GLOBAL_KEY ? last : "unknown";
}

/** Seconds the client must still wait, or 0 when it may try now. */
export async function secondsUntilAllowed(client: string): Promise<number> {
  const { rows } = await db().pool.query<{ wait: string | null }>(
    `SELECT ceil(greatest(
        max(extract(epoch FROM locked_until - now())) FILTER (WHERE client_key = $1),
        max(extract(epoch FROM window_started_at + make_interval(secs => $3) - now())) FILTER (WHERE client_key = $2 AND failures >= $4)
      ))::text AS wait
       FROM sign_in_attempts WHERE client_key IN ($1, $2)`,
    [client, GLOBAL_KEY, GLOBAL_WINDOW_SECONDS, GLOBAL_MAX_FAILURES],
  );
  return Math.max(0, Number(rows[0]?.wait ?? 0));
}

/** Counts a wrong password for the client and for everyone, in one statement. */
export async function recordFailedSignIn(client: string): Promise<void> {
  // A client's count restarts after FORGET_AFTER without failures; the global one every window.
  const restarts = `CASE WHEN a.client_key = '${GLOBAL_KEY}' THEN a.window_started_at < now() - make_interval(secs => ${GLOBAL_WINDOW_SECONDS})
                         ELSE a.last_failure_at < now() - interval '${FORGET_AFTER}' END`;
  const failures = `CASE WHEN ${restarts} THEN 1 ELSE a.failures + 1 END`;
  await db().pool.query(
    `INSERT INTO sign_in_attempts AS a (client_key, failures, window_started_at, last_failure_at)
     VALUES ($1, 1, now(), now()), ($2, 1, now(), now())
     ON CONFLICT (client_key) DO UPDATE SET
       failures = ${failures},
       window_started_at = CASE WHEN ${restarts} THEN now() ELSE a.window_started_at END,
       last_failure_at = now(),
       locked_until = CASE WHEN a.client_key <> '${GLOBAL_KEY}' AND ${failures} >= ${FREE_FAILURES}
                           THEN now() + make_interval(secs => least(${MAX_LOCK_SECONDS}, power(2, ${failures} - ${FREE_FAILURES})))
                           ELSE NULL END`,
    [client, GLOBAL_KEY],
  );
  // Clients that stopped failing long ago are forgotten (indexed on last_failure_at).
  await db().pool.query(`DELETE FROM sign_in_attempts WHERE last_failure_at < now() - interval '${FORGET_AFTER}' AND client_key <> $1`, [GLOBAL_KEY]);
}

export async function recordSuccessfulSignIn(client: string): Promise<void> {
  await db().pool.query(`DELETE FROM sign_in_attempts WHERE client_key = $1`, [client]);
}
