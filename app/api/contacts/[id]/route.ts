// GET /api/contacts/{id} – one contact: {"contact", "calls", "followUps", "suppression"}
import { apiError } from "@/lib/http/api-error";
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { phoneViewFor } from "@/lib/calls/phone-view";
import { getContact } from "@/lib/contacts/get-contact";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: RouteContext<"/api/contacts/[id]">): Promise<Response> {
  const viewer = await authorizeApiRequest(request);
  if (viewer instanceof Response) return viewer;
  const { id } = await context.params;
  const contact = await getContact(id, phoneViewFor(viewer));
  if (!contact) return apiError(404, "not_found", `no contact with id "${id}"`);
  return Response.json(contact);
}
