// GET /api/suppression/export?list=do_not_call|wrong_number – the list as CSV (phone, name, reason,
// date), for re-import into Voxia or a CRM. Members and admins: viewers see numbers masked only.
import { apiError } from "@/lib/http/api-error";
import { csvDownload } from "@/lib/http/csv-download";
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { exportSuppressionCsv, SUPPRESSION_LISTS, type SuppressionList } from "@/lib/suppression/suppressed-numbers";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const viewer = await authorizeApiRequest(request, "member");
  if (viewer instanceof Response) return viewer;
  const list = new URL(request.url).searchParams.get("list") ?? "do_not_call";
  if (!(SUPPRESSION_LISTS as readonly string[]).includes(list)) {
    return apiError(400, "invalid_query", `"list" must be ${SUPPRESSION_LISTS.join(" or ")} (got "${list}")`, { param: "list" });
  }
  return csvDownload(exportSuppressionCsv(list as SuppressionList), list === "do_not_call" ? "do-not-call" : "wrong-numbers");
}
