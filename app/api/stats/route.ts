// GET /api/stats – per campaign and in total: calls by status and the glossary's measures, for the same filters as /api/calls
import { searchFor } from "@/lib/calls/phone-view";
import { apiError } from "@/lib/http/api-error";
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { readCallFilters } from "@/lib/calls/check-call-filters";
import { getCallStatsWithMeasures } from "@/lib/calls/get-call-stats";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const viewer = await authorizeApiRequest(request);
  if (viewer instanceof Response) return viewer;
  const parsed = await readCallFilters(new URL(request.url).searchParams);
  if (!parsed.ok) return apiError(400, "invalid_query", parsed.problem.message, { param: parsed.problem.param });
  return Response.json(await getCallStatsWithMeasures(searchFor(parsed.filters, viewer)));
}
