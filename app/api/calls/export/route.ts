// GET /api/calls/export – every call matching the filters as a CSV download, streamed in batches;
// `headers` and `include` say how it is written (parseCsvOptions, README "CSV export")
import { apiError } from "@/lib/http/api-error";
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { readCallFilters } from "@/lib/calls/check-call-filters";
import { exportCallsCsv, parseCsvOptions } from "@/lib/calls/export-calls-csv";
import { phoneViewFor } from "@/lib/calls/phone-view";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const viewer = await authorizeApiRequest(request);
  if (viewer instanceof Response) return viewer;
  const params = new URL(request.url).searchParams;
  const parsed = await readCallFilters(params);
  if (!parsed.ok) return apiError(400, "invalid_query", parsed.problem.message, { param: parsed.problem.param });
  const csv = parseCsvOptions(params);
  if (!csv.ok) return apiError(400, "invalid_query", csv.problem.message, { param: csv.problem.param });

  const chunks = exportCallsCsv(parsed.filters, csv.options, phoneViewFor(viewer));
  // Pull-based: a chunk is made only when the client has taken the last one (the export reads at most
  // one batch ahead of it), so a slow download holds a batch or two in memory, never the whole result.
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const chunk = await chunks.next();
        if (chunk.done) controller.close();
        else controller.enqueue(chunk.value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="callboard-calls-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
