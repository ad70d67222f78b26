// Voxia lets a user type only a URL, so the shared secret travels as `?token=`; scripts and proxies
// may send `Authorization: Bearer` instead. Compared in constant time; never logged.
import { createHash, timingSafeEqual } from "node:crypto";

export function webhookSecret(): string | null {
  return process.env.WEBHOOK_SECRET || null;
}

export function presentedToken(request: Request): string | null {
  const fromQuery = new URL(request.url).searchParams.get("token");
  if (fromQuery) return fromQuery;
  const header = request.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(.+)$/i);
  return match?.[1]?.trim() || null;
}

export function isAuthorizedWebhook(request: Request, secret = webhookSecret()): boolean {
  if (!secret) return true;
  const token = presentedToken(request);
  if (!token) return false;
  // Hashing first gives equal lengths, so timingSafeEqual compares without leaking the length.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(token), digest(secret));
}
