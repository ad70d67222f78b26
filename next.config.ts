import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Webhook URLs carry the secret as ?token=; the dev server must not print them.
  logging: { incomingRequests: { ignore: [/\/api\/webhooks\//] } },
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
