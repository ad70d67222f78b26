-- live_events: the log of committed changes that GET /api/events streams (lib/live/live-events.ts).
-- Each row is written in the transaction that makes the change, after every other write of it and
-- under one advisory lock, so ids become visible in commit order: a reader that has seen id N has
-- seen every event below it, and a stream resumes from Last-Event-ID by reading `id > N`.
-- Rows older than a day are deleted (lib/live/live-hub.ts): a stream can resume up to 24 hours back.
CREATE TABLE "live_events" (
    "id" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "live_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "live_events_created_at_idx" ON "live_events" ("created_at");

-- The Live view (app/live): calls whose latest stage is still in progress, newest delivery first.
CREATE INDEX "calls_in_progress_idx" ON "calls" ("last_received_at" DESC, "id")
    WHERE "webhook_event" IN ('DIALING', 'CONNECTED', 'FORWARDED');
