// GET /api/alerts?state=open|acknowledged|resolved – alerts in one state (open by default), newest
// first, keyset-paginated (`limit`, `cursor` → `nextCursor`), with how many there are in that state
// (`total`). Every role may read them.
import { apiError } from "@/lib/http/api-error";
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { ALERT_STATES, isAlertState } from "@/lib/alerts/alert-kinds";
import { countAlerts, decodeAlertCursor, DEFAULT_ALERTS_PAGE, listAlerts, MAX_ALERTS_PAGE } from "@/lib/alerts/list-alerts";
import { readPageParams } from "@/lib/http/page-params";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const viewer = await authorizeApiRequest(request);
  if (viewer instanceof Response) return viewer;
  const params = new URL(request.url).searchParams;
  const state = params.get("state") ?? "open";
  if (!isAlertState(state)) return apiError(400, "invalid_query", `state must be one of ${ALERT_STATES.join(", ")}`, { param: "state" });
  const page = readPageParams(params, { defaultLimit: DEFAULT_ALERTS_PAGE, maxLimit: MAX_ALERTS_PAGE, decode: decodeAlertCursor });
  if (page instanceof Response) return page;
  const [{ alerts, nextCursor }, total] = await Promise.all([listAlerts(state, page), countAlerts(state)]);
  return Response.json({ alerts, nextCursor, total }, { headers: { "Cache-Control": "no-store" } });
}
