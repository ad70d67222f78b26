// What one call row adds to its call_rollups row (per UTC hour) and its call_rollups_daily row (per UTC
// day), as SQL over the call's columns. The rebuild after a bulk load sums these expressions per group,
// the ingest batch sums them signed over the calls it rewrites, into both tables (old rows −1, new
// rows +1: lib/ingest/write-call-states.ts), and the exact fallback of
// lib/calls/aggregate-calls.ts takes them per matching call — which is why rollups equal a scan.
import { callbackSql, completedSql, connectedSql, doNotCallSql, interestedSql, voicemailSql } from "@/lib/rollups/call-outcome-sql";

const flag = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;
const connectedWithDuration = `(${connectedSql()} AND "duration" > 0)`;

/** The calls columns the key and measure expressions below read. */
export const ROLLUP_INPUT_COLUMNS = [
  "created_at", "campaign_id", "status", "call_status", "is_test_call", "duration", "total_duration", "interested_reached",
  "call_me_later", "do_not_call", "wrong_number", "post_process_status", "hang_up_reason", "webhook_event",
] as const;

/** The two call rollup tables: the same group key and measures, per UTC hour and per UTC day. */
export type CallRollupTable = "call_rollups" | "call_rollups_daily";

/**
 * Each table's time key column → the call row's expression for it. call_rollups are per UTC hour,
 * so a day in any zone whose offset is whole hours (DST days of 23 or 25 hours too) is a set of
 * whole rows; in the few zones with a :30 or :45 offset, the one hour a day that local midnight cuts
 * is read from calls (lib/calls/aggregate-calls.ts). call_rollups_daily holds the same sums per UTC
 * day, 1/24 of the rows, for every figure that needs no hour: a range's whole UTC days come from it,
 * the hours at its ends from call_rollups, the cut hours from calls.
 */
const TIME_KEY: Record<CallRollupTable, readonly [string, string]> = {
  call_rollups: ["hour", `date_trunc('hour', "created_at", 'UTC')`],
  call_rollups_daily: ["day", `("created_at" AT TIME ZONE 'UTC')::date`],
};

/** Rollup key column → the call row's expression for it, the time key first. */
const rollupKey = (table: CallRollupTable): readonly (readonly [string, string])[] => [
  TIME_KEY[table],
  ["campaign_id", `"campaign_id"`],
  ["status", `"status"`],
  ["call_status", `"call_status"`],
  ["is_test_call", `"is_test_call"`],
];
const ROLLUP_KEY = rollupKey("call_rollups");

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

/** call_rollups' key columns (rollupKeyColumns for either table). */
export const ROLLUP_KEY_COLUMNS = ROLLUP_KEY.map(([column]) => column);
export const rollupKeyColumns = (table: CallRollupTable) => rollupKey(table).map(([column]) => column);
export const ROLLUP_MEASURE_COLUMNS = ROLLUP_MEASURES.map(([column]) => column);

/** The key expressions of a calls row, comma-separated (for GROUP BY over calls). */
export const ROLLUP_KEY_SQL = ROLLUP_KEY.map(([, expression]) => expression).join(", ");
export const rollupKeySql = (table: CallRollupTable) => rollupKey(table).map(([, expression]) => expression).join(", ");

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
 * Answered: a value that is not JSON null, not empty text and not an empty list of options — over a
 * call_answers row (or an answer_call_rollups row) aliased `a`. The `answer` filter's every op but
 * `missing` needs it (lib/calls/call-filters-sql.ts); answer_call_rollups holds only such answers.
 */
export const ANSWERED = `(a.value_text IS NOT NULL AND a.value_text <> '' AND jsonb_typeof(a.value) <> 'null' AND a.value <> '[]'::jsonb)`;

/**
 * answer_call_rollups: per UTC day, each answered key question's value with its call's rollup key and
 * the call's measures — the calls with an answer, counted and summed as call_rollups_daily counts all
 * calls, so a figure filtered by one answer (`answer=Owns Home:eq:true` on /api/stats, the list's
 * count) reads these rows instead of every matching call. Each call answers a label at most once
 * (call_answers' key), so a label's matching rows sum each call once. Key column → the expression over
 * a row with the calls' rollup input columns plus the answer's label, type, value and value_text; the
 * value is grouped by its text (jsonb equality would merge 1.0 and 1, whose options read differently).
 */
