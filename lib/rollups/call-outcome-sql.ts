// What "connected", "completed" and "interested" mean, once, for every dashboard figure (KPI cards,
// campaign funnel). Voxia says it several ways — callStatus, the composite status, postProcessStatus,
// the hang-up reason, the older format's status — so each definition accepts all of them. They nest
// (interested ⊂ completed ⊂ connected) so a funnel never widens.
//
// Plain SQL text over a calls row's columns (unqualified, or qualified by `alias`): the same text
// counts calls in a scan, builds call_rollups and computes each ingested call's rollup delta
// (lib/rollups/rollup-sql.ts), so the figures from rollups and from a scan cannot disagree.
import {
  HANG_UP_REASONS,
  NOT_CONNECTED_CALL_STATUSES,
  POST_PROCESS_STATUSES,
  type STATUSES,
  type WEBHOOK_EVENTS,
} from "@/lib/voxia/vocabulary";

// Connection results (the composite `status`) that mean someone picked up: the hang-up reasons,
// and silence on a line that was answered.
const CONNECTED_STATUSES = [...HANG_UP_REASONS, "SILENCE_DETECTED"] as const satisfies readonly (typeof STATUSES)[number][];
// Lifecycle stages reached only by a call that was answered.
const CONNECTED_EVENTS = ["CONNECTED", "FORWARDED", "HANG_UP", "FORWARDED_CALL_FINISHED"] as const satisfies readonly (typeof WEBHOOK_EVENTS)[number][];

/** Constant vocabulary as an SQL list; the values are this file's own literals, never user input. */
function list(values: readonly string[]): string {
  return values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ");
}

function columns(alias?: string) {
  return (column: string) => (alias ? `"${alias}"."${column}"` : `"${column}"`);
}

/**
 * Voxia says the contact is interested: its interest criterion was reached (`interested.reached`,
 * sent in both formats) or the outcome is INTERESTED (`status` or `postProcessStatus`).
 */
export function interestedSql(alias?: string): string {
  const col = columns(alias);
  return `(${col("interested_reached")} IS TRUE OR ${col("status")} = 'INTERESTED' OR ${col("post_process_status")} = 'INTERESTED')`;
}

/** Answered and ended normally (callStatus COMPLETED, or post-processed into an outcome). */
export function completedSql(alias?: string): string {
  const col = columns(alias);
  return `(
    ${col("call_status")} = 'COMPLETED'
    OR (${col("call_status")} IS NULL AND ${col("status")} = 'COMPLETED')
    OR ${col("post_process_status")} IS NOT NULL
    OR ${col("status")} IN (${list(POST_PROCESS_STATUSES)})
    OR ${interestedSql(alias)})`;
}

/** Someone picked up: completed, or any sign of a conversation on a call that did not fail to connect. */
export function connectedSql(alias?: string): string {
  const col = columns(alias);
  return `(
    ${completedSql(alias)}
    OR (
      (${col("call_status")} IS NULL OR ${col("call_status")} NOT IN (${list(NOT_CONNECTED_CALL_STATUSES)}))
      AND (
        ${col("hang_up_reason")} IS NOT NULL
        OR ${col("status")} IN (${list(CONNECTED_STATUSES)})
        OR ${col("webhook_event")} IN (${list(CONNECTED_EVENTS)})
      )
    ))`;
}

/** The contact asked to be called back (contactStatus.callMeLater or the CALL_ME_LATER outcome). */
export function callbackSql(alias?: string): string {
  const col = columns(alias);
  return `(${col("call_me_later")} IS TRUE OR ${col("status")} = 'CALL_ME_LATER' OR ${col("post_process_status")} = 'CALL_ME_LATER')`;
}

/** The contact asked not to be called again (contactStatus.doNotCall or the DO_NOT_CALL outcome). */
export function doNotCallSql(alias?: string): string {
  const col = columns(alias);
  return `(${col("do_not_call")} IS TRUE OR ${col("status")} = 'DO_NOT_CALL' OR ${col("post_process_status")} = 'DO_NOT_CALL')`;
}

/** The call reached a voicemail (callStatus, status or the VOICE_MAIL post-processing stage say so). */
export function voicemailSql(alias?: string): string {
  const col = columns(alias);
  return `(${col("call_status")} = 'VOICE_MAIL' OR ${col("status")} IN ('VOICE_MAIL', 'VOICE_MAIL_DETECTED')
    OR ${col("webhook_event")} = 'POST_PROCESSING_FINISHED:VOICE_MAIL')`;
}
