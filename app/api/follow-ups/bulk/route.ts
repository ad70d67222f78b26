// POST /api/follow-ups/bulk {"items":[{"id","version"}…],"state","outcome","note","snoozeUntil"} – one
// change to several items at once (members and admins). Items changed since their version was read
// are left alone and listed in `conflicts`.
import { apiError } from "@/lib/http/api-error";
import { readJsonObject } from "@/lib/http/read-json-object";
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { readFollowUpChange, updateFollowUps } from "@/lib/follow-ups/update-follow-up";

export const dynamic = "force-dynamic";

const MAX_ITEMS = 500;

export async function POST(request: Request): Promise<Response> {
  const viewer = await authorizeApiRequest(request, "member");
  if (viewer instanceof Response) return viewer;
  const body = await readJsonObject(request, `{"items":[{"id":"12","version":1}],"state":"done","outcome":"no_answer"}`);
  if (body instanceof Response) return body;
  const items: unknown = body.items;
  const isItem = (i: unknown): i is { id: string; version: number } =>
    typeof i === "object" && i !== null && typeof (i as { id?: unknown }).id === "string" && Number.isInteger((i as { version?: unknown }).version);
  if (!Array.isArray(items) || items.length === 0 || items.length > MAX_ITEMS || !items.every(isItem)) {
    return apiError(400, "invalid_request", `"items" must list 1 to ${MAX_ITEMS} items as {"id":"12","version":1}`, { field: "items" });
  }
  const change = readFollowUpChange({ ...body, version: 1 });
  if ("field" in change) return apiError(400, "invalid_request", change.message, { field: change.field });
  const result = await updateFollowUps(items, change, viewer);
  return Response.json(result);
}
