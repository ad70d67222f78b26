// What "connected", "completed" and "interested" mean, once, for every dashboard figure (KPI cards,
// campaign funnel). Voxia says it several ways — callStatus, the composite status, postProcessStatus,
// the hang-up reason, the older format's status — so each definition accepts all of them. They nest
// (interested ⊂ completed ⊂ connected) so a funnel never widens.
import { Prisma } from "@/lib/generated/prisma/client";
import { POST_PROCESS_STATUSES } from "@/lib/voxia/vocabulary";

const NOT_CONNECTED_CALL_STATUSES = ["NO_ANSWER", "BUSY", "FAILED", "VOICE_MAIL", "DO_NOT_CALL_REGISTRY_MATCHED"];
// Connection results that mean someone picked up.
const CONNECTED_STATUSES = ["USER_REQUESTED_HANGUP", "ADMIN_MANUAL_HANGUP", "USER_MANUAL_HANGUP", "CALL_FINISHED", "CALL_FORWARDED", "SILENCE_DETECTED"];
const CONNECTED_EVENTS = ["CONNECTED", "FORWARDED", "HANG_UP", "FORWARDED_CALL_FINISHED"];

function col(alias: string, column: string): Prisma.Sql {
  return Prisma.raw(`"${alias}"."${column}"`);
}

export function interestedSql(alias = "c"): Prisma.Sql {
  return Prisma.sql`(${col(alias, "status")} = 'INTERESTED' OR ${col(alias, "post_process_status")} = 'INTERESTED')`;
}

/** Answered and ended normally (callStatus COMPLETED, or post-processed into an outcome). */
export function completedSql(alias = "c"): Prisma.Sql {
  return Prisma.sql`(
    ${col(alias, "call_status")} = 'COMPLETED'
    OR (${col(alias, "call_status")} IS NULL AND ${col(alias, "status")} = 'COMPLETED')
    OR ${col(alias, "post_process_status")} IS NOT NULL
    OR ${col(alias, "status")} IN (${Prisma.join([...POST_PROCESS_STATUSES])})
    OR ${interestedSql(alias)})`;
}

/** Someone picked up: completed, or any sign of a conversation on a call that did not fail to connect. */
export function connectedSql(alias = "c"): Prisma.Sql {
  return Prisma.sql`(
    ${completedSql(alias)}
    OR (
      (${col(alias, "call_status")} IS NULL OR ${col(alias, "call_status")} NOT IN (${Prisma.join(NOT_CONNECTED_CALL_STATUSES)}))
      AND (
        ${col(alias, "hang_up_reason")} IS NOT NULL
        OR ${col(alias, "status")} IN (${Prisma.join(CONNECTED_STATUSES)})
        OR ${col(alias, "webhook_event")} IN (${Prisma.join(CONNECTED_EVENTS)})
      )
    ))`;
}

/** The contact asked to be called back (contactStatus.callMeLater or the CALL_ME_LATER outcome). */
export function callbackSql(alias = "c"): Prisma.Sql {
  return Prisma.sql`(${col(alias, "call_me_later")} IS TRUE OR ${col(alias, "status")} = 'CALL_ME_LATER' OR ${col(alias, "post_process_status")} = 'CALL_ME_LATER')`;
}

/** The contact asked not to be called again (contactStatus.doNotCall or the DO_NOT_CALL outcome). */
export function doNotCallSql(alias = "c"): Prisma.Sql {
  return Prisma.sql`(${col(alias, "do_not_call")} IS TRUE OR ${col(alias, "status")} = 'DO_NOT_CALL' OR ${col(alias, "post_process_status")} = 'DO_NOT_CALL')`;
}
