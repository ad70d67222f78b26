// POST /api/follow-ups/{id} {"state","outcome","note","snoozeUntil","version"} – mark an item done,
// snoozed or open again (members and admins). 409 with the item as it is now when it changed since
// `version` was read.
import { apiError } from "@/lib/http/api-error";
import { readJsonObject } from "@/lib/http/read-json-object";
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { readFollowUpChange, updateFollowUp } from "@/lib/follow-ups/update-follow-up";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: RouteContext<"/api/follow-ups/[id]">): Promise<Response> {
  const viewer = await authorizeApiRequest(request, "member");
  if (viewer instanceof Response) return viewer;
  const body = await readJsonObject(request, `{"state":"done","outcome":"reached","note":"…","version":3}`);
  if (body instanceof Response) return body;
  const change = readFollowUpChange(body);
  if ("field" in change) return apiError(400, "invalid_request", change.message, { field: change.field });
  const { id } = await context.params;
  const result = await updateFollowUp(id, change, viewer);
  if (result.ok) return Response.json(result.followUp);
  if (result.status === 404) return apiError(404, "not_found", `no follow-up item with id "${id}"`);
  return apiError(409, "conflict", `the item changed since version ${change.version} was read (now version ${result.followUp.version}, ${result.followUp.state}): nothing was written`, { current: result.followUp });
}
