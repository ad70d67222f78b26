-- Queries that stay fast at millions of calls (docs/performance.md has the plans).

-- Trigram indexes serve the `q` search (ILIKE '%…%' on name, phone and transcript) without a scan.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Every list is ordered (created_at DESC, id DESC) and paged by that keyset, so each filter's index
-- ends with both columns: the first page and every later page are a short index range.
DROP INDEX "calls_campaign_id_created_at_idx";
DROP INDEX "calls_status_created_at_idx";
CREATE INDEX "calls_campaign_id_created_at_id_idx" ON "calls"("campaign_id", "created_at" DESC, "id" DESC);
CREATE INDEX "calls_status_created_at_id_idx" ON "calls"("status", "created_at" DESC, "id" DESC);
CREATE INDEX "calls_call_status_created_at_id_idx" ON "calls"("call_status", "created_at" DESC, "id" DESC);
-- test=exclude is on every default view; test=only lists the few test calls.
CREATE INDEX "calls_is_test_call_created_at_id_idx" ON "calls"("is_test_call", "created_at" DESC, "id" DESC);
CREATE INDEX "calls_transcript_text_trgm_idx" ON "calls" USING GIN ("transcript_text" gin_trgm_ops);
CREATE INDEX "calls_contact_name_trgm_idx" ON "calls" USING GIN ("contact_name" gin_trgm_ops);
CREATE INDEX "calls_contact_phone_trgm_idx" ON "calls" USING GIN ("contact_phone" gin_trgm_ops);

-- Exact aggregates per UTC day × campaign × status × callStatus × test flag, kept in step with `calls`
-- by the ingest transaction (lib/rollups/apply-rollup-delta.ts), so overview and stats figures never
-- scan the calls table. Sums are NUMERIC so adding and subtracting a call's duration is exact.
CREATE TABLE "call_rollups" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "campaign_id" TEXT,
    "status" TEXT,
    "call_status" TEXT,
    "is_test_call" BOOLEAN NOT NULL,
    "calls" BIGINT NOT NULL,
    "duration_sum" NUMERIC NOT NULL,
    "duration_count" BIGINT NOT NULL,
    "total_duration_sum" NUMERIC NOT NULL,
    "interested" BIGINT NOT NULL,
    "call_me_later" BIGINT NOT NULL,
    "do_not_call" BIGINT NOT NULL,
    "wrong_number" BIGINT NOT NULL,
    CONSTRAINT "call_rollups_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "call_rollups_key" UNIQUE NULLS NOT DISTINCT ("day", "campaign_id", "status", "call_status", "is_test_call")
);

-- Calls stored before this migration.
INSERT INTO "call_rollups" ("day", "campaign_id", "status", "call_status", "is_test_call", "calls", "duration_sum",
    "duration_count", "total_duration_sum", "interested", "call_me_later", "do_not_call", "wrong_number")
SELECT ("created_at" AT TIME ZONE 'UTC')::date, "campaign_id", "status", "call_status", "is_test_call",
       count(*), COALESCE(sum("duration"::numeric), 0), count("duration"), COALESCE(sum("total_duration"::numeric), 0),
       count(*) FILTER (WHERE "interested_reached"), count(*) FILTER (WHERE "call_me_later"),
       count(*) FILTER (WHERE "do_not_call"), count(*) FILTER (WHERE "wrong_number")
FROM "calls"
GROUP BY 1, 2, 3, 4, 5;
