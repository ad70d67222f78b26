// GET /api/calls – calls matching the filters, newest first, keyset-paginated, with how many match
import { apiError } from "@/lib/http/api-error";
import { readPageParams } from "@/lib/http/page-params";
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { readCallFilters } from "@/lib/calls/check-call-filters";
import { decodeCursor, listCalls, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from "@/lib/calls/list-calls";
import { countCalls } from "@/lib/calls/count-calls";
import { pageTotal } from "@/lib/db/bounded-count";
import { phoneViewFor, searchFor } from "@/lib/calls/phone-view";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const viewer = await authorizeApiRequest(request);
  if (viewer instanceof Response) return viewer;
  const params = new URL(request.url).searchParams;
  const parsed = await readCallFilters(params);
  if (!parsed.ok) return apiError(400, "invalid_query", parsed.problem.message, { param: parsed.problem.param });

  const paging = readPageParams(params, { defaultLimit: DEFAULT_PAGE_SIZE, maxLimit: MAX_PAGE_SIZE, decode: decodeCursor });
  if (paging instanceof Response) return paging;

  const filters = searchFor(parsed.filters, viewer);
  const [page, count] = await Promise.all([listCalls(filters, paging, phoneViewFor(viewer)), countCalls(filters)]);
  return Response.json({ ...page, ...pageTotal(count, page.calls.length, page.nextCursor !== null) });
}
