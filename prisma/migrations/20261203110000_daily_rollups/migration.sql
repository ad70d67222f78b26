-- call_rollups_daily: call_rollups' sums per UTC day instead of per UTC hour, same group key and
-- measures. Since call_rollups went per hour (20261202200000_hourly_rollups), every all-time or
-- long-range figure read ~9 times the rows; now the whole UTC days of a range come from this table,
-- the hours at its ends from call_rollups, the cut hours from calls (lib/calls/aggregate-calls.ts).
-- Charts by day in a zone other than UTC keep reading hours. The ingest transaction keeps both
-- tables exact with the same signed deltas (lib/ingest/write-call-states.ts).
-- Filled from call_rollups, each day's hours summed per group: the same rows as REBUILD_ROLLUPS_SQL
-- of lib/rollups/rollup-sql.ts, which test/integration/migrations.test.ts checks against a scan.
-- Every ingest batch updates today's rows in place: room on each page keeps those updates HOT.
CREATE TABLE "call_rollups_daily" (
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
    "connected" BIGINT NOT NULL DEFAULT 0,
    "completed" BIGINT NOT NULL DEFAULT 0,
    "outcome_interested" BIGINT NOT NULL DEFAULT 0,
    "callbacks" BIGINT NOT NULL DEFAULT 0,
    "outcome_do_not_call" BIGINT NOT NULL DEFAULT 0,
    "connected_duration_sum" NUMERIC NOT NULL DEFAULT 0,
    "connected_duration_count" BIGINT NOT NULL DEFAULT 0,
    "voicemail" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "call_rollups_daily_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "call_rollups_daily_key" UNIQUE NULLS NOT DISTINCT ("day", "campaign_id", "status", "call_status", "is_test_call")
) WITH (fillfactor = 70);

INSERT INTO call_rollups_daily (day, campaign_id, status, call_status, is_test_call, calls, duration_sum, duration_count, total_duration_sum, interested, call_me_later, do_not_call, wrong_number, connected, completed, outcome_interested, callbacks, outcome_do_not_call, connected_duration_sum, connected_duration_count, voicemail)
SELECT (hour AT TIME ZONE 'UTC')::date, campaign_id, status, call_status, is_test_call, sum(calls), sum(duration_sum), sum(duration_count), sum(total_duration_sum), sum(interested), sum(call_me_later), sum(do_not_call), sum(wrong_number), sum(connected), sum(completed), sum(outcome_interested), sum(callbacks), sum(outcome_do_not_call), sum(connected_duration_sum), sum(connected_duration_count), sum(voicemail)
FROM call_rollups WHERE calls <> 0 GROUP BY 1, 2, 3, 4, 5 ORDER BY 1;
