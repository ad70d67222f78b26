// What one rollup row sums, as SQL over `calls`. The migration's backfill, a rebuild after a bulk load
// and the exact fallback of lib/calls/aggregate-calls.ts all aggregate with these expressions, and
// lib/rollups/apply-rollup-delta.ts adds and subtracts the same quantities per call, which is why the
// rollups equal an exact GROUP BY over calls.

/** The rollup key of a call row: its UTC day, campaign, status, callStatus and test flag. */
export const ROLLUP_KEY_SQL = `(created_at AT TIME ZONE 'UTC')::date, campaign_id, status, call_status, is_test_call`;

export const ROLLUP_COLUMNS = [
  "day", "campaign_id", "status", "call_status", "is_test_call", "calls", "duration_sum", "duration_count",
  "total_duration_sum", "interested", "call_me_later", "do_not_call", "wrong_number",
] as const;

/** Aggregates over a group of call rows, in the order of ROLLUP_COLUMNS after the key. */
export const ROLLUP_MEASURES_SQL = `count(*), COALESCE(sum(duration::numeric), 0), count(duration),
  COALESCE(sum(total_duration::numeric), 0), count(*) FILTER (WHERE interested_reached),
  count(*) FILTER (WHERE call_me_later), count(*) FILTER (WHERE do_not_call), count(*) FILTER (WHERE wrong_number)`;

/**
 * Recomputes every rollup row from `calls` in one statement (after a bulk load, or to repair).
 * Run it where no ingestion runs concurrently, or inside a transaction holding a lock on calls.
 */
export const REBUILD_ROLLUPS_SQL = `
  DELETE FROM call_rollups;
  INSERT INTO call_rollups (${ROLLUP_COLUMNS.join(", ")})
  SELECT ${ROLLUP_KEY_SQL}, ${ROLLUP_MEASURES_SQL} FROM calls GROUP BY 1, 2, 3, 4, 5;`;
