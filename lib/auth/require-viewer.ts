// For server components (pages, layouts with data, server actions): call `const viewer = await
// requireViewer()` first (or `requireViewer("member")` where the page acts). Anonymous visitors are
// redirected to /sign-in and come back afterwards; a user who must still choose a new password is
// sent to /account first; a viewer whose role is too low gets a 403 page. The check is here,
// next to the data, not only in proxy.ts: a proxy-only check can be bypassed (CVE-2025-29927).
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { pagesNeedSignIn } from "./auth-settings";
import { signInPath } from "./return-to";
import { sessionFromCookie } from "./viewer-session";
import { REQUEST_PATH_HEADER } from "./request-path-header";
import type { SignedIn } from "./sessions";
import { schemaState } from "@/lib/db/schema-state";
import { BOOTSTRAP_ADMIN, hasRole, type Role, type Viewer } from "./viewer";

export const ACCOUNT_PATH = "/account";

/** The signed-in session of this request (looked up once per render), or null; the open dashboard's admin without a password. */
export const currentSession = cache(async (): Promise<SignedIn | null> => {
  if (!pagesNeedSignIn()) return { viewer: BOOTSTRAP_ADMIN, mustChangePassword: false };
  // Sessions live in the database; while its schema is not ready the layout shows why instead.
  if (schemaState().status !== "ready") return null;
  return sessionFromCookie((await headers()).get("cookie"));
});

export async function requireViewer(needed: Role = "viewer"): Promise<Viewer> {
  const requestHeaders = await headers();
  const path = requestHeaders.get(REQUEST_PATH_HEADER) ?? "/";
  const session = await currentSession();
  if (!session) redirect(signInPath(path));
  if (session.mustChangePassword) redirect(ACCOUNT_PATH);
  if (!hasRole(session.viewer, needed)) forbidden();
  return session.viewer;
}

/** For pages that render differently for signed-in viewers (the sign-in page itself). */
export async function isSignedIn(): Promise<boolean> {
  return (await currentSession()) !== null;
}
