// The alert checker: every CALLBOARD_ALERT_CHECK_SECONDS each instance tries one round. A round runs
// under a transaction-level advisory lock (an instance that does not get it skips the round: another
// is checking), opens what is missing, resolves what arrived, and writes each new alert's outbox row
// and live event in the same transaction. The unique index on (kind, key) WHERE state <> 'resolved'
// makes a second opening of the same thing a no-op even without the lock. Then the outbox is
// delivered (lib/alerts/deliver-notifications.ts).
import { inTransaction, type SqlRunner } from "@/lib/db/pg-transaction";
import { schemaState } from "@/lib/db/schema-state";
import { appendLiveEvents, announceCommitted, type LiveEvent } from "@/lib/live/live-events";
import { alertSettings, type AlertSettings } from "./alert-settings";
import { deliverNotifications } from "./deliver-notifications";

// Any constant, distinct from the other advisory locks of the app.
const ALERT_ROUND_LOCK = 7_305_002;
/** At most this many post-processing alerts open per round: a backlog is news once, not 10,000 rows at a time. */
const MAX_OPENED_PER_ROUND = 200;

type Row = { id: string; kind: string; state: string };

const TRIGGER_SELECTED = `EXISTS (
  SELECT 1 FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(c.webhook_events) = 'array' THEN c.webhook_events ELSE '[]'::jsonb END) AS t(trigger)
  WHERE t.trigger LIKE 'POST_PROCESSING_FINISHED%')`;

async function openPostProcessingMissing(sql: SqlRunner, s: AlertSettings): Promise<Row[]> {
  // Not again for a call whose alert someone resolved by hand: only a new delivery makes it news again.
  return sql.query<Row>(
    `INSERT INTO alerts (kind, key, title, details, call_id, campaign_id)
     SELECT 'post_processing_missing', c.id,
            'No post-processing for call ' || c.id,
            jsonb_build_object('stage', c.webhook_event, 'lastDeliveryAt', c.last_received_at, 'campaignName', c.campaign_name, 'minutes', $1::float8),
            c.id, c.campaign_id
     FROM calls c
     WHERE c.webhook_event IN ('HANG_UP', 'FAILED')
       AND c.last_received_at < now() - make_interval(secs => $1::float8 * 60)
       AND c.last_received_at > now() - interval '24 hours'
       AND ${TRIGGER_SELECTED}
       AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.kind = 'post_processing_missing' AND a.key = c.id AND a.opened_at > c.last_received_at)
     ORDER BY c.last_received_at
     LIMIT $2
     ON CONFLICT (kind, key) WHERE state <> 'resolved' DO NOTHING
     RETURNING id::text, kind, state`,
    [s.postProcessingMinutes, MAX_OPENED_PER_ROUND],
  );
}

async function resolvePostProcessingMissing(sql: SqlRunner): Promise<Row[]> {
  return sql.query<Row>(
    `UPDATE alerts a SET state = 'resolved', resolved_at = now(), resolved_by = NULL
     FROM calls c
     WHERE a.kind = 'post_processing_missing' AND a.state <> 'resolved' AND c.id = a.key
       AND c.webhook_event IS DISTINCT FROM 'HANG_UP' AND c.webhook_event IS DISTINCT FROM 'FAILED'
     RETURNING a.id::text, a.kind, a.state`,
    [],
  );
}

// Each campaign's last delivery, read per campaign from (campaign_id, last_received_at desc).
const CAMPAIGN_LAST = `SELECT cp.id, cp.name,
    (SELECT c.last_received_at FROM calls c WHERE c.campaign_id = cp.id ORDER BY c.last_received_at DESC LIMIT 1) AS last_at
  FROM campaigns cp`;

async function openCampaignSilent(sql: SqlRunner, s: AlertSettings): Promise<Row[]> {
  return sql.query<Row>(
    `WITH last AS (${CAMPAIGN_LAST}),
     silent AS (
       SELECT l.id, l.name, l.last_at,
              (SELECT count(*) FROM calls c WHERE c.campaign_id = l.id AND c.last_received_at > l.last_at - interval '24 hours') AS traffic
       FROM last l
       WHERE l.last_at < now() - make_interval(secs => $1::float8 * 3600)
         AND l.last_at > now() - interval '24 hours'
     )
     INSERT INTO alerts (kind, key, title, details, campaign_id)
     SELECT 'campaign_silent', s.id,
            'Campaign ' || coalesce(s.name, s.id) || ' has gone silent',
            jsonb_build_object('lastDeliveryAt', s.last_at, 'callsBefore', s.traffic, 'hours', $1::float8, 'campaignName', s.name),
            s.id
     FROM silent s
     WHERE s.traffic >= $2
       AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.kind = 'campaign_silent' AND a.key = s.id AND a.opened_at > s.last_at)
     ON CONFLICT (kind, key) WHERE state <> 'resolved' DO NOTHING
     RETURNING id::text, kind, state`,
    [s.silentHours, s.silentMinCalls],
  );
}

