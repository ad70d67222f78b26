// For route handlers that read or change data: `const denied = authorizeApiRequest(request);
// if (denied) return denied;` as the first line. Accepts the dashboard session cookie (the browser)
// or `Authorization: Bearer <API_TOKEN>` (scripts). Answers 401 JSON otherwise.
import { apiError } from "@/lib/http/api-error";
import { sameSecret } from "@/lib/security/same-secret";
import { apiToken, apisNeedAuth } from "./auth-settings";
import { hasValidSession } from "./viewer-session";

export function authorizeApiRequest(request: Request): Response | null {
  if (!apisNeedAuth()) return null;
  if (hasValidSession(request.headers.get("cookie"))) return null;
  if (hasValidApiToken(request.headers.get("authorization"))) return null;
  return apiError(401, "unauthorized", "sign in at /sign-in, or send Authorization: Bearer <API_TOKEN>");
}

function hasValidApiToken(authorization: string | null): boolean {
  const token = apiToken();
  const presented = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (!token || !presented) return false;
  return sameSecret(presented, token);
}
