// /alerts – what should have happened and did not: calls whose post-processing never came, campaigns
// gone silent, bursts of refused webhooks. Open → acknowledged → resolved; members act on them,
// everyone can read them. Admins also see the notification delivery log.
import Link from "next/link";
import { LiveRefresh } from "@/components/live/live-refresh";
import { LocalTime } from "@/components/local-time";
import { AlertActions } from "@/components/alerts/alert-actions";
import { requireViewer } from "@/lib/auth/require-viewer";
import { hasRole } from "@/lib/auth/viewer";
import { ALERT_STATES, isAlertState, KIND_TITLES, type AlertKind, type AlertState } from "@/lib/alerts/alert-kinds";
import { countAlerts, decodeAlertCursor, listAlerts, listDeliveries, type AlertJson } from "@/lib/alerts/list-alerts";
import { KeysetPagination } from "@/components/keyset-pagination";
import { alertSettings } from "@/lib/alerts/alert-settings";

export const dynamic = "force-dynamic";
export const metadata = { title: "Alerts" };

const STATE_TITLES: Record<AlertState, string> = { open: "Open", acknowledged: "Acknowledged", resolved: "Resolved" };
const LINK = "text-blue-700 underline dark:text-blue-300";

export default async function AlertsPage({ searchParams }: PageProps<"/alerts">) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const state: AlertState = isAlertState(params.state) ? params.state : "open";
  const isAdmin = hasRole(viewer, "admin");
  const cursor = typeof params.cursor === "string" ? decodeAlertCursor(params.cursor) : null;
  const before = !cursor && typeof params.before === "string" ? decodeAlertCursor(params.before) : null;
  const [current, counts, deliveries] = await Promise.all([
    listAlerts(state, { cursor, before }),
    Promise.all(ALERT_STATES.map(countAlerts)),
    isAdmin ? listDeliveries(20) : Promise.resolve([]),
  ]);
  const canAct = hasRole(viewer, "member");
  const settings = alertSettings();

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-xl font-semibold">Alerts</h1>
        <LiveRefresh types={["alert.opened", "alert.changed"]} everyMs={2000} />
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Checked every {settings.checkSeconds.toLocaleString("en-US")} s by Callboard itself. Only the last 24 hours count: older calls are history, not news.
        </p>
      </div>

      <nav aria-label="States" className="flex w-fit flex-wrap gap-1 rounded-lg bg-slate-100 p-1 dark:bg-slate-800/60">
        {ALERT_STATES.map((s, i) => (
          <Link
            key={s}
            href={`/alerts?state=${s}`}
            aria-current={s === state ? "page" : undefined}
            className={`inline-flex items-center gap-2 rounded-md px-3 py-1 text-sm font-medium ${s === state ? "bg-white text-slate-900 shadow-sm dark:bg-slate-950 dark:text-white" : "text-slate-700 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"}`}
          >
            {STATE_TITLES[s]}
            <span data-state-count={s} data-count={counts[i]} className="rounded-full bg-slate-200 px-2 text-xs tabular-nums text-slate-800 dark:bg-slate-700 dark:text-slate-100">
              {counts[i]!.toLocaleString("en-US")}
            </span>
          </Link>
        ))}
      </nav>

      {current.alerts.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
          <p className="font-medium">No {STATE_TITLES[state].toLowerCase()} alerts.</p>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            {state === "open" ? "An alert opens when post-processing does not arrive, a busy campaign goes quiet, or webhooks are refused in a burst." : "Alerts move here as they are dealt with."}
          </p>
        </div>
      ) : (
        <ul className="space-y-3" aria-label={`${STATE_TITLES[state]} alerts`}>
          {current.alerts.map((alert) => (
            <li key={alert.id} data-alert-id={alert.id} data-alert-kind={alert.kind} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="space-y-1">
                  <p className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{KIND_TITLES[alert.kind as AlertKind] ?? alert.kind}</p>
                  <h2 className="font-medium">{alert.title}</h2>
                  <p className="text-sm text-slate-700 dark:text-slate-300">{describe(alert)}</p>
                  <p className="text-sm">{linkFor(alert)}</p>
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    Opened <LocalTime iso={alert.openedAt} withSeconds />
                    {alert.acknowledgedAt && <> · acknowledged by {alert.acknowledgedBy ?? "someone"} <LocalTime iso={alert.acknowledgedAt} withSeconds /></>}
                    {alert.resolvedAt && <> · {alert.resolvedBy ? <>resolved by {alert.resolvedBy}</> : "resolved itself"} <LocalTime iso={alert.resolvedAt} withSeconds /></>}
                  </p>
                </div>
                {canAct && alert.state !== "resolved" && <AlertActions id={alert.id} state={alert.state} title={alert.title} />}
              </div>
            </li>
          ))}
        </ul>
      )}
      <KeysetPagination
        path="/alerts"
        query={new URLSearchParams({ state }).toString()}
        label="Pages of alerts"
        nextCursor={current.nextCursor}
        prevCursor={current.prevCursor}
        onFirstPage={!cursor && !before}
        firstLabel="Newest"
        prevLabel="Newer"
        nextLabel="Older"
      />

      {isAdmin && (
        <section aria-labelledby="deliveries-title" className="space-y-2">
          <h2 id="deliveries-title" className="font-semibold">Notifications</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {settings.webhookUrl
              ? `Each alert opened is posted once (${settings.webhookFormat} format) to ${hostOf(settings.webhookUrl)}, retried with growing pauses when it fails.`
              : "No notification URL is set (CALLBOARD_ALERT_WEBHOOK_URL): alerts are shown here only."}
            {settings.webhookUrl && !settings.publicUrlProblem && (settings.publicUrl ? ` Links in them open ${settings.publicUrl.origin}.` : " Links in them are paths: set CALLBOARD_PUBLIC_URL for links that open.")}
          </p>
          {settings.publicUrlProblem && <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">{settings.publicUrlProblem}</p>}
          {deliveries.length > 0 && (
            <table className="w-full text-left text-sm" aria-labelledby="deliveries-title">
              <thead className="text-xs text-slate-600 dark:text-slate-400">
                <tr><th scope="col" className="py-1 pr-3">Time</th><th scope="col" className="pr-3">Alert</th><th scope="col" className="pr-3">Host</th><th scope="col" className="pr-3">Outcome</th><th scope="col">Status or error</th></tr>
              </thead>
              <tbody>
                {deliveries.map((d) => (
                  <tr key={d.id} data-delivery-outcome={d.outcome} className="border-t border-slate-200 dark:border-slate-800">
                    <td className="py-1 pr-3"><LocalTime iso={d.at} withSeconds /></td>
                    <td className="pr-3 tabular-nums">{d.alertId}</td>
                    <td className="pr-3">{d.host ?? "–"}</td>
                    <td className="pr-3">{d.outcome}</td>
                    <td>{[d.httpStatus !== null ? `HTTP ${d.httpStatus}` : null, d.error && d.error !== `HTTP ${d.httpStatus}` ? d.error : null].filter(Boolean).join(" · ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "an unreadable URL";
  }
}

/** A threshold in minutes, in words: "15 minutes", "2 hours", "3 seconds" (tests use fractions). */
function span(minutes: unknown): string {
  if (typeof minutes !== "number") return String(minutes);
  const [n, unit] = minutes >= 120 ? [minutes / 60, "hour"] : minutes >= 1 ? [minutes, "minute"] : [minutes * 60, "second"];
  const rounded = Math.round(n * 10) / 10;
  return `${rounded.toLocaleString("en-US")} ${unit}${rounded === 1 ? "" : "s"}`;
}

function number(value: unknown): string {
  return typeof value === "number" ? value.toLocaleString("en-US") : String(value);
}

/** What is missing, in words. */
function describe(alert: AlertJson): string {
  const d = alert.details;
  switch (alert.kind) {
    case "post_processing_missing":
      return `The call's last stage was ${String(d.stage)}, and its campaign asked for post-processing results, but none arrived within ${span(d.minutes)}.`;
    case "campaign_silent":
      return `${number(d.callsBefore)} calls came in the day before it stopped; nothing has arrived for ${span(typeof d.hours === "number" ? d.hours * 60 : d.hours)}.`;
    case "webhooks_refused": {
      const codes = Object.entries((d.codes ?? {}) as Record<string, number>).map(([code, n]) => `${code} × ${n}`).join(", ");
      return `Webhook requests were refused (${codes}) within ${span(d.minutes)}: a sender with a wrong token or URL, or a broken body.`;
    }
    default:
      return "";
  }
}

function linkFor(alert: AlertJson): React.ReactNode {
  if (alert.callId) return <Link className={LINK} href={`/calls/${encodeURIComponent(alert.callId)}`}>Open the call</Link>;
  if (alert.campaignId) return <Link className={LINK} href={`/campaigns/${encodeURIComponent(alert.campaignId)}`}>Open the campaign</Link>;
  return <Link className={LINK} href="/settings/webhook">Open the Connect page</Link>;
}
