-- answer_call_rollups: per UTC day, each answered key question's value with its call's rollup key
-- (campaign, status, call status, test flag) and the call's measures, as call_rollups_daily sums all
-- calls. A figure filtered by one answer (`answer=Owns Home:eq:true` on /api/stats, the calls list's
-- count) read every matching call (848 ms for 69,129 calls at 1M); it reads these rows instead. Only
-- answered answers (not null, not empty text, not an empty list): every `answer` op but `missing`
-- needs one. Kept exact by the ingest transaction with signed deltas like the other rollups
-- (lib/ingest/write-call-states.ts); the fill below is REBUILD_ANSWER_CALL_ROLLUPS_SQL of
-- lib/rollups/rollup-sql.ts, which test/integration/call-aggregates.test.ts checks against a scan.
-- The key holds the value's text (jsonb equality would merge 1.0 and 1) and value_text, by md5 in the
-- unique index (an answer can be long); label first, as every read names one.
CREATE TABLE "answer_call_rollups" (
    "id" BIGSERIAL NOT NULL,
    "label" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "campaign_id" TEXT,
    "status" TEXT,
    "call_status" TEXT,
    "is_test_call" BOOLEAN NOT NULL,
    "type" TEXT,
    "value" JSONB,
    "value_text" TEXT,
    "calls" BIGINT NOT NULL,
    "duration_sum" NUMERIC NOT NULL,
    "duration_count" BIGINT NOT NULL,
    "total_duration_sum" NUMERIC NOT NULL,
    "interested" BIGINT NOT NULL,
    "call_me_later" BIGINT NOT NULL,
    "do_not_call" BIGINT NOT NULL,
    "wrong_number" BIGINT NOT NULL,
    "connected" BIGINT NOT NULL,
    "completed" BIGINT NOT NULL,
    "outcome_interested" BIGINT NOT NULL,
    "callbacks" BIGINT NOT NULL,
    "outcome_do_not_call" BIGINT NOT NULL,
    "connected_duration_sum" NUMERIC NOT NULL,
    "connected_duration_count" BIGINT NOT NULL,
    "voicemail" BIGINT NOT NULL,
    CONSTRAINT "answer_call_rollups_pkey" PRIMARY KEY ("id")
) WITH (fillfactor = 70);

CREATE UNIQUE INDEX "answer_call_rollups_key" ON "answer_call_rollups"
    ("label", "day", "campaign_id", "status", "call_status", "is_test_call", "type", md5("value"::text), md5("value_text")) NULLS NOT DISTINCT;

