// The part of /calls that waits on the database: one keyset page of the table, or why it is empty.
import type { CallFilters } from "@/lib/calls/call-filters";
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
  if (page.calls.length === 0 && onFirstPage) return <CallsEmptyState anyCalls={await hasAnyCalls()} />;
  return (
    <div className="space-y-3">
      {page.calls.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No more calls in this direction.</p>
      ) : (
        <CallsTable calls={page.calls} query={query} />
      )}
      <CallsPagination query={query} newerCursor={page.newerCursor} olderCursor={page.olderCursor} onFirstPage={onFirstPage} />
    </div>
  );
}
