// Connect (/settings/webhook): the URL to paste into Voxia, how to add it there, and whether
// deliveries arrive (newest accepted and refused requests).
import { LiveRefresh } from "@/components/live/live-refresh";
import Link from "next/link";
import { headers } from "next/headers";
import { Suspense } from "react";
import { webhookSecret } from "@/lib/ingest/webhook-auth";
import { listRecentDeliveries } from "@/lib/connect/list-recent-deliveries";
import { listRejectedRequests } from "@/lib/connect/list-rejected-requests";
import { listRejectionCounts } from "@/lib/connect/list-rejection-counts";
import { requestLocale } from "@/lib/dashboard/request-locale";
import { requestOrigin, webhookUrlFor } from "@/lib/connect/webhook-url";
import { LocalTime } from "@/components/local-time";
import { CopyButton } from "@/components/connect/copy-button";
import { SendExampleForm } from "@/components/connect/send-example-form";
import { Panel } from "@/components/dashboard/panel";
import { ChartSkeleton } from "@/components/dashboard/skeletons";
import { sendPublishedExample } from "./actions";
import { requireViewer } from "@/lib/auth/require-viewer";
import { SecurityWarnings } from "@/components/security-warnings";

export const dynamic = "force-dynamic";
export const metadata = { title: "Connect Voxia" };

const VOXIA_TRIGGERS = [
  "DIALING", "CONNECTED", "HANG_UP", "FAILED", "COULD_NOT_CONNECT:BUSY", "COULD_NOT_CONNECT:NO_ANSWER",
  "POST_PROCESSING_FINISHED:*", "FORWARDED", "FORWARDED_CALL_FINISHED",
];

export default async function ConnectPage() {
  await requireViewer();
  const secret = webhookSecret();
  const url = webhookUrlFor(requestOrigin(await headers()), secret);
  const locale = await requestLocale();

  return (
    <div className="space-y-6">
      <div>
        <div className="flex items-baseline gap-3">
          <h1 className="text-xl font-semibold">Connect Voxia</h1>
          <LiveRefresh types={["call.created", "call.updated"]} everyMs={1000} />
        </div>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Voxia sends a webhook for each call as it progresses. Give it this address and calls appear here as they happen.
        </p>
      </div>

      <SecurityWarnings />

      <Panel title="Webhook URL" description="Paste this exact address into Voxia.">
        <div className="flex flex-wrap items-center gap-2">
          <code data-webhook-url className="min-w-0 flex-1 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-sm break-all select-all dark:border-slate-700 dark:bg-slate-950">
            {url}
          </code>
          <CopyButton text={url} label="Copy URL" />
        </div>
        {secret ? (
          <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
            The URL carries your <code className="font-mono">WEBHOOK_SECRET</code> as <code className="font-mono">?token=</code> (Voxia
            lets you enter only a URL). Requests without it are refused with 401 and listed below. Treat this URL like a password.
          </p>
        ) : (
          <p role="note" className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200">
            <strong>No secret is set: anyone who can reach this server can post calls to it.</strong> Set{" "}
            <code className="font-mono">WEBHOOK_SECRET</code> in the server&apos;s environment and restart; the URL above will then include{" "}
            <code className="font-mono">?token=…</code>.
          </p>
        )}
        {url.startsWith("http://localhost") || url.startsWith("http://127.") ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            This address is only reachable from this machine. Voxia calls from the internet: open this page through the public
            address (or proxy) Voxia will use, and the URL above follows it.
          </p>
        ) : null}
      </Panel>

      <Panel title="Add it in Voxia">
        <ol className="list-decimal space-y-2 pl-5 text-sm">
          <li>In Voxia, open the <strong>settings of the campaign</strong> and scroll to the bottom.</li>
          <li>Click <strong>Add Webhook URL</strong> and paste the URL above.</li>
          <li>
            <strong>Select the triggers</strong> (call statuses) to receive. Select them all to follow each call from dialing to its
            outcome: <span className="break-words text-slate-600 dark:text-slate-400">{VOXIA_TRIGGERS.join(", ")}</span>. At least the{" "}
            <code className="font-mono">POST_PROCESSING_FINISHED</code> ones carry the outcome, transcript and key-question answers.
          </li>
          <li><strong>Save.</strong> Repeat for every campaign: Voxia keeps one webhook URL per campaign.</li>
        </ol>
      </Panel>

      <Panel title="Try it" description="Stores Voxia's own published example through the same code path as a real delivery.">
        <SendExampleForm action={sendPublishedExample} />
      </Panel>

      <div className="grid gap-6 lg:grid-cols-2">
        <Suspense fallback={<ChartSkeleton title="Recent deliveries" height="h-40" />}>
          <RecentDeliveries />
        </Suspense>
        <Suspense fallback={<ChartSkeleton title="Refused requests" height="h-40" />}>
          <Rejections locale={locale} />
        </Suspense>
      </div>
    </div>
  );
}

