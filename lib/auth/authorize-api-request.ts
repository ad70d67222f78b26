// For route handlers that read or change data, as the first line:
// `const viewer = await authorizeApiRequest(request); if (viewer instanceof Response) return viewer;`
// (`authorizeApiRequest(request, "member")` where the route changes something). Accepts the session
// cookie (the browser), `Authorization: Bearer <API_TOKEN>` (the bootstrap admin's token) or a
// user's own API token (acting with that user's role). Answers 401 JSON otherwise, 403 to a role too
// low — and, to a caller who may read, 503 while the database schema is not up to date (a failed
// migration, lib/db/schema-state.ts), rather than reading an old schema as if it were current.
import { apiError } from "@/lib/http/api-error";
import { sameSecret } from "@/lib/security/same-secret";
import { apiToken, apisNeedAuth } from "./auth-settings";
import { findApiToken } from "./api-tokens";
import { sessionFromCookie } from "./viewer-session";
import type { SignedIn } from "./sessions";
import { schemaState } from "@/lib/db/schema-state";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { BOOTSTRAP_ADMIN, hasRole, type Role, type Viewer } from "./viewer";

export async function authorizeApiRequest(request: Request, needed: Role = "viewer"): Promise<Viewer | Response> {
  const schema = schemaState();
  if (schema.status !== "ready") {
    // Sessions and users' tokens live in the database, so only API_TOKEN can be recognised now; the
    // reason is told to those who may read.
    const mayRead = !apisNeedAuth() || hasValidApiToken(request.headers.get("authorization"));
    return apiError(503, "database_unavailable", mayRead ? `the database schema is not up to date: ${schema.reason}` : "the database is not ready", {
      retryable: true,
    });
  }
  let found: SignedIn | null;
  try {
    found = await whoIsAsking(request);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return apiError(503, "database_unavailable", "the database cannot be reached; try again shortly", { retryable: true });
    throw error;
  }
  const signedIn = found ?? (apisNeedAuth() ? null : { viewer: BOOTSTRAP_ADMIN, mustChangePassword: false });
  if (!signedIn) return apiError(401, "unauthorized", "sign in at /sign-in, or send Authorization: Bearer <token>");
  if (signedIn.mustChangePassword) return apiError(403, "forbidden", "choose a new password at /account first");
  const viewer = signedIn.viewer;
  if (!hasRole(viewer, needed)) return apiError(403, "forbidden", `this needs the ${needed} role; you are ${viewer.role}`);
  return viewer;
}

async function whoIsAsking(request: Request): Promise<SignedIn | null> {
  const authorization = request.headers.get("authorization");
  if (hasValidApiToken(authorization)) return { viewer: BOOTSTRAP_ADMIN, mustChangePassword: false };
  const presented = bearer(authorization);
  if (presented) return findApiToken(presented);
  return sessionFromCookie(request.headers.get("cookie"));
}

const bearer = (authorization: string | null) => authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() || null;

function hasValidApiToken(authorization: string | null): boolean {
  const token = apiToken();
  const presented = bearer(authorization);
  if (!token || !presented) return false;
  return sameSecret(presented, token);
}
