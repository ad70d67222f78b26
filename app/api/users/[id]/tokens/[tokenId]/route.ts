// DELETE /api/users/{id}/tokens/{tokenId} – revoke one of the user's API tokens (admin)
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { apiError } from "@/lib/http/api-error";
import { revokeApiToken } from "@/lib/auth/api-tokens";

export const dynamic = "force-dynamic";

export async function DELETE(request: Request, { params }: RouteContext<"/api/users/[id]/tokens/[tokenId]">): Promise<Response> {
  const viewer = await authorizeApiRequest(request, "admin");
  if (viewer instanceof Response) return viewer;
  const { id, tokenId } = await params;
  const revoked = await revokeApiToken(tokenId, id);
  return revoked ? new Response(null, { status: 204 }) : apiError(404, "not_found", "no such live token of this user", { field: "tokenId" });
}