async function RecentDeliveries() {
  const deliveries = await listRecentDeliveries(20);
  return (
    <Panel title="Recent deliveries" description="The newest webhooks accepted, newest first.">
      {deliveries.length === 0 ? (
        <p className="py-4 text-sm text-slate-500 dark:text-slate-400">Nothing received yet. Once Voxia is set up, each delivery is listed here.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Recent deliveries</caption>
            <thead className="text-xs text-slate-500 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Received</th>
                <th scope="col" className="py-1 pr-3 font-medium">Event</th>
                <th scope="col" className="py-1 font-medium">Call</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} data-delivery={d.id} className="border-t border-slate-200 dark:border-slate-800">
                  <td className="py-1.5 pr-3 whitespace-nowrap"><LocalTime iso={d.receivedAt.toISOString()} /></td>
                  <td className="py-1.5 pr-3 font-mono text-xs break-all">{d.webhookEvent ?? "—"}</td>
                  <td className="py-1.5">
                    <Link className="font-mono text-xs break-all underline" href={`/calls/${encodeURIComponent(d.callId)}`}>{d.callId}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

async function Rejections({ locale }: { locale?: string }) {
  const [counts, recent] = await Promise.all([listRejectionCounts(), listRejectedRequests(20)]);
  const number = new Intl.NumberFormat(locale);
  return (
    <Panel title="Refused requests" description="Requests the webhook answered with an error, so a misconfigured sender shows up here.">
      {counts.length === 0 ? (
        <p className="py-4 text-sm text-slate-500 dark:text-slate-400">No request has been refused.</p>
      ) : (
        <>
          <ul aria-label="Refusals per reason" className="flex flex-wrap gap-2 text-sm">
            {counts.map((c) => (
              <li key={c.code} data-rejection-code={c.code} data-count={c.count} className="rounded-md border border-slate-200 px-2 py-1 dark:border-slate-700">
                <span className="font-mono text-xs">{c.code}</span> <span className="font-semibold tabular-nums">{number.format(c.count)}</span>
                <span className="block text-xs text-slate-500 dark:text-slate-400">last <LocalTime iso={c.lastAt.toISOString()} /></span>
              </li>
            ))}
          </ul>
          <h3 className="mt-4 text-sm font-medium">Most recent</h3>
          <ul className="mt-1 space-y-2 text-sm">
            {recent.map((r) => (
              <li key={r.id} data-rejected-request={r.code} className="border-t border-slate-200 pt-2 dark:border-slate-800">
                <p>
                  <span className="font-mono text-xs">{r.httpStatus} {r.code}</span> ·{" "}
                  <span className="text-slate-600 dark:text-slate-400"><LocalTime iso={r.receivedAt.toISOString()} /></span>
                </p>
                <p className="break-words">{r.message}</p>
                {r.bodyExcerpt ? (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-xs text-slate-600 dark:text-slate-400">
                      Body{r.bodyBytes !== null ? ` (${number.format(r.bodyBytes)} bytes)` : ""}
                    </summary>
                    <pre className="mt-1 max-h-48 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs whitespace-pre-wrap break-all dark:bg-slate-950">{r.bodyExcerpt}</pre>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  );
}