const ANSWER_CALL_KEY: readonly (readonly [string, string])[] = [
  ["label", `"label"`],
  ["day", `("created_at" AT TIME ZONE 'UTC')::date`],
  ["campaign_id", `"campaign_id"`],
  ["status", `"status"`],
  ["call_status", `"call_status"`],
  ["is_test_call", `"is_test_call"`],
  ["type", `"type"`],
  ["value", `"value"::text`],
  ["value_text", `"value_text"`],
];
const ANSWER_CALL_KEY_COLUMNS = ANSWER_CALL_KEY.map(([column]) => column);
// The unique index's columns (the migration's answer_call_rollups_key), for ON CONFLICT.
const ANSWER_CALL_CONFLICT_TARGET = ANSWER_CALL_KEY_COLUMNS.map((c) => (c === "value" ? `md5(value::text)` : c === "value_text" ? `md5(value_text)` : c)).join(", ");
/** The key's output columns, the grouped text of the value read back as jsonb. */
const ANSWER_CALL_OUTPUT = ANSWER_CALL_KEY_COLUMNS.map((c) => (c === "value" ? `value::jsonb` : c)).join(", ");

/**
 * The answered answers of calls `calls` (a FROM item with the calls' rollup input columns and `id`)
 * found in `answers` (call_answers' columns), each with its call's columns: answer_call_rollups' input.
 */
export function answeredAnswersOfCalls(calls: string, answers: string, sign?: string): string {
  return `SELECT ${sign ? `${sign} AS sign, ` : ""}${ROLLUP_INPUT_COLUMNS.map((c) => `c.${c}`).join(", ")}, a.label, a.type, a.value, a.value_text
    FROM ${calls} c JOIN ${answers} a ON a.call_id = c.id WHERE ${ANSWERED}`;
}

/** Like applyRollupDeltaSql, for answer_call_rollups: `source` rows are answeredAnswersOfCalls' with `sign`. */
export function applyAnswerCallRollupDeltaSql(source: string): string {
  return measureDeltaSql(source, "answer_call_rollups", ANSWER_CALL_KEY, {
    output: ANSWER_CALL_OUTPUT,
    order: ANSWER_CALL_CONFLICT_TARGET,
    conflict: `ON CONFLICT (${ANSWER_CALL_CONFLICT_TARGET})`,
  });
}

/** answer_call_rollups' columns: the key, then the measures. */
export const ANSWER_CALL_ROLLUP_COLUMNS = [...ANSWER_CALL_KEY_COLUMNS, ...ROLLUP_MEASURE_COLUMNS];

/** answer_call_rollups' rows as calls and call_answers give them now, under its column names. */
export const EXACT_ANSWER_CALL_ROLLUPS_SQL = `
  SELECT ${ANSWER_CALL_OUTPUT}, ${ROLLUP_MEASURE_COLUMNS.join(", ")} FROM (
    SELECT ${ANSWER_CALL_KEY.map(([column, expression]) => `${expression} AS "${column}"`).join(", ")},
      ${ROLLUP_MEASURES.map(([column, expression]) => `sum(${expression}) AS "${column}"`).join(", ")}
    FROM (${answeredAnswersOfCalls("calls", "call_answers")}) AS answered
    GROUP BY ${ANSWER_CALL_KEY.map((_, i) => i + 1).join(", ")}
  ) AS grouped`;

/** answer_call_rollups rebuilt from calls and call_answers, in day order (REBUILD_ROLLUPS_SQL, the migration). */
const REBUILD_ANSWER_CALL_ROLLUPS_SQL = `
  DELETE FROM answer_call_rollups;
  INSERT INTO answer_call_rollups (${ANSWER_CALL_ROLLUP_COLUMNS.join(", ")})
  ${EXACT_ANSWER_CALL_ROLLUPS_SQL} ORDER BY day;`;

const DAILY_KEY_COLUMNS = rollupKeyColumns("call_rollups_daily");

/**
 * call_rollups_daily from call_rollups: each UTC day's hours summed per group (24 times fewer rows to
 * read than calls; the sums are NUMERIC and BIGINT, so a day equals its calls exactly). Rows in day
 * order, like call_rollups' in hour order. The migration that created the table fills it the same way.
 */
