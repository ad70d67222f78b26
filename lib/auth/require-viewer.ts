// For server components (pages, layouts with data, server actions): call `const viewer = await
// requireViewer()` first (or `requireViewer("member")` where the page acts). Anonymous visitors are
// redirected to /sign-in and come back afterwards; a viewer whose role is too low gets a 403 page. The check is here,
// next to the data, not only in proxy.ts: a proxy-only check can be bypassed (CVE-2025-29927).
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { pagesNeedSignIn } from "./auth-settings";
import { signInPath } from "./return-to";
import { hasValidSession } from "./viewer-session";
import { REQUEST_PATH_HEADER } from "./request-path-header";
import { BOOTSTRAP_ADMIN, hasRole, type Role, type Viewer } from "./viewer";

export async function requireViewer(needed: Role = "viewer"): Promise<Viewer> {
  const requestHeaders = await headers();
  const viewer = !pagesNeedSignIn() ? BOOTSTRAP_ADMIN : hasValidSession(requestHeaders.get("cookie")) ? BOOTSTRAP_ADMIN : null;
  if (!viewer) redirect(signInPath(requestHeaders.get(REQUEST_PATH_HEADER) ?? "/"));
  if (!hasRole(viewer, needed)) forbidden();
  return viewer;
}

/** For pages that render differently for signed-in viewers (the sign-in page itself). */
export async function isSignedIn(): Promise<boolean> {
  const requestHeaders = await headers();
  return !pagesNeedSignIn() || hasValidSession(requestHeaders.get("cookie"));
}
