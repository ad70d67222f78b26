// The session cookie: HttpOnly, SameSite=Lax, Path=/; over HTTPS also Secure with the `__Host-`
// prefix (the browser then refuses it from plain HTTP or a sibling subdomain).
import { SESSION_MAX_AGE_SECONDS } from "./session-token";

const PLAIN_NAME = "callboard_session";
const HOST_NAME = "__Host-callboard_session";

type HeaderSource = { get(name: string): string | null };

/**
 * HTTPS as the browser sees it: a TLS-terminating proxy says so in X-Forwarded-Proto (its first
 * value is the client's side); otherwise the URL's own protocol.
 */
export function isHttpsRequest(headers: HeaderSource, url?: string): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === "https";
  return url ? url.startsWith("https:") : false;
}

function sessionCookieName(https: boolean): string {
  return https ? HOST_NAME : PLAIN_NAME;
}

/** The session token from a Cookie header, whichever of the two names carries it. */
export function sessionTokenFromCookieHeader(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    if (name === HOST_NAME || name === PLAIN_NAME) return part.slice(index + 1).trim();
  }
  return null;
}

export function sessionCookieHeader(token: string, https: boolean): string {
  return [`${sessionCookieName(https)}=${token}`, "Path=/", `Max-Age=${SESSION_MAX_AGE_SECONDS}`, "HttpOnly", "SameSite=Lax", ...(https ? ["Secure"] : [])].join("; ");
}

export function clearedSessionCookieHeaders(https: boolean): string[] {
  const names = https ? [HOST_NAME, PLAIN_NAME] : [PLAIN_NAME];
  return names.map((name) => [`${name}=`, "Path=/", "Max-Age=0", "HttpOnly", "SameSite=Lax", ...(name === HOST_NAME || https ? ["Secure"] : [])].join("; "));
}
