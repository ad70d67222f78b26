// Delivers the alert outbox. Each notification is taken with FOR UPDATE SKIP LOCKED, so two instances
// never send the same one; it is sent while its row is locked and its attempt is logged in the same
// transaction. A failure is retried after CALLBOARD_ALERT_RETRY_SECONDS, doubling each time, until
// CALLBOARD_ALERT_MAX_ATTEMPTS; a refused URL (not public) is not retried: only a setting fixes it.
import { inTransaction } from "@/lib/db/pg-transaction";
import type { AlertSettings } from "./alert-settings";
import { KIND_TITLES, type AlertKind } from "./alert-kinds";
import { sendNotification } from "./send-notification";

const PER_ROUND = 20;

type Pending = { id: string; alert_id: string; attempts: number; kind: string; title: string; state: string; details: unknown; call_id: string | null; campaign_id: string | null; opened_at: Date };

export function notificationBody(alert: Pending, format: AlertSettings["webhookFormat"]): string {
  const kindTitle = KIND_TITLES[alert.kind as AlertKind] ?? alert.kind;
  const link = alert.call_id ? `/calls/${alert.call_id}` : alert.campaign_id ? `/campaigns/${alert.campaign_id}` : "/settings/webhook";
  if (format === "slack") return JSON.stringify({ text: `Callboard alert – ${kindTitle}: ${alert.title} (see /alerts, ${link})` });
  return JSON.stringify({
    alert: { id: alert.alert_id, kind: alert.kind, title: alert.title, state: alert.state, details: alert.details, callId: alert.call_id, campaignId: alert.campaign_id, openedAt: alert.opened_at.toISOString(), link },
  });
}

export async function deliverNotifications(settings: AlertSettings): Promise<number> {
  if (!settings.webhookUrl) return 0;
  let sent = 0;
  for (let i = 0; i < PER_ROUND; i++) {
    const done = await inTransaction(async (sql) => {
      const [next] = await sql.query<Pending>(
        `SELECT n.id::text, n.alert_id::text, n.attempts, a.kind, a.title, a.state, a.details, a.call_id, a.campaign_id, a.opened_at
         FROM alert_notifications n JOIN alerts a ON a.id = n.alert_id
         WHERE n.state = 'pending' AND n.next_attempt_at <= now()
         ORDER BY n.next_attempt_at, n.id
         LIMIT 1
         FOR UPDATE OF n SKIP LOCKED`,
        [],
      );
      if (!next) return false;
      const result = await sendNotification(settings.webhookUrl!, notificationBody(next, settings.webhookFormat), settings.allowPrivateUrls);
      const attempts = next.attempts + 1;
      await sql.execute(
        `INSERT INTO alert_delivery_attempts (notification_id, alert_id, host, outcome, http_status, error) VALUES ($1, $2, $3, $4, $5, $6)`,
        [next.id, next.alert_id, result.host, result.outcome, "httpStatus" in result ? result.httpStatus : null, "error" in result ? result.error.slice(0, 500) : null],
      );
      const state = result.outcome === "delivered" ? "delivered" : result.outcome === "refused" ? "refused" : attempts >= settings.maxAttempts ? "failed" : "pending";
      await sql.execute(
        `UPDATE alert_notifications SET attempts = $2, state = $3, next_attempt_at = now() + make_interval(secs => $4::float8) WHERE id = $1`,
        [next.id, attempts, state, settings.retrySeconds * 2 ** (attempts - 1)],
      );
      if (result.outcome !== "delivered") console.warn(`[alerts] notification ${next.id} to ${result.host ?? "?"}: ${result.outcome} (${"error" in result ? result.error : ""})`);
      return true;
    });
    if (!done) break;
    sent++;
  }
  return sent;
}
