// Requests the webhook refused: counted per code and the newest kept, so an operator can see a
// misconfigured sender on the Connect page. Best effort: a refused request must never fail twice.
import { prisma } from "@/lib/db/client";
import { webhookSecrets } from "./webhook-auth";

export const KEPT_REJECTIONS = 100;
const EXCERPT_BYTES = 2048;

export type Rejection = {
  httpStatus: number;
  code: string;
  message: string;
  /**
   * The message without quotes from the body, when `message` has them (a body may hold phone numbers or
   * secrets): it goes to the log and the stored record, which keeps the body's stripped excerpt anyway.
   */
  quietMessage?: string;
  contentType: string | null;
  body?: Uint8Array;
  bodyBytes?: number;
};

export async function recordRejection(rejection: Rejection): Promise<void> {
  console.warn(`[webhook] refused ${rejection.httpStatus} ${rejection.code}: ${rejection.quietMessage ?? rejection.message}`);
  try {
    const now = new Date();
    await prisma().$transaction([
      prisma().rejectedRequest.create({
        data: {
          httpStatus: rejection.httpStatus,
          code: rejection.code,
          message: stripSecrets(rejection.quietMessage ?? rejection.message).slice(0, 1000),
          contentType: rejection.contentType?.slice(0, 200) ?? null,
          bodyExcerpt: rejection.body ? bodyExcerpt(rejection.body) : null,
          bodyBytes: rejection.bodyBytes ?? rejection.body?.byteLength ?? null,
          receivedAt: now,
        },
      }),
      prisma().$executeRaw`
        INSERT INTO rejection_counts (code, count, last_at) VALUES (${rejection.code}, 1, ${now})
        ON CONFLICT (code) DO UPDATE SET count = rejection_counts.count + 1, last_at = EXCLUDED.last_at`,
    ]);
    await prisma().$executeRaw`
      DELETE FROM rejected_requests
      WHERE id <= (SELECT id FROM rejected_requests ORDER BY id DESC OFFSET ${KEPT_REJECTIONS} LIMIT 1)`;
  } catch (error) {
    console.warn(`[webhook] could not record the refused request: ${(error as Error).message}`);
  }
}

/** The start of the body as text, with anything that looks like a credential removed. */
export function bodyExcerpt(body: Uint8Array): string {
  let text = new TextDecoder().decode(body.subarray(0, EXCERPT_BYTES)).replaceAll("\u0000", "\uFFFD");
  if (body.byteLength > EXCERPT_BYTES) text += "…";
  return stripSecrets(text);
}

export function stripSecrets(text: string): string {
  let cleaned = text;
  for (const secret of webhookSecrets()) cleaned = cleaned.replaceAll(secret, "[removed]");
  cleaned = cleaned.replace(
    /((?:token|secret|password|api[_-]?key|authorization|accountSid)["']?\s*[:=]\s*["']?)(?:Bearer\s+)?[^"'&\s,}]+/gi,
    "$1[removed]",
  );
  return cleaned;
}
