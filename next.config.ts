import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, HSTS, STATIC_SECURITY_HEADERS } from "./lib/security/content-security-policy";

const nextConfig: NextConfig = {
  // Webhook URLs carry the secret as ?token=; the dev server must not print them.
  logging: { incomingRequests: { ignore: [/\/api\/webhooks\//] } },
  poweredByHeader: false,
  // `npm run dev` opened as http://127.0.0.1:3000 (not localhost): Next blocks its dev resources
  // (scripts, hot reload) for any other origin, and the page stayed without its charts or live updates.
  allowedDevOrigins: ["127.0.0.1"],
  typedRoutes: false,
  // forbidden() from next/navigation: a signed-in viewer whose role does not allow a page gets app/forbidden.tsx.
  experimental: { authInterrupts: true },
  // Pages get their per-request CSP (with a nonce) and HSTS from proxy.ts; everything gets these.
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [{ key: "Strict-Transport-Security", value: HSTS }] },
    ];
  },
};

export default nextConfig;