const REBUILD_DAILY_ROLLUPS_SQL = `
  DELETE FROM call_rollups_daily;
  INSERT INTO call_rollups_daily (${[...DAILY_KEY_COLUMNS, ...ROLLUP_MEASURE_COLUMNS].join(", ")})
  SELECT (hour AT TIME ZONE 'UTC')::date, ${ROLLUP_KEY_COLUMNS.slice(1).join(", ")}, ${ROLLUP_MEASURE_COLUMNS.map((c) => `sum(${c})`).join(", ")}
  FROM call_rollups WHERE calls <> 0 GROUP BY 1, 2, 3, 4, 5 ORDER BY 1;`;

/**
 * Recomputes every rollup row from `calls` and `call_answers` (after a bulk load, or to repair):
 * call_rollups, then call_rollups_daily from it, then call_answer_rollups and answer_call_rollups.
 * Run it where no ingestion runs concurrently, or inside a transaction holding a lock on calls.
 * call_rollups rows are written in hour order, so a range of days reads pages of its own.
 */
export const REBUILD_ROLLUPS_SQL = `
  DELETE FROM call_rollups;
  INSERT INTO call_rollups (${[...ROLLUP_KEY_COLUMNS, ...ROLLUP_MEASURE_COLUMNS].join(", ")})
  SELECT ${ROLLUP_KEY_SQL}, ${ROLLUP_MEASURES_SQL} FROM calls GROUP BY 1, 2, 3, 4, 5 ORDER BY 1;${REBUILD_DAILY_ROLLUPS_SQL}
  DELETE FROM call_answer_rollups;
  INSERT INTO call_answer_rollups (${ANSWER_KEY_COLUMNS.join(", ")}, answers)
  SELECT ${ANSWER_ROLLUP_KEY.map(([, e]) => e).join(", ")}, count(*) FROM call_answers GROUP BY 1, 2, 3, 4, 5, 6, 7;${REBUILD_ANSWER_CALL_ROLLUPS_SQL}`;

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
 * columns plus an integer column `sign`) to `table` (call_rollups or call_rollups_daily), in one
 * statement. Groups whose change is zero are left alone (no row lock taken); the rest are written in
 * key order, so two transactions touching the same rows cannot deadlock (every batch runs the same
 * statement, so it also writes the two tables in the same order).
 */
export function applyRollupDeltaSql(source: string, table: CallRollupTable): string {
  const keys = rollupKeyColumns(table).join(", ");
  return measureDeltaSql(source, table, rollupKey(table), { output: keys, order: keys, conflict: `ON CONFLICT ON CONSTRAINT ${table}_key` });
}

/**
 * The signed sums of ROLLUP_MEASURES over `source`'s rows, grouped by `key` (column → expression),
 * added to `table`'s rows: `output` selects the key's columns from the grouped rows, `order` sorts
 * them as `conflict`'s unique key does.
 */
function measureDeltaSql(
  source: string,
  table: string,
  key: readonly (readonly [string, string])[],
  { output, order, conflict }: { output: string; order: string; conflict: string },
): string {
  const sums = ROLLUP_MEASURES.map(([column, expression]) => `sum("sign" * (${expression})) AS "${column}"`);
  return `
    INSERT INTO ${table} AS r (${key.map(([column]) => column).join(", ")}, ${ROLLUP_MEASURE_COLUMNS.join(", ")})
    SELECT ${output}, ${ROLLUP_MEASURE_COLUMNS.join(", ")} FROM (
      SELECT ${key.map(([column, expression]) => `${expression} AS "${column}"`).join(", ")}, ${sums.join(", ")}
      FROM ${source}
      GROUP BY ${key.map((_, i) => i + 1).join(", ")}
    ) AS delta
    WHERE ${ROLLUP_MEASURE_COLUMNS.map((column) => `${column} <> 0`).join(" OR ")}
    ORDER BY ${order}
    ${conflict} DO UPDATE SET
      ${ROLLUP_MEASURE_COLUMNS.map((column) => `${column} = r.${column} + EXCLUDED.${column}`).join(",\n      ")}`;
}