INSERT INTO answer_call_rollups (label, day, campaign_id, status, call_status, is_test_call, type, value, value_text, calls, duration_sum, duration_count, total_duration_sum, interested, call_me_later, do_not_call, wrong_number, connected, completed, outcome_interested, callbacks, outcome_do_not_call, connected_duration_sum, connected_duration_count, voicemail)
  SELECT label, day, campaign_id, status, call_status, is_test_call, type, value::jsonb, value_text, calls, duration_sum, duration_count, total_duration_sum, interested, call_me_later, do_not_call, wrong_number, connected, completed, outcome_interested, callbacks, outcome_do_not_call, connected_duration_sum, connected_duration_count, voicemail FROM (
    SELECT "label" AS "label", ("created_at" AT TIME ZONE 'UTC')::date AS "day", "campaign_id" AS "campaign_id", "status" AS "status", "call_status" AS "call_status", "is_test_call" AS "is_test_call", "type" AS "type", "value"::text AS "value", "value_text" AS "value_text", sum(1) AS "calls", sum(COALESCE("duration"::numeric, 0)) AS "duration_sum", sum(CASE WHEN "duration" IS NOT NULL THEN 1 ELSE 0 END) AS "duration_count", sum(COALESCE("total_duration"::numeric, 0)) AS "total_duration_sum", sum(CASE WHEN "interested_reached" IS TRUE THEN 1 ELSE 0 END) AS "interested", sum(CASE WHEN "call_me_later" IS TRUE THEN 1 ELSE 0 END) AS "call_me_later", sum(CASE WHEN "do_not_call" IS TRUE THEN 1 ELSE 0 END) AS "do_not_call", sum(CASE WHEN "wrong_number" IS TRUE THEN 1 ELSE 0 END) AS "wrong_number", sum(CASE WHEN (
    (
    "call_status" = 'COMPLETED'
    OR ("call_status" IS NULL AND "status" = 'COMPLETED')
    OR "post_process_status" IS NOT NULL
    OR "status" IN ('INTERESTED', 'NOT_INTERESTED', 'CALL_ME_LATER', 'WRONG_NUMBER', 'DO_NOT_CALL')
    OR ("interested_reached" IS TRUE OR "status" = 'INTERESTED' OR "post_process_status" = 'INTERESTED'))
    OR (
      ("call_status" IS NULL OR "call_status" NOT IN ('NO_ANSWER', 'BUSY', 'FAILED', 'VOICE_MAIL', 'DO_NOT_CALL_REGISTRY_MATCHED'))
      AND (
        "hang_up_reason" IS NOT NULL
        OR "status" IN ('USER_REQUESTED_HANGUP', 'ADMIN_MANUAL_HANGUP', 'USER_MANUAL_HANGUP', 'CALL_FINISHED', 'CALL_FORWARDED', 'SILENCE_DETECTED')
        OR "webhook_event" IN ('CONNECTED', 'FORWARDED', 'HANG_UP', 'FORWARDED_CALL_FINISHED')
      )
    )) THEN 1 ELSE 0 END) AS "connected", sum(CASE WHEN (
    "call_status" = 'COMPLETED'
    OR ("call_status" IS NULL AND "status" = 'COMPLETED')
    OR "post_process_status" IS NOT NULL
    OR "status" IN ('INTERESTED', 'NOT_INTERESTED', 'CALL_ME_LATER', 'WRONG_NUMBER', 'DO_NOT_CALL')
    OR ("interested_reached" IS TRUE OR "status" = 'INTERESTED' OR "post_process_status" = 'INTERESTED')) THEN 1 ELSE 0 END) AS "completed", sum(CASE WHEN ("interested_reached" IS TRUE OR "status" = 'INTERESTED' OR "post_process_status" = 'INTERESTED') THEN 1 ELSE 0 END) AS "outcome_interested", sum(CASE WHEN ("call_me_later" IS TRUE OR "status" = 'CALL_ME_LATER' OR "post_process_status" = 'CALL_ME_LATER') THEN 1 ELSE 0 END) AS "callbacks", sum(CASE WHEN ("do_not_call" IS TRUE OR "status" = 'DO_NOT_CALL' OR "post_process_status" = 'DO_NOT_CALL') THEN 1 ELSE 0 END) AS "outcome_do_not_call", sum(CASE WHEN ((
    (
    "call_status" = 'COMPLETED'
    OR ("call_status" IS NULL AND "status" = 'COMPLETED')
    OR "post_process_status" IS NOT NULL
    OR "status" IN ('INTERESTED', 'NOT_INTERESTED', 'CALL_ME_LATER', 'WRONG_NUMBER', 'DO_NOT_CALL')
    OR ("interested_reached" IS TRUE OR "status" = 'INTERESTED' OR "post_process_status" = 'INTERESTED'))
    OR (
      ("call_status" IS NULL OR "call_status" NOT IN ('NO_ANSWER', 'BUSY', 'FAILED', 'VOICE_MAIL', 'DO_NOT_CALL_REGISTRY_MATCHED'))
      AND (
        "hang_up_reason" IS NOT NULL
        OR "status" IN ('USER_REQUESTED_HANGUP', 'ADMIN_MANUAL_HANGUP', 'USER_MANUAL_HANGUP', 'CALL_FINISHED', 'CALL_FORWARDED', 'SILENCE_DETECTED')
        OR "webhook_event" IN ('CONNECTED', 'FORWARDED', 'HANG_UP', 'FORWARDED_CALL_FINISHED')
      )
    )) AND "duration" > 0) THEN "duration"::numeric ELSE 0 END) AS "connected_duration_sum", sum(CASE WHEN ((
    (
    "call_status" = 'COMPLETED'
    OR ("call_status" IS NULL AND "status" = 'COMPLETED')
    OR "post_process_status" IS NOT NULL
    OR "status" IN ('INTERESTED', 'NOT_INTERESTED', 'CALL_ME_LATER', 'WRONG_NUMBER', 'DO_NOT_CALL')
    OR ("interested_reached" IS TRUE OR "status" = 'INTERESTED' OR "post_process_status" = 'INTERESTED'))
    OR (
      ("call_status" IS NULL OR "call_status" NOT IN ('NO_ANSWER', 'BUSY', 'FAILED', 'VOICE_MAIL', 'DO_NOT_CALL_REGISTRY_MATCHED'))
      AND (
        "hang_up_reason" IS NOT NULL
        OR "status" IN ('USER_REQUESTED_HANGUP', 'ADMIN_MANUAL_HANGUP', 'USER_MANUAL_HANGUP', 'CALL_FINISHED', 'CALL_FORWARDED', 'SILENCE_DETECTED')
        OR "webhook_event" IN ('CONNECTED', 'FORWARDED', 'HANG_UP', 'FORWARDED_CALL_FINISHED')
      )
    )) AND "duration" > 0) THEN 1 ELSE 0 END) AS "connected_duration_count", sum(CASE WHEN ("call_status" = 'VOICE_MAIL' OR "status" IN ('VOICE_MAIL', 'VOICE_MAIL_DETECTED')
    OR "webhook_event" = 'POST_PROCESSING_FINISHED:VOICE_MAIL') THEN 1 ELSE 0 END) AS "voicemail"
    FROM (SELECT c.created_at, c.campaign_id, c.status, c.call_status, c.is_test_call, c.duration, c.total_duration, c.interested_reached, c.call_me_later, c.do_not_call, c.wrong_number, c.post_process_status, c.hang_up_reason, c.webhook_event, a.label, a.type, a.value, a.value_text
    FROM calls c JOIN call_answers a ON a.call_id = c.id WHERE (a.value_text IS NOT NULL AND a.value_text <> '' AND jsonb_typeof(a.value) <> 'null' AND a.value <> '[]'::jsonb)) AS answered
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ) AS grouped ORDER BY day;
