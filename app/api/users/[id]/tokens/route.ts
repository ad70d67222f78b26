// GET /api/users/{id}/tokens – the user's live API tokens (admin); POST /api/users/{id}/tokens
// {"name"} – make one that acts as the user with their role, returned once as "token" (admin)
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { apiError } from "@/lib/http/api-error";
import { createApiToken, listApiTokens, MAX_TOKEN_NAME } from "@/lib/auth/api-tokens";
import { getUser } from "@/lib/users/users";
import { readJsonObject } from "@/lib/http/read-json-object";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: RouteContext<"/api/users/[id]/tokens">): Promise<Response> {
  const viewer = await authorizeApiRequest(request, "admin");
  if (viewer instanceof Response) return viewer;
  const user = await getUser((await params).id);
  if (!user) return apiError(404, "not_found", "no such user", { field: "id" });
  const tokens = (await listApiTokens()).filter((token) => token.userId === user.id);
  return Response.json({ tokens }, { headers: { "Cache-Control": "no-store" } });
}

export async function POST(request: Request, { params }: RouteContext<"/api/users/[id]/tokens">): Promise<Response> {
  const viewer = await authorizeApiRequest(request, "admin");
  if (viewer instanceof Response) return viewer;
  const body = await readJsonObject(request, `{"name":"crm sync"}`);
  if (body instanceof Response) return body;
  const user = await getUser((await params).id);
  if (!user) return apiError(404, "not_found", "no such user", { field: "id" });
  const name = typeof body.name === "string" ? body.name.trim() : "";
  if (!name || name.length > MAX_TOKEN_NAME) return apiError(400, "invalid_request", `"name" must be a non-empty string of at most ${MAX_TOKEN_NAME} characters`, { field: "name" });
  const { token, info } = await createApiToken(user.id, name);
  return Response.json({ ...info, token }, { status: 201, headers: { "Cache-Control": "no-store" } });
}
