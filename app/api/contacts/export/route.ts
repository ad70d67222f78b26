// GET /api/contacts/export – the contacts matching the filters (q, status, flag, campaign, as GET
// /api/contacts) as CSV, most recently called first; numbers masked for viewers.
import { apiError } from "@/lib/http/api-error";
import { csvDownload } from "@/lib/http/csv-download";
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { phoneViewFor, searchFor } from "@/lib/calls/phone-view";
import { parseContactFilters } from "@/lib/contacts/contact-filters";
import { exportContactsCsv } from "@/lib/contacts/export-contacts-csv";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const viewer = await authorizeApiRequest(request);
  if (viewer instanceof Response) return viewer;
  const parsed = parseContactFilters(new URL(request.url).searchParams);
  if (!parsed.ok) return apiError(400, "invalid_query", parsed.problem.message, { param: parsed.problem.param });
  return csvDownload(exportContactsCsv(searchFor(parsed.filters, viewer), phoneViewFor(viewer)), "contacts");
}
