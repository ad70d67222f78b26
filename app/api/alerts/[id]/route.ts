// POST /api/alerts/{id} {"state":"acknowledged"|"resolved"} – a person takes an alert on or closes it
// (members and admins); who and when are recorded.
import { apiError } from "@/lib/http/api-error";
import { readJsonObject } from "@/lib/http/read-json-object";
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { updateAlertState } from "@/lib/alerts/list-alerts";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: RouteContext<"/api/alerts/[id]">): Promise<Response> {
  const viewer = await authorizeApiRequest(request, "member");
  if (viewer instanceof Response) return viewer;
  const body = await readJsonObject(request, `{"state":"acknowledged"}`);
  if (body instanceof Response) return body;
  if (body.state !== "acknowledged" && body.state !== "resolved") {
    return apiError(400, "invalid_request", `state must be "acknowledged" or "resolved"`, { field: "state" });
  }
  const { id } = await context.params;
  const result = await updateAlertState(id, body.state, viewer);
  if (result.ok) return Response.json(result.alert);
  return apiError(result.status, result.status === 404 ? "not_found" : "conflict", result.message);
}
