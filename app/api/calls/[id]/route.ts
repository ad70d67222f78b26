// GET /api/calls/{id} – one call with transcript, key questions, events and deliveries
import { apiError } from "@/lib/http/api-error";
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { getCall } from "@/lib/calls/get-call";
import { phoneViewFor } from "@/lib/calls/phone-view";
import { stringifyJson } from "@/lib/voxia/stringify-json";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: RouteContext<"/api/calls/[id]">): Promise<Response> {
  const viewer = await authorizeApiRequest(request);
  if (viewer instanceof Response) return viewer;
  const { id } = await context.params;
  const call = await getCall(id, phoneViewFor(viewer));
  if (!call) return apiError(404, "not_found", `no call with id "${id}" has been received`);
  // Not Response.json: numbers Voxia sent beyond a double's precision are written with all their digits.
  return new Response(stringifyJson(call), { headers: { "Content-Type": "application/json" } });
}
