// PATCH /api/users/{id} {"role","name"} – change a user's role (effective on their next request) or
// name; {"disabled": true|false} – disable a user (no sign-in, sessions end, API tokens 401) or re-enable them (admin); {"password"} – a new initial password they must replace, ending their sessions (admin); DELETE /api/users/{id} – remove a user, ending their sessions and API tokens (admin)
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { removeUser, resetPassword, setUserDisabled, updateUser } from "@/lib/users/users";
import { apiError } from "@/lib/http/api-error";
import { userProblemResponse } from "@/lib/users/user-response";
import { readJsonObject } from "@/lib/http/read-json-object";

export const dynamic = "force-dynamic";

export async function PATCH(request: Request, { params }: RouteContext<"/api/users/[id]">): Promise<Response> {
  const viewer = await authorizeApiRequest(request, "admin");
  if (viewer instanceof Response) return viewer;
  const body = await readJsonObject(request, `{"role":"viewer"}`);
  if (body instanceof Response) return body;
  const id = (await params).id;
  if (body.password !== undefined) {
    if (body.role !== undefined || body.name !== undefined) return apiError(400, "invalid_request", `send "password" alone`, { field: "password" });
    const reset = await resetPassword(id, body.password);
    return reset.ok ? Response.json(reset.value) : userProblemResponse(reset.problem);
  }
  if (body.disabled !== undefined) {
    if (typeof body.disabled !== "boolean") return apiError(400, "invalid_request", `"disabled" must be true or false`, { field: "disabled" });
    if (Object.keys(body).length > 1) return apiError(400, "invalid_request", `send "disabled" alone`, { field: "disabled" });
    const changed = await setUserDisabled(id, body.disabled, viewer.userId);
    return changed.ok ? Response.json(changed.value) : userProblemResponse(changed.problem);
  }
  const updated = await updateUser(id, body, viewer.userId);
  return updated.ok ? Response.json(updated.value) : userProblemResponse(updated.problem);
}

export async function DELETE(request: Request, { params }: RouteContext<"/api/users/[id]">): Promise<Response> {
  const viewer = await authorizeApiRequest(request, "admin");
  if (viewer instanceof Response) return viewer;
  const removed = await removeUser((await params).id, viewer.userId);
  return removed.ok ? new Response(null, { status: 204 }) : userProblemResponse(removed.problem);
}
