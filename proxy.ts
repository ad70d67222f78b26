// Runs before every page: a fresh CSP nonce per response (Next.js reads it from the request's
// Content-Security-Policy header and stamps it on its scripts), HSTS over HTTPS, and the requested
// path for the sign-in redirect's return-to. Access control is NOT here: each page and route
// handler checks it itself (lib/auth), so a proxy bypass (CVE-2025-29927) exposes nothing.
import { NextResponse, type NextRequest } from "next/server";
import { HSTS, pageContentSecurityPolicy } from "@/lib/security/content-security-policy";
import { isHttpsRequest } from "@/lib/auth/session-cookie";
import { REQUEST_PATH_HEADER } from "@/lib/auth/request-path-header";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const https = isHttpsRequest(request.headers, request.url);
  const policy = pageContentSecurityPolicy(nonce, { https, development: process.env.NODE_ENV === "development" });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  requestHeaders.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  // Pages only: API responses get a fixed policy from next.config.ts, and the webhook's body must
  // not pass through the proxy (it would be buffered and size-capped there).
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
