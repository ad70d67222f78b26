// Who may read the dashboard, from the environment. Read on every request (not cached at import)
// so a test or an operator restarting with new values sees them at once.
import { createHmac } from "node:crypto";

/** The dashboard password; when unset the dashboard is open (development, or a private network). */
export function dashboardPassword(): string | null {
  return process.env.DASHBOARD_PASSWORD || null;
}

/** A token scripts send as `Authorization: Bearer …` to the read APIs. */
export function apiToken(): string | null {
  return process.env.API_TOKEN || null;
}

/** Pages need a session when a password is set. */
export function pagesNeedSignIn(): boolean {
  return dashboardPassword() !== null;
}

/** Read APIs need a session or the API token when either credential is configured. */
export function apisNeedAuth(): boolean {
  return dashboardPassword() !== null || apiToken() !== null;
}

/**
 * The key sessions are signed with: SESSION_SECRET, or else derived from the password, so that
 * changing the password invalidates every session signed under the old one.
 */
export function sessionKey(): Buffer | null {
  const secret = process.env.SESSION_SECRET;
  if (secret) return createHmac("sha256", "callboard-session-secret").update(secret).digest();
  const password = dashboardPassword();
  if (!password) return null;
  return createHmac("sha256", "callboard-session-from-password").update(password).digest();
}
