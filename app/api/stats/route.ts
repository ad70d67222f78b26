// GET /api/stats – per campaign: total calls and counts by status, for the same filters as /api/calls
import { apiError } from "@/lib/http/api-error";
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { readCallFilters } from "@/lib/calls/check-call-filters";
import { getCallStats } from "@/lib/calls/get-call-stats";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const denied = authorizeApiRequest(request);
  if (denied) return denied;
  const parsed = await readCallFilters(new URL(request.url).searchParams);
  if (!parsed.ok) return apiError(400, "invalid_query", parsed.problem.message, { param: parsed.problem.param });
  return Response.json(await getCallStats(parsed.filters));
}
