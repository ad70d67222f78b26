// PATCH /api/views/{id} {"name"} – rename a saved view; DELETE /api/views/{id} – delete it
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { deleteView, renameView } from "@/lib/views/saved-views";
import { viewProblemResponse } from "@/lib/views/view-response";
import { readJsonObject } from "@/lib/http/read-json-object";

export const dynamic = "force-dynamic";

export async function PATCH(request: Request, { params }: RouteContext<"/api/views/[id]">): Promise<Response> {
  const viewer = await authorizeApiRequest(request, "member");
  if (viewer instanceof Response) return viewer;
  const body = await readJsonObject(request, `{"name":"Hot leads"}`);
  if (body instanceof Response) return body;
  const renamed = await renameView((await params).id, body);
  return renamed.ok ? Response.json(renamed.value) : viewProblemResponse(renamed.problem);
}

export async function DELETE(request: Request, { params }: RouteContext<"/api/views/[id]">): Promise<Response> {
  const viewer = await authorizeApiRequest(request, "member");
  if (viewer instanceof Response) return viewer;
  const deleted = await deleteView((await params).id);
  return deleted.ok ? new Response(null, { status: 204 }) : viewProblemResponse(deleted.problem);
}