async function resolveCampaignSilent(sql: SqlRunner): Promise<Row[]> {
  return sql.query<Row>(
    `UPDATE alerts a SET state = 'resolved', resolved_at = now(), resolved_by = NULL
     WHERE a.kind = 'campaign_silent' AND a.state <> 'resolved'
       AND EXISTS (SELECT 1 FROM calls c WHERE c.campaign_id = a.key AND c.last_received_at > (a.details->>'lastDeliveryAt')::timestamptz)
     RETURNING a.id::text, a.kind, a.state`,
    [],
  );
}

const REFUSED_KEY = "webhook";

async function openWebhooksRefused(sql: SqlRunner, s: AlertSettings): Promise<Row[]> {
  // Counted from the later of the window's start and the last refused-webhooks alert's resolution: a
  // burst already alerted and resolved is not counted again.
  return sql.query<Row>(
    `WITH since AS (
       SELECT greatest(now() - make_interval(secs => $1::float8 * 60),
                       (SELECT max(coalesce(resolved_at, opened_at)) FROM alerts WHERE kind = 'webhooks_refused')) AS at
     ),
     burst AS (
       SELECT r.code, count(*) AS n FROM rejected_requests r, since WHERE r.received_at > coalesce(since.at, '-infinity') GROUP BY r.code
     )
     INSERT INTO alerts (kind, key, title, details)
     SELECT 'webhooks_refused', '${REFUSED_KEY}',
            sum(n) || ' webhook requests refused in ' || $1::float8 || ' minutes',
            jsonb_build_object('codes', jsonb_object_agg(code, n), 'count', sum(n), 'minutes', $1::float8, 'since', (SELECT at FROM since))
     FROM burst
     HAVING sum(n) >= $2
     ON CONFLICT (kind, key) WHERE state <> 'resolved' DO NOTHING
     RETURNING id::text, kind, state`,
    [s.refusedMinutes, s.refusedCount],
  );
}

async function resolveWebhooksRefused(sql: SqlRunner, s: AlertSettings): Promise<Row[]> {
  return sql.query<Row>(
    `WITH last_refused AS (SELECT max(received_at) AS at FROM rejected_requests),
     last_accepted AS (
       SELECT greatest((SELECT max(l.last_at) FROM (${CAMPAIGN_LAST}) l),
                       (SELECT c.last_received_at FROM calls c WHERE c.campaign_id IS NULL ORDER BY c.last_received_at DESC LIMIT 1)) AS at
     )
     UPDATE alerts a SET state = 'resolved', resolved_at = now(), resolved_by = NULL
     FROM last_refused r, last_accepted d
     WHERE a.kind = 'webhooks_refused' AND a.state <> 'resolved'
       AND d.at > r.at
       AND r.at < now() - make_interval(secs => $1::float8 * 60)
     RETURNING a.id::text, a.kind, a.state`,
    [s.refusedMinutes],
  );
}

/** One round. Returns false when another instance holds the round's lock. */
export async function checkAlertsOnce(settings: AlertSettings = alertSettings()): Promise<boolean> {
  const ran = await inTransaction(async (sql) => {
    const [lock] = await sql.query<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [ALERT_ROUND_LOCK]);
    if (!lock?.locked) return null;
    const resolved = [...(await resolvePostProcessingMissing(sql)), ...(await resolveCampaignSilent(sql)), ...(await resolveWebhooksRefused(sql, settings))];
    const opened = [
      ...(await openPostProcessingMissing(sql, settings)),
      ...(await openCampaignSilent(sql, settings)),
      ...(await openWebhooksRefused(sql, settings)),
    ];
    if (opened.length > 0 && settings.webhookUrl) {
      await sql.execute(`INSERT INTO alert_notifications (alert_id) SELECT unnest($1::bigint[])`, [opened.map((r) => r.id)]);
    }
    const events: LiveEvent[] = [
      ...opened.map((r): LiveEvent => ({ type: "alert.opened", alertId: r.id, kind: r.kind, state: r.state })),
      ...resolved.map((r): LiveEvent => ({ type: "alert.changed", alertId: r.id, kind: r.kind, state: r.state })),
    ];
    await appendLiveEvents(sql, events);
    return events.length;
  });
  if (ran === null) return false;
  if (ran > 0) announceCommitted();
  return true;
}

const globalForAlerts = globalThis as unknown as { callboardAlertChecker?: NodeJS.Timeout };

/** Started once per server instance (instrumentation.ts). */
export function startAlertChecker(): void {
  if (globalForAlerts.callboardAlertChecker) return;
  const settings = alertSettings();
  if (settings.publicUrlProblem) console.warn(`[alerts] ${settings.publicUrlProblem}`);
  const round = async () => {
    try {
      if (schemaState().status === "ready") {
        await checkAlertsOnce(settings);
        await deliverNotifications(settings);
      }
    } catch (error) {
      console.warn(`[alerts] check failed: ${(error as Error).message}`);
    } finally {
      globalForAlerts.callboardAlertChecker = setTimeout(() => void round(), settings.checkSeconds * 1000);
      globalForAlerts.callboardAlertChecker.unref();
    }
  };
  globalForAlerts.callboardAlertChecker = setTimeout(() => void round(), settings.checkSeconds * 1000);
  globalForAlerts.callboardAlertChecker.unref();
}
