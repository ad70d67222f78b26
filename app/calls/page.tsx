// /calls – every call, newest first, filtered by the URL (the same parameters as GET /api/calls).
import { searchFor } from "@/lib/calls/phone-view";
import { Suspense } from "react";
import { parseCallFiltersLeniently, serializeCallFilters } from "@/lib/calls/call-filters";
import { listFilterOptions } from "@/lib/calls/list-filter-options";
import { CallFilterControls } from "@/components/calls/call-filter-controls";
import { CallsCount, CallsCountSkeleton } from "@/components/calls/calls-count";
import { CallsResults } from "@/components/calls/calls-results";
import { CallsTableSkeleton } from "@/components/calls/calls-table-skeleton";
import { decodeCursor } from "@/lib/calls/list-calls";
import { requireViewer } from "@/lib/auth/require-viewer";
import { hasRole } from "@/lib/auth/viewer";
import { listViews } from "@/lib/views/saved-views";
import { SavedViews } from "@/components/calls/saved-views";
import { viewerTimeZone } from "@/lib/time/viewer-time-zone";

export const dynamic = "force-dynamic";
export const metadata = { title: "Calls" };

export default async function CallsPage({ searchParams }: PageProps<"/calls">) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const { zone } = await viewerTimeZone();
  const filters = searchFor(parseCallFiltersLeniently(params, { timeZone: zone }), viewer);
  const query = serializeCallFilters(filters).toString();
  const older = typeof params.cursor === "string" ? decodeCursor(params.cursor) : null;
  const newer = !older && typeof params.before === "string" ? decodeCursor(params.before) : null;
  const [options, views] = await Promise.all([listFilterOptions(), listViews()]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-baseline gap-3">
          <h1 className="text-xl font-semibold">Calls</h1>
          <Suspense key={query} fallback={<CallsCountSkeleton />}>
            <CallsCount filters={filters} />
          </Suspense>
        </div>
        <div className="flex items-center gap-2">
          <a
            href={`/api/calls/export${query ? `?${query}` : ""}`}
            download
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
          >
            Export CSV<span className="sr-only"> of all calls matching these filters</span>
          </a>
        </div>
      </div>
      <SavedViews views={views} query={query} canEdit={hasRole(viewer, "member")} />
      <CallFilterControls query={query} options={options} timeZone={zone} />
      <Suspense key={`${query}|${older ? `o${String(params.cursor)}` : ""}|${newer ? `n${String(params.before)}` : ""}`} fallback={<CallsTableSkeleton />}>
        <CallsResults filters={filters} query={query} older={older} newer={newer} />
      </Suspense>
    </div>
  );
}
