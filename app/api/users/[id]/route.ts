// PATCH /api/users/{id} {"role","name"} – change a user's role (effective on their next request) or
// name (admin); DELETE /api/users/{id} – remove a user, ending their sessions and API tokens (admin)
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { removeUser, updateUser } from "@/lib/users/users";
import { userProblemResponse } from "@/lib/users/user-response";
import { readJsonObject } from "@/lib/http/read-json-object";

export const dynamic = "force-dynamic";

export async function PATCH(request: Request, { params }: RouteContext<"/api/users/[id]">): Promise<Response> {
  const viewer = await authorizeApiRequest(request, "admin");
  if (viewer instanceof Response) return viewer;
  const body = await readJsonObject(request, `{"role":"viewer"}`);
  if (body instanceof Response) return body;
  const updated = await updateUser((await params).id, body, viewer.userId);
  return updated.ok ? Response.json(updated.value) : userProblemResponse(updated.problem);
}

export async function DELETE(request: Request, { params }: RouteContext<"/api/users/[id]">): Promise<Response> {
  const viewer = await authorizeApiRequest(request, "admin");
  if (viewer instanceof Response) return viewer;
  const removed = await removeUser((await params).id, viewer.userId);
  return removed.ok ? new Response(null, { status: 204 }) : userProblemResponse(removed.problem);
}
