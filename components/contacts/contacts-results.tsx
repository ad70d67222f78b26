// The part of /contacts that waits on the database: the count, one keyset page of the table, or why
// it is empty.
import Link from "next/link";
import type { ContactFilters } from "@/lib/contacts/contact-filters";
import { countContacts, listContacts, type ContactCursor } from "@/lib/contacts/list-contacts";
import { MatchCount } from "@/components/match-count";
import { KeysetPagination } from "@/components/keyset-pagination";
import { ContactsTable } from "./contacts-table";

const PAGE_SIZE = 50;

export async function ContactsCount({ filters }: { filters: ContactFilters }) {
  const { total, isLowerBound } = await countContacts(filters);
  return <MatchCount total={total} isLowerBound={isLowerBound} noun={["contact", "contacts"]} dataAttribute="data-contacts-count" />;
}

export async function ContactsResults({ filters, query, older, newer, maskPhones, anyFilter }: {
  filters: ContactFilters;
  query: string;
  older: ContactCursor | null;
  newer: ContactCursor | null;
  maskPhones: boolean;
  anyFilter: boolean;
}) {
  const page = await listContacts(filters, { cursor: older, before: newer, limit: PAGE_SIZE }, { maskPhones });
  const onFirstPage = !older && !newer;
  if (page.contacts.length === 0 && onFirstPage) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
        {anyFilter ? (
          <>
            <p className="font-medium">No contacts match these filters.</p>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
              <Link href="/contacts" className="text-blue-700 underline dark:text-blue-300">Clear all filters</Link> to see every contact.
            </p>
          </>
        ) : (
          <>
            <p className="font-medium">No contacts yet.</p>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
              Everyone Voxia calls appears here with their first call.{" "}
              <Link href="/settings/webhook" className="text-blue-700 underline dark:text-blue-300">Here is how to connect Voxia</Link>.
            </p>
          </>
        )}
      </div>
    );
  }
  return (
    <div className="space-y-3">
      {page.contacts.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No more contacts in this direction.</p>
      ) : (
        <ContactsTable contacts={page.contacts} />
      )}
      <KeysetPagination
        path="/contacts"
        query={query}
        label="Pages of contacts"
        prevCursor={page.prevCursor}
        nextCursor={page.nextCursor}
        onFirstPage={onFirstPage}
        firstLabel="Most recent"
        prevLabel="More recent"
        nextLabel="Earlier"
      />
    </div>
  );
}
