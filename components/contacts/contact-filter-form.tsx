// The contacts list's search and filters as a plain GET form: the URL it submits is the one
// parseContactFilters reads, so it works before (and without) any JavaScript. Each list filter is a
// checkbox menu (any of).
import Link from "next/link";
import { NONE } from "@/lib/calls/call-filters";
import { CONTACT_FLAGS, CONTACT_FLAG_TITLES, type ContactFilters } from "@/lib/contacts/contact-filters";
import { humanize } from "@/lib/voxia/vocabulary";

type Choice = { value: string; label: string };

const control = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";

export function ContactFilterForm({ filters, statuses, campaigns }: { filters: ContactFilters; statuses: string[]; campaigns: { id: string; name: string | null }[] }) {
  const active = filters.q || filters.status.length + filters.flag.length + filters.campaign.length > 0;
  return (
    <form method="get" action="/contacts" role="search" aria-label="Contacts" className="flex flex-wrap items-center gap-2">
      <label htmlFor="contacts-q" className="sr-only">Search contacts</label>
      <input
        id="contacts-q"
        type="search"
        name="q"
        defaultValue={filters.q ?? ""}
        placeholder="Name, number, id or data"
        className={`${control} w-64 max-w-full`}
      />
      <CheckboxMenu
        name="status"
        legend="Latest outcome"
        selected={filters.status}
        choices={[...statuses.map((s) => ({ value: s, label: humanize(s) })), { value: NONE, label: "None yet" }]}
      />
      <CheckboxMenu name="flag" legend="Flags" selected={filters.flag} choices={CONTACT_FLAGS.map((f) => ({ value: f, label: CONTACT_FLAG_TITLES[f] }))} />
      {campaigns.length > 0 && (
        <CheckboxMenu name="campaign" legend="Campaign" selected={filters.campaign} choices={campaigns.map((c) => ({ value: c.id, label: c.name ?? c.id }))} />
      )}
      <button type="submit" className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800">Apply</button>
      {active && <Link href="/contacts" className="text-sm text-blue-700 underline dark:text-blue-300">Clear filters</Link>}
    </form>
  );
}

function CheckboxMenu({ name, legend, choices, selected }: { name: string; legend: string; choices: Choice[]; selected: string[] }) {
  const chosen = new Set(selected);
  // A value in the URL that is not among the choices (an old campaign) stays selected and visible.
  const all = [...choices, ...selected.filter((v) => !choices.some((c) => c.value === v)).map((v) => ({ value: v, label: v }))];
  return (
    <details className="relative">
      <summary className={`${control} cursor-pointer list-none select-none hover:bg-slate-100 dark:hover:bg-slate-800 ${chosen.size > 0 ? "border-blue-600 dark:border-blue-400" : ""}`}>
        {legend}{chosen.size > 0 ? ` (${chosen.size})` : ""} ▾
      </summary>
      <fieldset className="absolute z-10 mt-1 max-h-72 w-64 overflow-y-auto rounded-md border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <legend className="sr-only">{legend}</legend>
        {all.map((choice) => (
          <label key={choice.value} className="flex items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
            <input type="checkbox" name={name} value={choice.value} defaultChecked={chosen.has(choice.value)} />
            <span className="[overflow-wrap:anywhere]">{choice.label}</span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}
