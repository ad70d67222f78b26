// GET /api/alerts/deliveries – the notification delivery log (admins): each attempt's time, host,
// outcome, HTTP status or error. Never the URL's path or query: a Slack webhook URL's path is its secret.
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { listDeliveries } from "@/lib/alerts/list-alerts";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const viewer = await authorizeApiRequest(request, "admin");
  if (viewer instanceof Response) return viewer;
  return Response.json({ deliveries: await listDeliveries() }, { headers: { "Cache-Control": "no-store" } });
}
