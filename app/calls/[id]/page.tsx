// /calls/{id} – one call with everything Voxia sent about it. The list's filters ride along in the
// URL so "Newer"/"Older" step through the same view the reader came from.
import { LiveRefresh } from "@/components/live/live-refresh";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { currentSession, requireViewer } from "@/lib/auth/require-viewer";
import { phoneViewFor, type PhoneView, searchFor } from "@/lib/calls/phone-view";
import { cache, Suspense } from "react";
import { parseCallFiltersLeniently, serializeCallFilters, type CallFilters } from "@/lib/calls/call-filters";
import type { CallCursor } from "@/lib/calls/list-calls";
import { getCall } from "@/lib/calls/get-call";
import { getAdjacentCalls } from "@/lib/calls/get-adjacent-calls";
import { formatDuration } from "@/lib/ui/format";
import { humanize } from "@/lib/voxia/vocabulary";
import { JsonNumber } from "@/lib/voxia/json-number";
import { LocalTime } from "@/components/local-time";
import { viewerTimeZone } from "@/lib/time/viewer-time-zone";
import { StatusBadge } from "@/components/status-badge";
import { YesNo } from "@/components/calls/calls-table";
import { SectionCard } from "@/components/calls/section-card";
import { FieldList } from "@/components/calls/field-list";
import { JsonValue } from "@/components/calls/json-value";
import { TranscriptView } from "@/components/calls/transcript-view";
import { KeyQuestionsTable } from "@/components/calls/key-questions-table";
import { CallEventsList } from "@/components/calls/call-events-list";
import { DeliveriesTimeline } from "@/components/calls/deliveries-timeline";
import { redactUrlSecrets } from "@/components/calls/redact-url-secrets";
import { getCallContact } from "@/lib/contacts/get-call-contact";
import { SuppressionBanner } from "@/components/contacts/suppression-banner";

export const dynamic = "force-dynamic";

// The metadata and the page read the same call once per request.
const loadCall = cache(async (param: string, maskPhones: boolean) => {
  const view: PhoneView = { maskPhones };
  // Next hands the page the segment still percent-encoded but generateMetadata decoded (16.4): try the
  // decoded id first and the segment as given on a miss, so ids containing "%" work in both.
  let decoded = param;
  try {
    decoded = decodeURIComponent(param);
  } catch {
    // a malformed escape: the segment is taken literally
  }
  return (await getCall(decoded, view)) ?? (decoded !== param ? await getCall(param, view) : null);
});

export async function generateMetadata({ params }: PageProps<"/calls/[id]">): Promise<Metadata> {
  // The title names the contact: nothing about the call before sign-in.
  const session = await currentSession();
  if (!session || session.mustChangePassword) return { title: "Call" };
  const call = await loadCall((await params).id, phoneViewFor(session.viewer).maskPhones);
  return { title: call ? `Call with ${call.contact.name ?? call.contact.phoneNumber ?? call.id}` : "Call not found" };
}

const dash = <span className="text-slate-500">—</span>;
const show = (value: string | null | undefined) => (value ? <span className="[overflow-wrap:anywhere]">{value}</span> : dash);
const showEnum = (value: string | null | undefined) => (value ? <span title={value}>{humanize(value)}</span> : dash);
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof JsonNumber);
const isEmpty = (value: unknown) =>
  value === null || value === undefined || (Array.isArray(value) && value.length === 0) || (isPlainObject(value) && Object.keys(value).length === 0);

