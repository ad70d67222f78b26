// The URL to paste into Voxia, as this server is reached by the person looking at the page: behind a
// proxy the X-Forwarded-* headers name the public origin. Voxia takes only a URL, so the secret
// rides along as ?token= (lib/ingest/webhook-auth.ts accepts it there).
const WEBHOOK_PATH = "/api/webhooks/voxia";

export function requestOrigin(headers: Headers): string {
  const first = (name: string) => headers.get(name)?.split(",")[0]?.trim() || null;
  const host = first("x-forwarded-host") ?? first("host") ?? "localhost:3000";
  const forwardedProto = first("x-forwarded-proto")?.toLowerCase();
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : "http";
  return `${proto}://${host}`;
}

export function webhookUrlFor(origin: string, secret: string | null): string {
  return `${origin}${WEBHOOK_PATH}${secret ? `?token=${encodeURIComponent(secret)}` : ""}`;
}
