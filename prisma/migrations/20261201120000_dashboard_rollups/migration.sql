-- Overview and campaign figures served from rollups instead of scans (docs/performance.md).

-- 1. The dashboard's KPI measures (lib/dashboard/call-outcome-sql.ts) per rollup row, so the KPI
--    cards and the funnel read call_rollups. The rebuild below is REBUILD_ROLLUPS_SQL of
--    lib/rollups/rollup-sql.ts as of this migration; test/integration/migrations.test.ts migrates a
--    database holding calls and checks the rollups equal the current definition.
-- Every ingest batch updates today's rows in place: room on each page keeps those updates HOT
-- (no new index entries, no page hopping).
ALTER TABLE "call_rollups" SET (fillfactor = 70);
ALTER TABLE "call_rollups"
    ADD COLUMN "connected" BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN "completed" BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN "outcome_interested" BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN "callbacks" BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN "outcome_do_not_call" BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN "connected_duration_sum" NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN "connected_duration_count" BIGINT NOT NULL DEFAULT 0;

DELETE FROM call_rollups;
INSERT INTO call_rollups (day, campaign_id, status, call_status, is_test_call, calls, duration_sum, duration_count, total_duration_sum, interested, call_me_later, do_not_call, wrong_number, connected, completed, outcome_interested, callbacks, outcome_do_not_call, connected_duration_sum, connected_duration_count)
SELECT ("created_at" AT TIME ZONE 'UTC')::date, "campaign_id", "status", "call_status", "is_test_call", sum(1), sum(COALESCE("duration"::numeric, 0)), sum(CASE WHEN "duration" IS NOT NULL THEN 1 ELSE 0 END), sum(COALESCE("total_duration"::numeric, 0)), sum(CASE WHEN "interested_reached" IS TRUE THEN 1 ELSE 0 END), sum(CASE WHEN "call_me_later" IS TRUE THEN 1 ELSE 0 END), sum(CASE WHEN "do_not_call" IS TRUE THEN 1 ELSE 0 END), sum(CASE WHEN "wrong_number" IS TRUE THEN 1 ELSE 0 END), sum(CASE WHEN (
  (
  "call_status" = 'COMPLETED'
  OR ("call_status" IS NULL AND "status" = 'COMPLETED')
  OR "post_process_status" IS NOT NULL
  OR "status" IN ('INTERESTED', 'NOT_INTERESTED', 'CALL_ME_LATER', 'WRONG_NUMBER', 'DO_NOT_CALL')
  OR ("status" = 'INTERESTED' OR "post_process_status" = 'INTERESTED'))
  OR (
    ("call_status" IS NULL OR "call_status" NOT IN ('NO_ANSWER', 'BUSY', 'FAILED', 'VOICE_MAIL', 'DO_NOT_CALL_REGISTRY_MATCHED'))
    AND (
      "hang_up_reason" IS NOT NULL
      OR "status" IN ('USER_REQUESTED_HANGUP', 'ADMIN_MANUAL_HANGUP', 'USER_MANUAL_HANGUP', 'CALL_FINISHED', 'CALL_FORWARDED', 'SILENCE_DETECTED')
      OR "webhook_event" IN ('CONNECTED', 'FORWARDED', 'HANG_UP', 'FORWARDED_CALL_FINISHED')
    )
  )) THEN 1 ELSE 0 END), sum(CASE WHEN (
  "call_status" = 'COMPLETED'
  OR ("call_status" IS NULL AND "status" = 'COMPLETED')
  OR "post_process_status" IS NOT NULL
  OR "status" IN ('INTERESTED', 'NOT_INTERESTED', 'CALL_ME_LATER', 'WRONG_NUMBER', 'DO_NOT_CALL')
  OR ("status" = 'INTERESTED' OR "post_process_status" = 'INTERESTED')) THEN 1 ELSE 0 END), sum(CASE WHEN ("status" = 'INTERESTED' OR "post_process_status" = 'INTERESTED') THEN 1 ELSE 0 END), sum(CASE WHEN ("call_me_later" IS TRUE OR "status" = 'CALL_ME_LATER' OR "post_process_status" = 'CALL_ME_LATER') THEN 1 ELSE 0 END), sum(CASE WHEN ("do_not_call" IS TRUE OR "status" = 'DO_NOT_CALL' OR "post_process_status" = 'DO_NOT_CALL') THEN 1 ELSE 0 END), sum(CASE WHEN ((
  (
  "call_status" = 'COMPLETED'
  OR ("call_status" IS NULL AND "status" = 'COMPLETED')
  OR "post_process_status" IS NOT NULL
  OR "status" IN ('INTERESTED', 'NOT_INTERESTED', 'CALL_ME_LATER', 'WRONG_NUMBER', 'DO_NOT_CALL')
  OR ("status" = 'INTERESTED' OR "post_process_status" = 'INTERESTED'))
  OR (
    ("call_status" IS NULL OR "call_status" NOT IN ('NO_ANSWER', 'BUSY', 'FAILED', 'VOICE_MAIL', 'DO_NOT_CALL_REGISTRY_MATCHED'))
    AND (
      "hang_up_reason" IS NOT NULL
      OR "status" IN ('USER_REQUESTED_HANGUP', 'ADMIN_MANUAL_HANGUP', 'USER_MANUAL_HANGUP', 'CALL_FINISHED', 'CALL_FORWARDED', 'SILENCE_DETECTED')
      OR "webhook_event" IN ('CONNECTED', 'FORWARDED', 'HANG_UP', 'FORWARDED_CALL_FINISHED')
    )
  )) AND "duration" > 0) THEN "duration"::numeric ELSE 0 END), sum(CASE WHEN ((
  (
  "call_status" = 'COMPLETED'
  OR ("call_status" IS NULL AND "status" = 'COMPLETED')
  OR "post_process_status" IS NOT NULL
  OR "status" IN ('INTERESTED', 'NOT_INTERESTED', 'CALL_ME_LATER', 'WRONG_NUMBER', 'DO_NOT_CALL')
  OR ("status" = 'INTERESTED' OR "post_process_status" = 'INTERESTED'))
  OR (
    ("call_status" IS NULL OR "call_status" NOT IN ('NO_ANSWER', 'BUSY', 'FAILED', 'VOICE_MAIL', 'DO_NOT_CALL_REGISTRY_MATCHED'))
    AND (
      "hang_up_reason" IS NOT NULL
      OR "status" IN ('USER_REQUESTED_HANGUP', 'ADMIN_MANUAL_HANGUP', 'USER_MANUAL_HANGUP', 'CALL_FINISHED', 'CALL_FORWARDED', 'SILENCE_DETECTED')
      OR "webhook_event" IN ('CONNECTED', 'FORWARDED', 'HANG_UP', 'FORWARDED_CALL_FINISHED')
    )
  )) AND "duration" > 0) THEN 1 ELSE 0 END) FROM calls GROUP BY 1, 2, 3, 4, 5;