export default async function CallPage({ params, searchParams }: PageProps<"/calls/[id]">) {
  const viewer = await requireViewer();
  const view = phoneViewFor(viewer);
  const call = await loadCall((await params).id, view.maskPhones);
  if (!call) notFound();
  const filters = searchFor(parseCallFiltersLeniently(await searchParams, { timeZone: (await viewerTimeZone()).zone }), viewer);
  const query = serializeCallFilters(filters).toString();
  const suffix = query ? `?${query}` : "";
  const contactData = isPlainObject(call.contact.data) ? Object.entries(call.contact.data) : [];
  const title = call.contact.name || call.contact.phoneNumber || call.id;
  const notUnderstood = isPlainObject(call.notUnderstood) ? Object.entries(call.notUnderstood) : [];

  return (
    <div className="space-y-4">
      <nav aria-label="Calls" className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <Link href={`/calls${suffix}`} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">← All calls{query ? " (filtered)" : ""}</Link>
        <Suspense fallback={<div className="h-8 w-56 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />}>
          <StepLinks filters={filters} call={{ createdAt: new Date(call.createdAt), id: call.id }} suffix={suffix} />
        </Suspense>
      </nav>

      <header className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h1 className="text-2xl font-semibold break-all">{title}</h1>
        <StatusBadge value={call.status} />
        {call.isTestCall && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">Test call</span>}
        {call.webhookEvent && <span className="text-sm text-slate-600 dark:text-slate-400" data-call-stage>Stage: {call.webhookEvent}</span>}
        <LiveRefresh types={["call.updated"]} callId={call.id} everyMs={500} />
        <p className="w-full text-sm text-slate-600 dark:text-slate-400">
          <LocalTime iso={call.createdAt} /> · {formatDuration(call.duration)} with the agent
          {call.campaign && <> · {call.campaign.name ?? call.campaign.id}</>}
        </p>
      </header>

      <Suspense fallback={null}>
        <CallContact callId={call.id} />
      </Suspense>

      <div className="grid gap-4 lg:grid-cols-3">
        <SectionCard title="Contact" id="contact">
          <FieldList
            fields={[
              ["Name", show(call.contact.name)],
              ["Phone", call.contact.phoneNumber && view.maskPhones ? <span key="p" className="font-mono" title="Your role (viewer) sees numbers masked">{call.contact.phoneNumber}</span> : call.contact.phoneNumber ? <a className="font-mono text-blue-700 dark:text-blue-300" href={`tel:${call.contact.phoneNumber}`}>{call.contact.phoneNumber}</a> : dash],
              ["Contact id", <span key="id" className="font-mono text-xs break-all">{call.contact.id ?? "—"}</span>],
              ...contactData.map(([k, v]) => [k, <JsonValue key={k} value={v} />] as [string, React.ReactNode]),
            ]}
          />
        </SectionCard>

        <SectionCard title="Outcome" id="outcome">
          <FieldList
            fields={[
              ["Status", <StatusBadge key="s" value={call.status} />],
              ["Post-process", showEnum(call.postProcessStatus)],
              ["Call status", showEnum(call.callStatus)],
              ["Hang-up reason", showEnum(call.hangUpReason)],
              ["Last event", showEnum(call.webhookEvent)],
              ["Duration", <span key="d" className="tabular-nums">{formatDuration(call.duration)}</span>],
              ["Total duration", <span key="t" className="tabular-nums">{formatDuration(call.totalDuration)}</span>],
              ["Call me later", <YesNo key="c" value={call.contactStatus.callMeLater} />],
              ["Do not call", <YesNo key="n" value={call.contactStatus.doNotCall} />],
              ["Wrong number", <YesNo key="w" value={call.contactStatus.wrongNumber} />],
            ]}
          />
        </SectionCard>

        <SectionCard title="Campaign and interest" id="campaign">
          <FieldList
            fields={[
              ["Campaign", call.campaign ? <Link key="c" className="text-blue-700 underline dark:text-blue-300" href={`/campaigns/${encodeURIComponent(call.campaign.id)}`}>{call.campaign.name ?? call.campaign.id}</Link> : dash],
              ["Campaign id", <span key="i" className="font-mono text-xs break-all">{call.campaign?.id ?? "—"}</span>],
              ["Interest reached", <YesNo key="r" value={call.interested.reached} />],
              ["Interest criterion", show(call.interested.description)],
              ["Called from", call.phoneFrom ? <span key="f" className="font-mono">{call.phoneFrom}</span> : dash],
              ["Test call", call.isTestCall ? "Yes" : "No"],
            ]}
          />
        </SectionCard>
      </div>

      {notUnderstood.length > 0 && (
        <SectionCard title="Sent but not understood" id="not-understood">
          <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">
            Voxia sent these fields in a shape this version cannot read. They are kept exactly as sent and are not used anywhere else on this page.
          </p>
          <FieldList fields={notUnderstood.map(([path, value]) => [path, <JsonValue key={path} value={value} />] as [string, React.ReactNode])} />
        </SectionCard>
      )}

      <SectionCard title="Key questions" id="key-questions">
        <KeyQuestionsTable questions={call.keyQuestions} />
      </SectionCard>

      <div className="grid gap-4 lg:grid-cols-5">
        <SectionCard title="Transcript" id="transcript" className="lg:col-span-3">
          <TranscriptView transcript={call.transcript} contactName={call.contact.name} />
        </SectionCard>
        <div className="space-y-4 lg:col-span-2">
          <SectionCard title="Events" id="events">
            <CallEventsList events={call.events} />
          </SectionCard>
          <SectionCard title={`Webhook deliveries (${call.deliveries.length})`} id="deliveries">
            <Suspense fallback={<div role="status" aria-label="Loading deliveries" className="h-24 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />}>
              <DeliveriesTimeline callId={call.id} deliveries={call.deliveries} showBodies={!view.maskPhones} />
            </Suspense>
          </SectionCard>
        </div>
      </div>

      <SectionCard title="Other fields" id="other">
        <FieldList
          fields={[
            ["Call id", <span key="id" className="font-mono text-xs break-all">{call.id}</span>],
            ["Organization id", show(call.organizationId)],
            ["Twilio account SID", show(call.twilio.accountSid)],
            ["Twilio call session", show(call.twilio.callSessionId)],
            ["Session id", show(call.sessionId)],
            ["Webhook URL", call.webhookUrl ? show(redactUrlSecrets(call.webhookUrl)) : dash],
            ["Slack URL", call.slackUrl ? show(redactUrlSecrets(call.slackUrl)) : dash],
            ["Selected triggers (webhookEvents)", <JsonValue key="we" value={call.webhookEvents} />],
            ["webhookStatuses", <JsonValue key="ws" value={call.webhookStatuses} />],
            ["First received", <LocalTime key="fr" iso={call.firstReceivedAt} />],
            ["Last received", <LocalTime key="lr" iso={call.lastReceivedAt} />],
            ...(!isEmpty(call.conversationFlow) ? [["conversationFlow", <JsonValue key="cf" value={call.conversationFlow} />] as [string, React.ReactNode]] : []),
            ...(!isEmpty(call.variables) ? [["variables (older format)", <JsonValue key="v" value={call.variables} />] as [string, React.ReactNode]] : []),
            ...(!isEmpty(call.extra) ? [["Fields this version does not know", <JsonValue key="x" value={call.extra} />] as [string, React.ReactNode]] : []),
          ]}
        />
      </SectionCard>
    </div>
  );
}

// The contact's page and the do-not-call warning, behind their own boundary like the step links.
async function CallContact({ callId }: { callId: string }) {
  const found = await getCallContact(callId);
  if (!found) return null;
  const others = found.callCount - 1;
  return (
    <div className="space-y-2">
      <SuppressionBanner entries={found.suppression} />
      {found.contactId && (
        <p className="text-sm">
          <Link href={`/contacts/${encodeURIComponent(found.contactId)}`} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300" data-contact-link>
            {others > 0 ? `${others.toLocaleString("en-US")} other ${others === 1 ? "call" : "calls"} with this contact` : "Contact"}
          </Link>
        </p>
      )}
    </div>
  );
}

// Everything above this boundary is one primary-key read, so an unknown id is a real HTTP 404 (the
// status is fixed once streaming starts); the slower parts stream in behind Suspense.
async function StepLinks({ filters, call, suffix }: { filters: CallFilters; call: CallCursor; suffix: string }) {
  const adjacent = await getAdjacentCalls(filters, call);
  return (
    <div className="flex gap-2">
      <StepLink id={adjacent.newerId} suffix={suffix} label="‹ Newer call" />
      <StepLink id={adjacent.olderId} suffix={suffix} label="Older call ›" />
    </div>
  );
}

function StepLink({ id, suffix, label }: { id: string | null; suffix: string; label: string }) {
  const className = "rounded-md border px-3 py-1.5";
  if (!id) return <span aria-disabled className={`${className} border-slate-200 text-slate-400 dark:border-slate-800 dark:text-slate-600`}>{label}</span>;
  return <Link href={`/calls/${encodeURIComponent(id)}${suffix}`} className={`${className} border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800`}>{label}</Link>;
}
