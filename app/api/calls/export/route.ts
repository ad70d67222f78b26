// GET /api/calls/export – every call matching the filters as a CSV download, streamed in batches;
// `headers` and `include` say how it is written (parseCsvOptions, README "CSV export")
import { apiError } from "@/lib/http/api-error";
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { readCallFilters } from "@/lib/calls/check-call-filters";
import { exportCallsCsv, parseCsvOptions } from "@/lib/calls/export-calls-csv";
import { phoneViewFor, searchFor } from "@/lib/calls/phone-view";
import { csvDownload } from "@/lib/http/csv-download";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const viewer = await authorizeApiRequest(request);
  if (viewer instanceof Response) return viewer;
  const params = new URL(request.url).searchParams;
  const parsed = await readCallFilters(params);
  if (!parsed.ok) return apiError(400, "invalid_query", parsed.problem.message, { param: parsed.problem.param });
  const csv = parseCsvOptions(params);
  if (!csv.ok) return apiError(400, "invalid_query", csv.problem.message, { param: csv.problem.param });

  return csvDownload(exportCallsCsv(searchFor(parsed.filters, viewer), csv.options, phoneViewFor(viewer)), "calls");
}
