// POST /api/users/{id}/sign-in-link – a new one-time sign-in link for the user, valid 72 h and once,
// ending their older links; shown in this answer only (admin)
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { apiError } from "@/lib/http/api-error";
import { createSignInLink } from "@/lib/users/sign-in-links";
import { signInLinkJson } from "@/lib/users/user-response";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: RouteContext<"/api/users/[id]/sign-in-link">): Promise<Response> {
  const viewer = await authorizeApiRequest(request, "admin");
  if (viewer instanceof Response) return viewer;
  const id = (await params).id;
  const link = await createSignInLink(id);
  if (!link) return apiError(404, "not_found", `no enabled user ${id}`, { field: "id" });
  return Response.json(signInLinkJson(request, link), { status: 201, headers: { "Cache-Control": "no-store" } });
}
