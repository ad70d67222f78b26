// What one call row adds to its call_rollups row, as SQL over the call's columns. The rebuild after a
// bulk load sums these expressions per group, the ingest batch sums them signed over the calls it
// rewrites (old rows −1, new rows +1: lib/ingest/write-call-states.ts), and the exact fallback of
// lib/calls/aggregate-calls.ts takes them per matching call — which is why rollups equal a scan.
import { callbackSql, completedSql, connectedSql, doNotCallSql, interestedSql, voicemailSql } from "@/lib/rollups/call-outcome-sql";

const flag = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;
const connectedWithDuration = `(${connectedSql()} AND "duration" > 0)`;

/** The calls columns the key and measure expressions below read. */
export const ROLLUP_INPUT_COLUMNS = [
  "created_at", "campaign_id", "status", "call_status", "is_test_call", "duration", "total_duration", "interested_reached",
  "call_me_later", "do_not_call", "wrong_number", "post_process_status", "hang_up_reason", "webhook_event",
] as const;

/**
 * Rollup key column → the call row's expression for it. Rows are per UTC hour, so a day in any zone
 * whose offset is whole hours (DST days of 23 or 25 hours too) is a set of whole rows; in the few
 * zones with a :30 or :45 offset, the one hour a day that local midnight cuts is read from calls
 * (lib/calls/aggregate-calls.ts).
 */
const ROLLUP_KEY: readonly (readonly [string, string])[] = [
  ["hour", `date_trunc('hour', "created_at", 'UTC')`],
  ["campaign_id", `"campaign_id"`],
  ["status", `"status"`],
  ["call_status", `"call_status"`],
  ["is_test_call", `"is_test_call"`],
];

/** Rollup measure column → what one call row contributes to it. */
export const ROLLUP_MEASURES: readonly (readonly [string, string])[] = [
  ["calls", "1"],
  ["duration_sum", `COALESCE("duration"::numeric, 0)`],
  ["duration_count", flag(`"duration" IS NOT NULL`)],
  ["total_duration_sum", `COALESCE("total_duration"::numeric, 0)`],
  ["interested", flag(`"interested_reached" IS TRUE`)],
  ["call_me_later", flag(`"call_me_later" IS TRUE`)],
  ["do_not_call", flag(`"do_not_call" IS TRUE`)],
  ["wrong_number", flag(`"wrong_number" IS TRUE`)],
  // The dashboard's KPI definitions (lib/rollups/call-outcome-sql.ts).
  ["connected", flag(connectedSql())],
  ["completed", flag(completedSql())],
  ["outcome_interested", flag(interestedSql())],
  ["callbacks", flag(callbackSql())],
  ["outcome_do_not_call", flag(doNotCallSql())],
  ["connected_duration_sum", `CASE WHEN ${connectedWithDuration} THEN "duration"::numeric ELSE 0 END`],
  ["connected_duration_count", flag(connectedWithDuration)],
  ["voicemail", flag(voicemailSql())],
];

export const ROLLUP_KEY_COLUMNS = ROLLUP_KEY.map(([column]) => column);
export const ROLLUP_MEASURE_COLUMNS = ROLLUP_MEASURES.map(([column]) => column);

/** The key expressions of a calls row, comma-separated (for GROUP BY over calls). */
export const ROLLUP_KEY_SQL = ROLLUP_KEY.map(([, expression]) => expression).join(", ");

/** Aggregates over a group of call rows, in the order of ROLLUP_MEASURE_COLUMNS. */
export const ROLLUP_MEASURES_SQL = ROLLUP_MEASURES.map(([, expression]) => `sum(${expression})`).join(", ");

