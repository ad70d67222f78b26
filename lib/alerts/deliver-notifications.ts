// Delivers the alert outbox. Each notification is claimed with FOR UPDATE SKIP LOCKED and leased, so
// two instances never send the same one; each attempt is logged with its outcome. A failure is retried after CALLBOARD_ALERT_RETRY_SECONDS, doubling each time, until
// CALLBOARD_ALERT_MAX_ATTEMPTS; a refused URL (not public) is not retried: only a setting fixes it.
import { inTransaction } from "@/lib/db/pg-transaction";
import type { AlertSettings } from "./alert-settings";
import { KIND_TITLES, type AlertKind } from "./alert-kinds";
import { sendNotification } from "./send-notification";

const PER_ROUND = 20;

type Pending = { id: string; alert_id: string; attempts: number; kind: string; title: string; state: string; details: unknown; call_id: string | null; campaign_id: string | null; opened_at: Date };

// Slack's mrkdwn reads <, > and & as markup: a title is escaped so that it shows as written.
const slackEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function notificationBody(alert: Pending, settings: Pick<AlertSettings, "webhookFormat" | "publicUrl">): string {
  const kindTitle = KIND_TITLES[alert.kind as AlertKind] ?? alert.kind;
  const link = alert.call_id ? `/calls/${encodeURIComponent(alert.call_id)}` : alert.campaign_id ? `/campaigns/${encodeURIComponent(alert.campaign_id)}` : "/settings/webhook";
  // With CALLBOARD_PUBLIC_URL the links open from Slack or a receiver; without it they are paths.
  const absolute = (path: string) => (settings.publicUrl ? new URL(path.slice(1), settings.publicUrl).href : null);
  if (settings.webhookFormat === "slack") {
    const text = `Callboard alert – ${slackEscape(kindTitle)}: ${slackEscape(alert.title)}`;
    const [alertsUrl, url] = [absolute("/alerts"), absolute(link)];
    return JSON.stringify({ text: alertsUrl && url ? `${text} (<${url}|open>, <${alertsUrl}|all alerts>)` : `${text} (see /alerts, ${link})` });
  }
  return JSON.stringify({
    alert: {
      id: alert.alert_id, kind: alert.kind, title: alert.title, state: alert.state, details: alert.details, callId: alert.call_id, campaignId: alert.campaign_id,
      openedAt: alert.opened_at.toISOString(), link, url: absolute(link),
    },
  });
}

// A claimed notification is leased for longer than one attempt can take (10 s timeout): no other
// instance takes it meanwhile, and if this one dies mid-send it is tried again once the lease ends.
const LEASE_SECONDS = 60;

export async function deliverNotifications(settings: AlertSettings): Promise<number> {
  if (!settings.webhookUrl) return 0;
  let sent = 0;
  for (let i = 0; i < PER_ROUND; i++) {
    // Claimed in a short transaction and sent outside any: a slow receiver must not hold a database
    // connection (the embedded database has only one).
    const [next] = await inTransaction((sql) =>
      sql.query<Pending>(
        `WITH claimed AS (
           SELECT n.id FROM alert_notifications n
           WHERE n.state = 'pending' AND n.next_attempt_at <= now()
           ORDER BY n.next_attempt_at, n.id
           LIMIT 1
           FOR UPDATE SKIP LOCKED
         ),
         leased AS (
           UPDATE alert_notifications n SET next_attempt_at = now() + make_interval(secs => $1::float8)
           FROM claimed WHERE n.id = claimed.id
           RETURNING n.id, n.alert_id, n.attempts
         )
         SELECT l.id::text, l.alert_id::text, l.attempts, a.kind, a.title, a.state, a.details, a.call_id, a.campaign_id, a.opened_at
         FROM leased l JOIN alerts a ON a.id = l.alert_id`,
        [LEASE_SECONDS],
      ),
    );
    if (!next) break;
    const result = await sendNotification(settings.webhookUrl, notificationBody(next, settings), settings.allowPrivateUrls);
    const attempts = next.attempts + 1;
    const state = result.outcome === "delivered" ? "delivered" : result.outcome === "refused" ? "refused" : attempts >= settings.maxAttempts ? "failed" : "pending";
    await inTransaction(async (sql) => {
      await sql.execute(
        `INSERT INTO alert_delivery_attempts (notification_id, alert_id, host, outcome, http_status, error) VALUES ($1, $2, $3, $4, $5, $6)`,
        [next.id, next.alert_id, result.host, result.outcome, "httpStatus" in result ? result.httpStatus : null, "error" in result ? result.error.slice(0, 500) : null],
      );
      await sql.execute(
        `UPDATE alert_notifications SET attempts = $2, state = $3, next_attempt_at = now() + make_interval(secs => $4::float8) WHERE id = $1`,
        [next.id, attempts, state, settings.retrySeconds * 2 ** (attempts - 1)],
      );
    });
    if (result.outcome !== "delivered") console.warn(`[alerts] notification ${next.id} to ${result.host ?? "?"}: ${result.outcome} (${"error" in result ? result.error : ""})`);
    sent++;
  }
  return sent;
}
