// POST /api/follow-ups/bulk {"items":[{"id","version"}…],"state","outcome","note","snoozeUntil"} – one
// change to several items at once (members and admins). Items changed since their version was read
// are left alone and listed in `conflicts`.
import { apiError } from "@/lib/http/api-error";
import { readJsonObject } from "@/lib/http/read-json-object";
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { readBulkItems, readFollowUpChange, updateFollowUps } from "@/lib/follow-ups/update-follow-up";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const viewer = await authorizeApiRequest(request, "member");
  if (viewer instanceof Response) return viewer;
  const body = await readJsonObject(request, `{"items":[{"id":"12","version":1}],"state":"done","outcome":"no_answer"}`);
  if (body instanceof Response) return body;
  const items = readBulkItems(body.items);
  if ("field" in items) return apiError(400, "invalid_request", items.message, { field: items.field });
  const change = readFollowUpChange({ ...body, version: 1 });
  if ("field" in change) return apiError(400, "invalid_request", change.message, { field: change.field });
  const result = await updateFollowUps(items, change, viewer);
  return Response.json(result);
}
