// The contacts matching a filter as CSV, most recently called first, read a keyset page at a time
// (the same listContacts as /contacts and GET /api/contacts, so the file has the rows the list shows).
import { csvRow } from "@/lib/csv/csv-cell";
import type { ContactFilters } from "./contact-filters";
import { decodeContactCursor, listContacts, MAX_CONTACTS_PAGE } from "./list-contacts";

const HEADER = ["id", "name", "phone", "calls", "first_call", "last_call", "latest_status", "campaigns",
  "callback_requested", "interested", "do_not_call", "wrong_number", "suppressed"];

export async function* exportContactsCsv(filters: ContactFilters, { maskPhones }: { maskPhones: boolean }): AsyncGenerator<Uint8Array, void, undefined> {
  const encoder = new TextEncoder();
  yield encoder.encode(csvRow(HEADER));
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listContacts>> = await listContacts(filters, { cursor: cursor ? decodeContactCursor(cursor) : null, limit: MAX_CONTACTS_PAGE }, { maskPhones });
    yield encoder.encode(
      page.contacts
        .map((c) => csvRow([c.id, c.name, c.phoneNumber, c.calls, c.firstCallAt, c.lastCallAt, c.latestCall?.status ?? null,
          c.campaigns.map((k) => k.name ?? k.id).join("; "), c.flags.callbackRequested, c.flags.interested, c.flags.doNotCall,
          c.flags.wrongNumber, c.suppressed]))
        .join(""),
    );
    cursor = page.nextCursor;
  } while (cursor);
}
