// GET /api/follow-ups?queue=callbacks|leads&state=open|done|snoozed – a queue's items, longest
// waiting first (order=newest for the reverse), keyset-paginated, with how many there are
import { apiError } from "@/lib/http/api-error";
import { readPageParams } from "@/lib/http/page-params";
import { pageTotal } from "@/lib/db/bounded-count";
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { phoneViewFor } from "@/lib/calls/phone-view";
import { parseFollowUpSelection } from "@/lib/follow-ups/follow-up-params";
import { countFollowUps, decodeFollowUpCursor, DEFAULT_FOLLOW_UPS_PAGE, listFollowUps, MAX_FOLLOW_UPS_PAGE } from "@/lib/follow-ups/list-follow-ups";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const viewer = await authorizeApiRequest(request);
  if (viewer instanceof Response) return viewer;
  const params = new URL(request.url).searchParams;
  const parsed = parseFollowUpSelection(params);
  if (!parsed.ok) return apiError(400, "invalid_query", parsed.problem.message, { param: parsed.problem.param });
  const page = readPageParams(params, { defaultLimit: DEFAULT_FOLLOW_UPS_PAGE, maxLimit: MAX_FOLLOW_UPS_PAGE, decode: decodeFollowUpCursor });
  if (page instanceof Response) return page;
  const [list, count] = await Promise.all([
    listFollowUps(parsed.selection, page, phoneViewFor(viewer)),
    countFollowUps(parsed.selection),
  ]);
  return Response.json({ followUps: list.followUps, nextCursor: list.nextCursor, ...pageTotal(count, list.followUps.length, list.nextCursor !== null) });
}
