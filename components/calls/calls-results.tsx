// The part of /calls that waits on the database: one keyset page of the table, or why it is empty.
import { serializeCallFilters, type CallFilters } from "@/lib/calls/call-filters";
import { NewCallsBanner } from "@/components/live/new-calls-banner";
import type { CallCursor } from "@/lib/calls/list-calls";
import { listCallsPage } from "@/lib/calls/list-calls-page";
import { hasAnyCalls } from "@/lib/calls/has-any-calls";
import { LIST_PHONE_VIEW } from "@/lib/calls/phone-view";
import { CallsTable } from "./calls-table";
import { CallsEmptyState } from "./calls-empty-state";
import { CallsPagination } from "./calls-pagination";

const PAGE_SIZE = 50;

export async function CallsResults({ filters, query, older, newer }: { filters: CallFilters; query: string; older: CallCursor | null; newer: CallCursor | null }) {
  const page = await listCallsPage(filters, { older, newer, limit: PAGE_SIZE }, LIST_PHONE_VIEW);
  const onFirstPage = !older && !newer;
  const banner = onFirstPage ? <NewCallsBanner countUrl={newCallsCountUrl(filters, page.calls[0]?.createdAt)} /> : null;
  if (page.calls.length === 0 && onFirstPage) {
    return (
      <div className="space-y-3">
        {banner}
        <CallsEmptyState anyCalls={await hasAnyCalls()} />
      </div>
    );
  }
  return (
    <div className="space-y-3">
      {banner}
      {page.calls.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No more calls in this direction.</p>
      ) : (
        <CallsTable calls={page.calls} query={query} />
      )}
      <CallsPagination query={query} newerCursor={page.newerCursor} olderCursor={page.olderCursor} onFirstPage={onFirstPage} />
    </div>
  );
}

/** GET /api/calls for this filter, from just after the newest call shown: its `total` is how many are new. */
function newCallsCountUrl(filters: CallFilters, newest: string | undefined): string {
  const after = newest ? new Date(new Date(newest).getTime() + 1) : null;
  const from = after && (!filters.from || after > filters.from) ? after : filters.from;
  const params = serializeCallFilters({ ...filters, from });
  params.set("limit", "1");
  return `/api/calls?${params.toString()}`;
}
