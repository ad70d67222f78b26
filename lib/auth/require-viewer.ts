// For server components (pages, layouts with data, server actions): call `await requireViewer()`
// first. Anonymous visitors are redirected to /sign-in and come back afterwards. The check is here,
// next to the data, not only in proxy.ts: a proxy-only check can be bypassed (CVE-2025-29927).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { pagesNeedSignIn } from "./auth-settings";
import { signInPath } from "./return-to";
import { hasValidSession } from "./viewer-session";
import { REQUEST_PATH_HEADER } from "./request-path-header";

export async function requireViewer(): Promise<void> {
  const requestHeaders = await headers();
  if (!pagesNeedSignIn()) return;
  if (hasValidSession(requestHeaders.get("cookie"))) return;
  redirect(signInPath(requestHeaders.get(REQUEST_PATH_HEADER) ?? "/"));
}

/** For pages that render differently for signed-in viewers (the sign-in page itself). */
export async function isSignedIn(): Promise<boolean> {
  const requestHeaders = await headers();
  return !pagesNeedSignIn() || hasValidSession(requestHeaders.get("cookie"));
}
