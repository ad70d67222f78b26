// Every error the API returns has one shape: {"error":{"code","message"}}.
export type ApiErrorCode =
  | "unauthorized"
  | "forbidden"
  | "unsupported_media_type"
  | "unsupported_content_encoding"
  | "invalid_content_encoding"
  | "payload_too_large"
  | "invalid_json"
  | "too_deeply_nested"
  | "unusable_payload"
  | "call_too_large"
  | "server_busy"
  | "invalid_query"
  | "invalid_request"
  | "conflict"
  | "not_found"
  | "database_unavailable"
  | "too_many_attempts";

export function apiError(status: number, code: ApiErrorCode, message: string, extra?: Record<string, unknown>): Response {
  return Response.json({ error: { code, message, ...extra } }, { status, headers: { "Cache-Control": "no-store" } });
}
