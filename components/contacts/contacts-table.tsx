// The contacts list: one row per person. Below the md breakpoint each row becomes a card of labelled
// fields, like the calls table.
import Link from "next/link";
import type { ContactSummaryJson } from "@/lib/contacts/contact-json";
import { LocalTime } from "@/components/local-time";
import { StatusBadge } from "@/components/status-badge";
import { ContactFlags } from "./contact-flags";

const cell = "block break-words md:[overflow-wrap:anywhere] px-3 py-1 md:table-cell md:py-2 md:align-top before:mr-2 before:text-xs before:font-medium before:text-slate-500 before:whitespace-nowrap before:content-[attr(data-label)] md:before:content-none dark:before:text-slate-400";
const dash = <span className="text-slate-500">—</span>;

export function ContactsTable({ contacts }: { contacts: ContactSummaryJson[] }) {
  return (
    <table className="block w-full text-left text-sm md:table">
      <caption className="sr-only">Contacts, most recently called first</caption>
      <thead className="sr-only md:not-sr-only">
        <tr className="border-b border-slate-200 text-xs tracking-wide text-slate-500 uppercase dark:border-slate-800 dark:text-slate-400">
          {["Contact", "Campaigns", "Calls", "Latest outcome", "Last call", "Flags"].map((h) => (
            <th key={h} scope="col" className={`px-3 py-2 font-medium ${h === "Calls" ? "md:text-right" : ""}`}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody className="block space-y-3 md:table-row-group md:space-y-0">
        {contacts.map((contact) => (
          <tr
            key={contact.id}
            data-contact={contact.id}
            className={`grid grid-cols-2 rounded-lg border bg-white py-2 md:table-row md:rounded-none md:border-0 md:border-b md:bg-transparent md:py-0 md:dark:bg-transparent ${contact.suppressed ? "border-red-300 dark:border-red-900 md:border-l-4 md:border-l-red-600" : "border-slate-200 dark:border-slate-800"} dark:bg-slate-900`}
          >
            <td className={`${cell} col-span-2 md:min-w-48`} data-label="Contact">
              <Link href={`/contacts/${encodeURIComponent(contact.id)}`} className="font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">
                {contact.name || contact.phoneNumber || contact.id}
              </Link>
              {contact.name && contact.phoneNumber && (
                <span className="ml-2 font-mono text-xs whitespace-nowrap text-slate-500 md:ml-0 md:block dark:text-slate-400">{contact.phoneNumber}</span>
              )}
            </td>
            <td className={`${cell} col-span-2`} data-label="Campaigns">
              {contact.campaigns.length === 0 ? dash : contact.campaigns.map((c) => c.name ?? c.id).join(", ")}
            </td>
            <td className={`${cell} whitespace-nowrap tabular-nums md:text-right`} data-label="Calls">{contact.calls.toLocaleString("en-US")}</td>
            <td className={cell} data-label="Latest outcome"><StatusBadge value={contact.latestCall?.status} /></td>
            <td className={`${cell} col-span-2 whitespace-nowrap text-slate-600 dark:text-slate-300`} data-label="Last call">
              {contact.latestCall ? (
                <Link href={`/calls/${encodeURIComponent(contact.latestCall.id)}`} className="underline-offset-2 hover:underline">
                  <LocalTime iso={contact.lastCallAt} />
                </Link>
              ) : (
                <LocalTime iso={contact.lastCallAt} />
              )}
            </td>
            <td className={`${cell} col-span-2`} data-label="Flags">
              <ContactFlags flags={contact.flags} suppressed={contact.suppressed} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
