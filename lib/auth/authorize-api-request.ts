// For route handlers that read or change data, as the first line:
// `const viewer = await authorizeApiRequest(request); if (viewer instanceof Response) return viewer;`
// (`authorizeApiRequest(request, "member")` where the route changes something). Accepts the dashboard session cookie (the browser)
// or `Authorization: Bearer <API_TOKEN>` (scripts). Answers 401 JSON otherwise — and, to a caller
// who may read, 503 while the database schema is not up to date (a failed migration,
// lib/db/schema-state.ts), rather than reading an old schema as if it were current.
import { apiError } from "@/lib/http/api-error";
import { sameSecret } from "@/lib/security/same-secret";
import { apiToken, apisNeedAuth } from "./auth-settings";
import { hasValidSession } from "./viewer-session";
import { schemaState } from "@/lib/db/schema-state";
import { BOOTSTRAP_ADMIN, hasRole, type Role, type Viewer } from "./viewer";

export async function authorizeApiRequest(request: Request, needed: Role = "viewer"): Promise<Viewer | Response> {
  const allowed =
    !apisNeedAuth() || hasValidSession(request.headers.get("cookie")) || hasValidApiToken(request.headers.get("authorization"));
  if (!allowed) return apiError(401, "unauthorized", "sign in at /sign-in, or send Authorization: Bearer <API_TOKEN>");
  const viewer = BOOTSTRAP_ADMIN;
  if (!hasRole(viewer, needed)) return apiError(403, "forbidden", `this needs the ${needed} role; you are ${viewer.role}`);
  const schema = schemaState();
  if (schema.status !== "ready") {
    return apiError(503, "database_unavailable", `the database schema is not up to date: ${schema.reason}`, { retryable: true });
  }
  return viewer;
}

function hasValidApiToken(authorization: string | null): boolean {
  const token = apiToken();
  const presented = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (!token || !presented) return false;
  return sameSecret(presented, token);
}
