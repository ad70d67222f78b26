// `limit` and `cursor` of the keyset-paged read APIs, checked the same way everywhere.
import { apiError } from "./api-error";

export function readPageParams<C>(
  params: URLSearchParams,
  { defaultLimit, maxLimit, decode }: { defaultLimit: number; maxLimit: number; decode: (cursor: string) => C | null },
): { limit: number; cursor: C | null } | Response {
  const limitParam = params.get("limit");
  const limit = limitParam === null ? defaultLimit : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    return apiError(400, "invalid_query", `"limit" must be a whole number from 1 to ${maxLimit}`, { param: "limit" });
  }
  const cursorParam = params.get("cursor");
  const cursor = cursorParam ? decode(cursorParam) : null;
  if (cursorParam && !cursor) return apiError(400, "invalid_query", `"cursor" is not one this API returned`, { param: "cursor" });
  return { limit, cursor };
}
