-- call_rollups per UTC hour instead of per UTC day, so charts and date filters in any time zone are
-- served from rollups: a day in a zone whose offset is whole hours (DST days of 23 or 25 hours too)
-- is a set of whole hours; in a :30 or :45 zone, the hour local midnight cuts is read from calls
-- (lib/calls/aggregate-calls.ts, README "Time zones"). The rebuild below is REBUILD_ROLLUPS_SQL of
-- lib/rollups/rollup-sql.ts as of this migration; test/integration/migrations.test.ts migrates a
-- database holding calls and checks the rollups equal the current definition.
-- Inserted in hour order, so the rows of a range of days lie together (a month's chart reads a
-- month's pages, not most of the table); ingestion appends the current hours at the end.
-- call_answer_rollups stay per UTC day: the key-question breakdown sums a range and never groups by
-- day, and the parts of a range that cut a UTC day are read from call_answers.
DELETE FROM "call_rollups";
ALTER TABLE "call_rollups" DROP CONSTRAINT "call_rollups_key";
ALTER TABLE "call_rollups" RENAME COLUMN "day" TO "hour";
ALTER TABLE "call_rollups" ALTER COLUMN "hour" TYPE TIMESTAMPTZ(3) USING "hour"::timestamp AT TIME ZONE 'UTC';
ALTER TABLE "call_rollups" ADD CONSTRAINT "call_rollups_key" UNIQUE NULLS NOT DISTINCT ("hour", "campaign_id", "status", "call_status", "is_test_call");
INSERT INTO call_rollups (hour, campaign_id, status, call_status, is_test_call, calls, duration_sum, duration_count, total_duration_sum, interested, call_me_later, do_not_call, wrong_number, connected, completed, outcome_interested, callbacks, outcome_do_not_call, connected_duration_sum, connected_duration_count)
SELECT date_trunc('hour', "created_at", 'UTC'), "campaign_id", "status", "call_status", "is_test_call", sum(1), sum(COALESCE("duration"::numeric, 0)), sum(CASE WHEN "duration" IS NOT NULL THEN 1 ELSE 0 END), sum(COALESCE("total_duration"::numeric, 0)), sum(CASE WHEN "interested_reached" IS TRUE THEN 1 ELSE 0 END), sum(CASE WHEN "call_me_later" IS TRUE THEN 1 ELSE 0 END), sum(CASE WHEN "do_not_call" IS TRUE THEN 1 ELSE 0 END), sum(CASE WHEN "wrong_number" IS TRUE THEN 1 ELSE 0 END), sum(CASE WHEN (
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
    )) AND "duration" > 0) THEN 1 ELSE 0 END) FROM calls GROUP BY 1, 2, 3, 4, 5 ORDER BY 1;
