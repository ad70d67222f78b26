// Signing out revokes the session row, so a copied cookie stops working too; "everywhere" revokes
// every session of the same person (for the bootstrap admin: every DASHBOARD_PASSWORD session).
import { sessionTokenFromCookieHeader } from "./session-cookie";
import { revokeAllSessions, revokeSession } from "./sessions";
import { sessionFromCookie } from "./viewer-session";

/** Returns how many sessions ended. */
export async function signOut(cookieHeader: string | null, { everywhere }: { everywhere: boolean }): Promise<number> {
  const token = sessionTokenFromCookieHeader(cookieHeader);
  if (!token) return 0;
  if (everywhere) {
    const session = await sessionFromCookie(cookieHeader);
    if (session) return revokeAllSessions(session.viewer.userId);
  }
  await revokeSession(token);
  return 1;
}
