// /contacts – one row per person called, most recently called first, filtered by the URL (the same
// parameters as GET /api/contacts).
import { Suspense } from "react";
import { requireViewer } from "@/lib/auth/require-viewer";
import { phoneViewFor, searchFor } from "@/lib/calls/phone-view";
import { parseContactFilters, serializeContactFilters, EMPTY_CONTACT_FILTERS } from "@/lib/contacts/contact-filters";
import { decodeContactCursor } from "@/lib/contacts/list-contacts";
import { listFilterOptions } from "@/lib/calls/list-filter-options";
import { ContactFilterForm } from "@/components/contacts/contact-filter-form";
import { ContactsCount, ContactsResults } from "@/components/contacts/contacts-results";
import { CallsCountSkeleton } from "@/components/calls/calls-count";
import { CallsTableSkeleton } from "@/components/calls/calls-table-skeleton";

export const dynamic = "force-dynamic";
export const metadata = { title: "Contacts" };

export default async function ContactsPage({ searchParams }: PageProps<"/contacts">) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const parsed = parseContactFilters(params);
  // A bad flag in a hand-edited URL shows every contact rather than an error page; the API says 400.
  const filters = searchFor(parsed.ok ? parsed.filters : EMPTY_CONTACT_FILTERS, viewer);
  const query = serializeContactFilters(filters).toString();
  const older = typeof params.cursor === "string" ? decodeContactCursor(params.cursor) : null;
  const newer = !older && typeof params.before === "string" ? decodeContactCursor(params.before) : null;
  const options = await listFilterOptions();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-baseline gap-3">
          <h1 className="text-xl font-semibold">Contacts</h1>
          <Suspense key={query} fallback={<CallsCountSkeleton />}>
            <ContactsCount filters={filters} />
          </Suspense>
        </div>
        <a
          href={`/api/contacts/export${query ? `?${query}` : ""}`}
          download
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
        >
          Export CSV<span className="sr-only"> of all contacts matching these filters</span>
        </a>
      </div>
      <ContactFilterForm filters={filters} statuses={options.statuses} campaigns={options.campaigns} />
      <Suspense key={`${query}|${String(params.cursor ?? "")}|${String(params.before ?? "")}`} fallback={<CallsTableSkeleton />}>
        <ContactsResults filters={filters} query={query} older={older} newer={newer} maskPhones={phoneViewFor(viewer).maskPhones} anyFilter={query !== ""} />
      </Suspense>
    </div>
  );
}
