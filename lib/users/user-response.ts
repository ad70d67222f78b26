// The HTTP answers of the users API: a user, or the problem named by its field.
import { apiError } from "@/lib/http/api-error";
import type { UserProblem } from "./users";
import type { NewSignInLink } from "./sign-in-links";

export function userProblemResponse(problem: UserProblem): Response {
  const { status, field, message } = problem;
  const code = status === 404 ? "not_found" : status === 409 ? "conflict" : "invalid_request";
  return apiError(status, code, message, { field });
}

/** A new sign-in link as the API answers it: the full URL (this request's origin) to hand on, once. */
export function signInLinkJson(request: Request, link: NewSignInLink): { url: string; expiresAt: string } {
  return { url: new URL(link.path, publicOrigin(request.headers, request.url)).toString(), expiresAt: link.expiresAt };
}

/** The origin the person reached the app at (behind a proxy: its Host and X-Forwarded-Proto). */
export function publicOrigin(headers: { get(name: string): string | null }, fallbackUrl = "http://localhost"): string {
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!host || !/^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9a-fA-F:]+\](:\d+)?$/.test(host)) return new URL(fallbackUrl).origin;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" || fallbackUrl.startsWith("https:") ? "https" : "http";
  return `${proto}://${host}`;
}
