// The webhook's checks in the order a request meets them, each refusal recorded for the operator:
// auth (401), content type (415), size (413), content encoding (415, 400, 413 decoded), JSON (400),
// call id (422); then one transaction.
import { apiError } from "@/lib/http/api-error";
import { readLimitedBody, MAX_BODY_BYTES } from "@/lib/http/read-limited-body";
import { decodeContentEncoding, unsupportedEncoding } from "@/lib/http/decode-content-encoding";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { SchemaNotReadyError } from "@/lib/db/schema-state";
import { ingestDelivery, ServerBusyError } from "./ingest-delivery";
import { bodyReservation, MAX_READING_BYTES, reserveBodyBytes } from "./body-budget";
import { recordRejection } from "./rejections";
import { isAuthorizedWebhook } from "./webhook-auth";

const JSON_TYPES = /^(application\/(.+\+)?json|text\/json)$/i;

export async function acceptVoxiaWebhook(request: Request): Promise<Response> {
  const contentType = request.headers.get("content-type");

  if (!isAuthorizedWebhook(request)) {
    await request.body?.cancel().catch(() => {});
    return refuse(401, "unauthorized", "missing or wrong webhook token: add ?token=<WEBHOOK_SECRET> to the URL in Voxia", contentType);
  }

  // A missing content type is accepted: the body decides. Anything else must say JSON.
  const mediaType = contentType?.split(";")[0]?.trim();
  if (mediaType && !JSON_TYPES.test(mediaType)) {
    await request.body?.cancel().catch(() => {});
    return refuse(415, "unsupported_media_type", `Content-Type must be application/json, not ${mediaType}`, contentType);
  }

  // An encoding this server cannot decode is refused before reading a byte of the body.
  const contentEncoding = request.headers.get("content-encoding");
  const unsupported = unsupportedEncoding(contentEncoding);
  if (unsupported) {
    await request.body?.cancel().catch(() => {});
    return refuse(415, "unsupported_content_encoding", `Content-Encoding "${unsupported.slice(0, 40)}" is not supported: send the body uncompressed, or with gzip or deflate`, contentType);
  }

  // Bodies being read and decoded count against a budget of their own: many slow or parallel uploads
  // cannot grow the server's memory before ingestion's own bound (MAX_PENDING_BYTES) sees them.
  const release = reserveBodyBytes(bodyReservation(request.headers.get("content-length"), contentEncoding));
  if (!release) {
    await request.body?.cancel().catch(() => {});
    return serverBusy(`more than ${MAX_READING_BYTES / 1024 / 1024} MiB of request bodies are being read`);
  }
  try {
    return await readAndIngest(request, contentType, contentEncoding);
  } finally {
    release();
  }
}

async function readAndIngest(request: Request, contentType: string | null, contentEncoding: string | null): Promise<Response> {
  const received = await readLimitedBody(request);
  if (!received.ok) {
    return refuse(413, "payload_too_large", `the body is larger than ${MAX_BODY_BYTES} bytes (1 MiB)`, contentType, {
      bodyBytes: received.receivedBytes || undefined,
    });
  }
  // The decoded bytes are what is stored and merged (and what `npm run reprocess` reads again).
  const decoded = await decodeContentEncoding(received.bytes, contentEncoding, MAX_BODY_BYTES);
  if (!decoded.ok) {
    if (decoded.problem === "too_large") {
      return refuse(413, "payload_too_large", `the body decoded from ${decoded.encoding} is larger than ${MAX_BODY_BYTES} bytes (1 MiB)`, contentType, {
        bodyBytes: received.bytes.byteLength,
      });
    }
    if (decoded.problem === "corrupt") {
      return refuse(400, "invalid_content_encoding", `the body is not valid ${decoded.encoding} data, as its Content-Encoding says (${decoded.message})`, contentType, {
        bodyBytes: received.bytes.byteLength,
      });
    }
    return refuse(415, "unsupported_content_encoding", `Content-Encoding "${decoded.encoding}" is not supported`, contentType);
  }
  const body = { bytes: decoded.bytes };

  let outcome;
  try {
    outcome = await ingestDelivery({ body: body.bytes, contentType });
  } catch (error) {
    if (error instanceof ServerBusyError) return serverBusy(error.message);
    if (isDatabaseUnavailable(error)) {
      console.error(`[webhook] database unavailable, answered 503: ${(error as Error).message.split("\n")[0]}`);
      const problem = error instanceof SchemaNotReadyError ? error.message : "the database is unavailable";
      return apiError(503, "database_unavailable", `${problem}; nothing was stored, send the delivery again`, {
        retryable: true,
      });
    }
    throw error;
  }

  switch (outcome.kind) {
    case "stored":
      // no-transform: Next.js would otherwise gzip every few-byte acknowledgement (measured: 6 % of
      // the server's CPU under a webhook burst).
      return Response.json(
        { ok: true, callId: outcome.callId, duplicate: outcome.duplicate },
        { status: 200, headers: { "Cache-Control": "no-store, no-transform" } },
      );
    case "invalid_json":
      // The parser's message quotes the body where parsing stopped: fine for the sender, not for the log or the stored record.
      return refuse(400, outcome.code, `the body is not valid JSON: ${outcome.message}`, contentType, {
        body: body.bytes,
        quietMessage: `the body is not valid JSON (line ${outcome.line}, column ${outcome.column})`,
      });
    case "call_too_large":
      // The log line leaves the call id out: it is the sender's data.
      return refuse(413, "call_too_large", outcome.message, contentType, {
        quietMessage: `a call's merged state would exceed ${outcome.limitBytes} bytes`,
        extra: { limitBytes: outcome.limitBytes },
      });
    case "unusable_payload":
      return refuse(422, "unusable_payload", outcome.message, contentType, { body: body.bytes, extra: { field: outcome.field } });
  }
}

async function refuse(
  status: number,
  code: Parameters<typeof apiError>[1],
  message: string,
  contentType: string | null,
  details: { body?: Uint8Array; bodyBytes?: number; extra?: Record<string, unknown>; quietMessage?: string } = {},
): Promise<Response> {
  const { extra, ...kept } = details;
  await recordRejection({ httpStatus: status, code, message, contentType, ...kept });
  return apiError(status, code, message, extra);
}

function serverBusy(reason: string): Response {
  console.warn(`[webhook] answered 503 server_busy: ${reason}`);
  const busy = apiError(503, "server_busy", `${reason}; nothing was stored, send the delivery again in a moment`, { retryable: true });
  busy.headers.set("Retry-After", "1");
  return busy;
}
