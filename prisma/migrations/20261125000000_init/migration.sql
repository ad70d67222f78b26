-- Callboard's initial schema, written by hand to match prisma/schema.prisma.

CREATE TABLE "campaigns" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "last_call_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "contacts" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "phone_number" TEXT,
    "data" JSONB,
    "last_call_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "contacts_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "calls" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT,
    "contact_id" TEXT,
    "contact_name" TEXT,
    "contact_phone" TEXT,
    "contact_data" JSONB,
    "status" TEXT,
    "call_status" TEXT,
    "post_process_status" TEXT,
    "hang_up_reason" TEXT,
    "webhook_event" TEXT,
    "stage_rank" INTEGER NOT NULL,
    "duration" DOUBLE PRECISION,
    "total_duration" DOUBLE PRECISION,
    "call_me_later" BOOLEAN,
    "do_not_call" BOOLEAN,
    "wrong_number" BOOLEAN,
    "interested_reached" BOOLEAN,
    "interested_description" TEXT,
    "is_test_call" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "phone_from" TEXT,
    "organization_id" TEXT,
    "twilio_account_sid" TEXT,
    "twilio_call_session_id" TEXT,
    "session_id" TEXT,
    "webhook_url" TEXT,
    "slack_url" TEXT,
    "webhook_events" JSONB,
    "webhook_statuses" JSONB,
    "transcript" JSONB,
    "transcript_text" TEXT,
    "summary" JSONB,
    "conversation_flow" JSONB,
    "variables" JSONB,
    "extra" JSONB,
    "delivery_count" INTEGER NOT NULL,
    "first_received_at" TIMESTAMPTZ(3) NOT NULL,
    "last_received_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "calls_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "call_answers" (
    "call_id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "campaign_id" TEXT,
    "type" TEXT,
    "value" JSONB,
    "value_text" TEXT,
    "position" INTEGER,
    "description" TEXT,
    "options" JSONB,
    CONSTRAINT "call_answers_pkey" PRIMARY KEY ("call_id","label")
);

CREATE TABLE "call_events" (
    "call_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "type" TEXT,
    "data" JSONB,
    CONSTRAINT "call_events_pkey" PRIMARY KEY ("call_id","position")
);

CREATE TABLE "deliveries" (
    "id" BIGSERIAL NOT NULL,
    "call_id" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "body" BYTEA NOT NULL,
    "webhook_event" TEXT,
    "content_type" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "deliveries_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "rejected_requests" (
    "id" BIGSERIAL NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "http_status" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "content_type" TEXT,
    "body_excerpt" TEXT,
    "body_bytes" INTEGER,
    CONSTRAINT "rejected_requests_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "rejection_counts" (
    "code" TEXT NOT NULL,
    "count" BIGINT NOT NULL,
    "last_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "rejection_counts_pkey" PRIMARY KEY ("code")
);

CREATE INDEX "calls_created_at_id_idx" ON "calls"("created_at" DESC, "id" DESC);
CREATE INDEX "calls_campaign_id_created_at_idx" ON "calls"("campaign_id", "created_at" DESC);
CREATE INDEX "calls_status_created_at_idx" ON "calls"("status", "created_at" DESC);
CREATE INDEX "call_answers_campaign_id_label_idx" ON "call_answers"("campaign_id", "label");
CREATE INDEX "call_events_type_idx" ON "call_events"("type");
CREATE UNIQUE INDEX "deliveries_sha256_key" ON "deliveries"("sha256");
CREATE INDEX "deliveries_call_id_idx" ON "deliveries"("call_id");
CREATE INDEX "deliveries_received_at_idx" ON "deliveries"("received_at" DESC);
CREATE INDEX "rejected_requests_received_at_idx" ON "rejected_requests"("received_at" DESC);

ALTER TABLE "calls" ADD CONSTRAINT "calls_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "calls" ADD CONSTRAINT "calls_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "call_answers" ADD CONSTRAINT "call_answers_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "call_events" ADD CONSTRAINT "call_events_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;
