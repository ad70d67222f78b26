// /contacts/{id} – one person across campaigns: whether they may be called, their contact.data, their
// follow-up items with every change, and every call with them as a timeline.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { isSignedIn, requireViewer } from "@/lib/auth/require-viewer";
import { phoneViewFor } from "@/lib/calls/phone-view";
import { CONTACT_TIMELINE_CALLS, getContact } from "@/lib/contacts/get-contact";
import { JsonNumber } from "@/lib/voxia/json-number";
import { LocalTime } from "@/components/local-time";
import { StatusBadge } from "@/components/status-badge";
import { SectionCard } from "@/components/calls/section-card";
import { FieldList } from "@/components/calls/field-list";
import { JsonValue } from "@/components/calls/json-value";
import { ContactFlags } from "@/components/contacts/contact-flags";
import { SuppressionBanner } from "@/components/contacts/suppression-banner";
import { FollowUpHistory } from "@/components/contacts/follow-up-history";
import { ContactCallsTimeline } from "@/components/contacts/contact-calls-timeline";

export const dynamic = "force-dynamic";

// The metadata and the page read the same contact once per request. Like the call page, the segment
// may arrive percent-encoded ("phone:%2B1555…"): the decoded id first, the segment as given on a miss.
const loadContact = cache(async (param: string, maskPhones: boolean) => {
  let decoded = param;
  try {
    decoded = decodeURIComponent(param);
  } catch {
    // a malformed escape: the segment is taken literally
  }
  return (await getContact(decoded, { maskPhones })) ?? (decoded !== param ? await getContact(param, { maskPhones }) : null);
});

export async function generateMetadata({ params }: PageProps<"/contacts/[id]">): Promise<Metadata> {
  // The title names the person: nothing about them before sign-in.
  if (!(await isSignedIn())) return { title: "Contact" };
  const viewer = await requireViewer();
  const detail = await loadContact((await params).id, phoneViewFor(viewer).maskPhones);
  return { title: detail ? (detail.contact.name ?? detail.contact.phoneNumber ?? "Contact") : "Contact not found" };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof JsonNumber);

export default async function ContactPage({ params }: PageProps<"/contacts/[id]">) {
  const viewer = await requireViewer();
  const fullNumbers = !phoneViewFor(viewer).maskPhones;
  const detail = await loadContact((await params).id, !fullNumbers);
  if (!detail) notFound();
  const { contact, calls, followUps, suppression } = detail;
  const data = isPlainObject(contact.data) ? Object.entries(contact.data) : [];
  const allCalls = `/calls?contact=${encodeURIComponent(contact.id)}&test=include`;
  return (
    <div className="space-y-4">
      <nav aria-label="Contacts" className="text-sm">
        <Link href="/contacts" className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">← All contacts</Link>
      </nav>

      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <h1 className="text-2xl font-semibold break-all">{contact.name || contact.phoneNumber || contact.id}</h1>
          <ContactFlags flags={contact.flags} suppressed={contact.suppressed} />
        </div>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600 dark:text-slate-400">
          {contact.phoneNumber &&
            (fullNumbers && !contact.suppressed ? (
              <a href={`tel:${contact.phoneNumber}`} className="font-mono text-base text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">{contact.phoneNumber}</a>
            ) : (
              <span className="font-mono text-base text-slate-800 dark:text-slate-200" title={contact.phoneNumberMasked ? "Numbers are shown in full to members" : "Not to be called"}>{contact.phoneNumber}</span>
            ))}
          <span>{contact.calls.toLocaleString("en-US")} {contact.calls === 1 ? "call" : "calls"}</span>
          {contact.latestCall && <span className="inline-flex items-center gap-1">latest <StatusBadge value={contact.latestCall.status} /></span>}
          <span>last <LocalTime iso={contact.lastCallAt} /></span>
          {contact.campaigns.length > 0 && <span>{contact.campaigns.map((c) => c.name ?? c.id).join(", ")}</span>}
        </p>
      </header>

      <SuppressionBanner entries={suppression} />

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-1">
          <SectionCard title="Contact" id="contact">
            <FieldList
              fields={[
                ["Name", contact.name ?? "—"],
                ["Contact id", <span key="id" className="font-mono text-xs break-all">{contact.id}</span>],
                ["First call", contact.firstCallAt ? <LocalTime key="f" iso={contact.firstCallAt} /> : "—"],
                ...data.map(([k, v]) => [k, <JsonValue key={k} value={v} />] as [string, React.ReactNode]),
              ]}
            />
          </SectionCard>
          <SectionCard title="Follow-ups" id="follow-ups">
            <FollowUpHistory items={followUps} />
          </SectionCard>
        </div>
        <SectionCard title={`Calls (${contact.calls.toLocaleString("en-US")})`} id="calls" className="lg:col-span-2">
          <ContactCallsTimeline calls={calls} />
          <p className="mt-3 text-sm">
            <Link href={allCalls} className="text-blue-700 underline dark:text-blue-300">
              All {contact.calls.toLocaleString("en-US")} {contact.calls === 1 ? "call" : "calls"} in the calls list
            </Link>
            {contact.calls > CONTACT_TIMELINE_CALLS && <span className="text-slate-600 dark:text-slate-400"> (the newest {CONTACT_TIMELINE_CALLS} are shown here)</span>}
          </p>
        </SectionCard>
      </div>
    </div>
  );
}
