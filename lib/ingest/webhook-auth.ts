// Voxia lets a user type only a URL, so the shared secret travels as `?token=`; scripts and proxies
// may send `Authorization: Bearer` instead. Compared in constant time; never logged.
import { sameSecret } from "@/lib/security/same-secret";

/**
 * Every accepted secret. WEBHOOK_SECRET may list several, comma-separated, so a token can be
 * rotated without losing deliveries: add the new one first, change Voxia's URL, drop the old one.
 */
export function webhookSecrets(): string[] {
  return (process.env.WEBHOOK_SECRET ?? "")
    .split(",")
    .map((secret) => secret.trim())
    .filter((secret) => secret.length > 0);
}

/** The current secret (the first listed), the one to put in Voxia's URL. */
export function webhookSecret(): string | null {
  return webhookSecrets()[0] ?? null;
}

export function presentedToken(request: Request): string | null {
  const fromQuery = new URL(request.url).searchParams.get("token");
  if (fromQuery) return fromQuery;
  const header = request.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(.+)$/i);
  return match?.[1]?.trim() || null;
}

export function isAuthorizedWebhook(request: Request, secrets = webhookSecrets()): boolean {
  if (secrets.length === 0) return true;
  const token = presentedToken(request);
  if (!token) return false;
  // Every secret is compared, so the time does not say which one matched.
  return secrets.map((secret) => sameSecret(token, secret)).includes(true);
}