/** Answer rollup key column → the call_answers row's expression for it; each answer counts 1. */
const ANSWER_ROLLUP_KEY: readonly (readonly [string, string])[] = [
  ["campaign_id", `"campaign_id"`],
  ["day", `("created_at" AT TIME ZONE 'UTC')::date`],
  ["is_test_call", `"is_test_call"`],
  ["label", `"label"`],
  ["type", `"type"`],
  ["value_kind", `jsonb_typeof("value")`],
  ["value_text", `"value_text"`],
];
const ANSWER_KEY_COLUMNS = ANSWER_ROLLUP_KEY.map(([column]) => column);
/** The call_answers columns the answer rollup key reads. */
export const ANSWER_ROLLUP_INPUT_COLUMNS = ["campaign_id", "label", "created_at", "is_test_call", "type", "value", "value_text"] as const;
// The unique index's columns (the migration's call_answer_rollups_key), for ON CONFLICT.
const ANSWER_CONFLICT_TARGET = ANSWER_KEY_COLUMNS.map((c) => (c === "value_text" ? `md5(value_text)` : c)).join(", ");

/**
 * Recomputes every rollup row from `calls` and `call_answers` (after a bulk load, or to repair).
 * Run it where no ingestion runs concurrently, or inside a transaction holding a lock on calls.
 * call_rollups rows are written in hour order, so a range of days reads pages of its own.
 */
export const REBUILD_ROLLUPS_SQL = `
  DELETE FROM call_rollups;
  INSERT INTO call_rollups (${[...ROLLUP_KEY_COLUMNS, ...ROLLUP_MEASURE_COLUMNS].join(", ")})
  SELECT ${ROLLUP_KEY_SQL}, ${ROLLUP_MEASURES_SQL} FROM calls GROUP BY 1, 2, 3, 4, 5 ORDER BY 1;
  DELETE FROM call_answer_rollups;
  INSERT INTO call_answer_rollups (${ANSWER_KEY_COLUMNS.join(", ")}, answers)
  SELECT ${ANSWER_ROLLUP_KEY.map(([, e]) => e).join(", ")}, count(*) FROM call_answers GROUP BY 1, 2, 3, 4, 5, 6, 7;`;

/** Like applyRollupDeltaSql, for call_answer_rollups: `source` rows have call_answers' columns and `sign`. */
export function applyAnswerRollupDeltaSql(source: string): string {
  const keys = ANSWER_KEY_COLUMNS.join(", ");
  return `
    INSERT INTO call_answer_rollups AS r (${keys}, answers)
    SELECT ${keys}, answers FROM (
      SELECT ${ANSWER_ROLLUP_KEY.map(([column, expression]) => `${expression} AS "${column}"`).join(", ")}, sum("sign") AS answers
      FROM ${source}
      GROUP BY 1, 2, 3, 4, 5, 6, 7
    ) AS delta
    WHERE answers <> 0
    ORDER BY ${ANSWER_CONFLICT_TARGET}
    ON CONFLICT (${ANSWER_CONFLICT_TARGET}) DO UPDATE SET answers = r.answers + EXCLUDED.answers`;
}

/**
 * Adds the signed contributions of the call rows in `source` (a FROM item whose rows have the calls
 * columns plus an integer column `sign`) to call_rollups, in one statement. Groups whose change is
 * zero are left alone (no row lock taken); the rest are written in key order, so two transactions
 * touching the same rows cannot deadlock.
 */
export function applyRollupDeltaSql(source: string): string {
  const keys = ROLLUP_KEY_COLUMNS.join(", ");
  const sums = ROLLUP_MEASURES.map(([column, expression]) => `sum("sign" * (${expression})) AS "${column}"`);
  return `
    INSERT INTO call_rollups AS r (${keys}, ${ROLLUP_MEASURE_COLUMNS.join(", ")})
    SELECT ${keys}, ${ROLLUP_MEASURE_COLUMNS.join(", ")} FROM (
      SELECT ${ROLLUP_KEY.map(([column, expression]) => `${expression} AS "${column}"`).join(", ")}, ${sums.join(", ")}
      FROM ${source}
      GROUP BY 1, 2, 3, 4, 5
    ) AS delta
    WHERE ${ROLLUP_MEASURE_COLUMNS.map((column) => `${column} <> 0`).join(" OR ")}
    ORDER BY ${keys}
    ON CONFLICT ON CONSTRAINT call_rollups_key DO UPDATE SET
      ${ROLLUP_MEASURE_COLUMNS.map((column) => `${column} = r.${column} + EXCLUDED.${column}`).join(",\n      ")}`;
}
