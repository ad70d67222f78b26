// Who the request's sender is, from the session cookie: one answer for pages and route handlers alike.
import { dashboardPassword } from "./auth-settings";
import { sessionTokenFromCookieHeader } from "./session-cookie";
import { findSession, type SignedIn } from "./sessions";

export async function sessionFromCookie(cookieHeader: string | null): Promise<SignedIn | null> {
  if (!dashboardPassword()) return null;
  return findSession(sessionTokenFromCookieHeader(cookieHeader));
}
