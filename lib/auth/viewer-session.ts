// Is the request's sender signed in? One answer for pages and route handlers alike.
import { dashboardPassword, sessionKey } from "./auth-settings";
import { sessionTokenFromCookieHeader } from "./session-cookie";
import { isValidSessionToken } from "./session-token";

export function hasValidSession(cookieHeader: string | null): boolean {
  const key = sessionKey();
  if (!key || !dashboardPassword()) return false;
  return isValidSessionToken(key, sessionTokenFromCookieHeader(cookieHeader));
}