-- 2. Each answer carries its call's time and test flag, so the key-question pages group answers by
--    day and read the latest answers of a question from one index, without joining calls.
ALTER TABLE "call_answers" ADD COLUMN "created_at" TIMESTAMPTZ(3), ADD COLUMN "is_test_call" BOOLEAN;
UPDATE "call_answers" a SET "created_at" = c."created_at", "is_test_call" = c."is_test_call" FROM "calls" c WHERE c."id" = a."call_id";
ALTER TABLE "call_answers" ALTER COLUMN "created_at" SET NOT NULL, ALTER COLUMN "is_test_call" SET NOT NULL;
DROP INDEX "call_answers_campaign_id_label_idx";
CREATE INDEX "call_answers_campaign_id_label_created_at_call_id_idx" ON "call_answers"("campaign_id", "label", "created_at" DESC, "call_id" DESC);

-- 3. Answer counts per campaign × question × UTC day × test flag × answer (type, JSON kind, text),
--    kept exact by the ingest transaction like call_rollups. The answer text is part of the key
--    through its md5, so a long free-text answer cannot overflow the index.
CREATE TABLE "call_answer_rollups" (
    "id" BIGSERIAL NOT NULL,
    "campaign_id" TEXT,
    "label" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "is_test_call" BOOLEAN NOT NULL,
    "type" TEXT,
    "value_kind" TEXT,
    "value_text" TEXT,
    "answers" BIGINT NOT NULL,
    CONSTRAINT "call_answer_rollups_pkey" PRIMARY KEY ("id")
) WITH (fillfactor = 70);
-- Key order: the campaign page reads one campaign's days (and test flag) for every question.
CREATE UNIQUE INDEX "call_answer_rollups_key" ON "call_answer_rollups"
    ("campaign_id", "day", "is_test_call", "label", "type", "value_kind", md5("value_text")) NULLS NOT DISTINCT;

INSERT INTO "call_answer_rollups" ("campaign_id", "label", "day", "is_test_call", "type", "value_kind", "value_text", "answers")
SELECT "campaign_id", "label", ("created_at" AT TIME ZONE 'UTC')::date, "is_test_call", "type", jsonb_typeof("value"), "value_text", count(*)
FROM "call_answers"
GROUP BY 1, 2, 3, 4, 5, 6, 7;
