// GET /api/views – the saved views; POST /api/views {"name","query"} – save a calls filter under a name
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { createView, listViews } from "@/lib/views/saved-views";
import { viewProblemResponse } from "@/lib/views/view-response";
import { readJsonObject } from "@/lib/http/read-json-object";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const viewer = await authorizeApiRequest(request);
  if (viewer instanceof Response) return viewer;
  return Response.json({ views: await listViews() }, { headers: { "Cache-Control": "no-store" } });
}

export async function POST(request: Request): Promise<Response> {
  const viewer = await authorizeApiRequest(request, "member");
  if (viewer instanceof Response) return viewer;
  const body = await readJsonObject(request, `{"name":"Hot leads","query":"status=INTERESTED"}`);
  if (body instanceof Response) return body;
  const created = await createView(body);
  if (!created.ok) return viewProblemResponse(created.problem);
  return Response.json(created.value, { status: 201, headers: { Location: `/api/views/${created.value.id}` } });
}
