-- alerts: things that should have happened and did not (lib/alerts/check-alerts.ts). At most one
-- alert per (kind, key) is not resolved at a time: the partial unique index lets every instance's
-- checker INSERT … ON CONFLICT DO NOTHING, so an alert opens (and is notified) exactly once.
CREATE TABLE "alerts" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "title" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "call_id" TEXT,
    "campaign_id" TEXT,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by" TEXT,
    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "alerts_active_kind_key_key" ON "alerts" ("kind", "key") WHERE "state" <> 'resolved';
-- The nav badge counts open alerts on every page.
CREATE INDEX "alerts_open_idx" ON "alerts" ("opened_at" DESC) WHERE "state" = 'open';
-- The checks' "already alerted since its last delivery?" and the refused burst's last resolution.
CREATE INDEX "alerts_kind_key_opened_at_idx" ON "alerts" ("kind", "key", "opened_at" DESC);
CREATE INDEX "alerts_state_opened_at_idx" ON "alerts" ("state", "opened_at" DESC, "id" DESC);

-- Notifications to CALLBOARD_ALERT_WEBHOOK_URL, written in the transaction that opens the alert.
CREATE TABLE "alert_notifications" (
    "id" BIGSERIAL NOT NULL,
    "alert_id" BIGINT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "alert_notifications_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "alert_notifications_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "alert_notifications_pending_idx" ON "alert_notifications" ("next_attempt_at") WHERE "state" = 'pending';
CREATE INDEX "alert_notifications_alert_id_idx" ON "alert_notifications" ("alert_id");

-- Each delivery attempt: the host only (a Slack URL's path is its secret), HTTP status or error.
CREATE TABLE "alert_delivery_attempts" (
    "id" BIGSERIAL NOT NULL,
    "notification_id" BIGINT NOT NULL,
    "alert_id" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "host" TEXT,
    "outcome" TEXT NOT NULL,
    "http_status" INTEGER,
    "error" TEXT,
    CONSTRAINT "alert_delivery_attempts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "alert_delivery_attempts_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "alert_notifications"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "alert_delivery_attempts_at_idx" ON "alert_delivery_attempts" ("at" DESC);
CREATE INDEX "alert_delivery_attempts_alert_id_idx" ON "alert_delivery_attempts" ("alert_id");

-- post_processing_missing: calls that hung up or failed, by their last delivery.
CREATE INDEX "calls_awaiting_post_processing_idx" ON "calls" ("last_received_at")
    WHERE "webhook_event" IN ('HANG_UP', 'FAILED');
-- campaign_silent: each campaign's deliveries by time.
CREATE INDEX "calls_campaign_last_received_at_idx" ON "calls" ("campaign_id", "last_received_at" DESC);
