// GET /api/alerts?state=open|acknowledged|resolved – alerts in one state (open by default), newest
// first, with how many there are in that state (`total`). Every role may read them.
import { apiError } from "@/lib/http/api-error";
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { ALERT_STATES, isAlertState } from "@/lib/alerts/alert-kinds";
import { listAlerts } from "@/lib/alerts/list-alerts";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const viewer = await authorizeApiRequest(request);
  if (viewer instanceof Response) return viewer;
  const state = new URL(request.url).searchParams.get("state") ?? "open";
  if (!isAlertState(state)) return apiError(400, "invalid_query", `state must be one of ${ALERT_STATES.join(", ")}`, { param: "state" });
  return Response.json(await listAlerts(state), { headers: { "Cache-Control": "no-store" } });
}
