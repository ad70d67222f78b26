// The values Voxia documents (shared/voxia/webhook.md). Values outside these lists are still stored
// and shown as they arrive; the lists only give known values their order, rank and wording.

/** Lifecycle stages, in the order a call goes through them. A later stage wins the status fields. */
export const STAGE_RANK = {
  DIALING: 10,
  CONNECTED: 20,
  FORWARDED: 30,
  HANG_UP: 40,
  FAILED: 40,
  "COULD_NOT_CONNECT:BUSY": 40,
  "COULD_NOT_CONNECT:NO_ANSWER": 40,
  FORWARDED_CALL_FINISHED: 50,
  "POST_PROCESSING_FINISHED:VOICE_MAIL": 60,
  "POST_PROCESSING_FINISHED:INTERESTED": 60,
  "POST_PROCESSING_FINISHED:NOT_INTERESTED": 60,
  "POST_PROCESSING_FINISHED:WRONG_NUMBER": 60,
  "POST_PROCESSING_FINISHED:CALL_ME_LATER": 60,
  "POST_PROCESSING_FINISHED:DO_NOT_CALL": 60,
} as const satisfies Record<string, number>;

export const WEBHOOK_EVENTS = Object.keys(STAGE_RANK) as (keyof typeof STAGE_RANK)[];

export const POST_PROCESS_STATUSES = [
  "INTERESTED",
  "NOT_INTERESTED",
  "CALL_ME_LATER",
  "WRONG_NUMBER",
  "DO_NOT_CALL",
] as const;

export const CALL_STATUSES = [
  "NEW",
  "IN_PROGRESS",
  "COMPLETED",
  "FAILED",
  "NO_ANSWER",
  "BUSY",
  "VOICE_MAIL",
  "DO_NOT_CALL_REGISTRY_MATCHED",
] as const;

/** `status` is composite: call progress, connection result or the contact's response. */
export const STATUSES = [
  ...POST_PROCESS_STATUSES,
  "PENDING",
  "NEW",
  "IN_PROGRESS",
  "BUSY",
  "NO_ANSWER",
  "VOICE_MAIL",
  "FAILED",
  "COMPLETED",
  "USER_REQUESTED_HANGUP",
  "ADMIN_MANUAL_HANGUP",
  "USER_MANUAL_HANGUP",
  "VOICE_MAIL_DETECTED",
  "SILENCE_DETECTED",
  "CONVERSATION_LLM_TECHNICAL_ISSUES",
  "OTHER_TECHNICAL_ISSUES",
  "CALL_FINISHED",
  "CALL_FORWARDED",
  "SOCKET_DISCONNECTED",
  "UNKNOWN",
] as const;

/** Hang-up reasons; each means someone picked up and the call ended after a conversation. */
export const HANG_UP_REASONS = [
  "USER_REQUESTED_HANGUP",
  "ADMIN_MANUAL_HANGUP",
  "USER_MANUAL_HANGUP",
  "CALL_FINISHED",
  "CALL_FORWARDED",
] as const;

/** Final `callStatus` values of a call nobody talked in. */
export const NOT_CONNECTED_CALL_STATUSES = [
  "NO_ANSWER",
  "BUSY",
  "FAILED",
  "VOICE_MAIL",
  "DO_NOT_CALL_REGISTRY_MATCHED",
] as const satisfies readonly (typeof CALL_STATUSES)[number][];

const TERMINAL_CALL_STATUSES = new Set<string>(["COMPLETED", ...NOT_CONNECTED_CALL_STATUSES]);
const OUTCOMES = new Set<string>(POST_PROCESS_STATUSES);

/**
 * How far along the lifecycle a delivery is. A documented webhookEvent decides; a delivery without
 * one (the older format) or with an event this version does not know is placed by what it carries.
 */
export function stageRank(fields: {
  webhookEvent: string | null;
  status: string | null;
  callStatus: string | null;
  postProcessStatus: string | null;
  hangUpReason: string | null;
}): number {
  const { webhookEvent, status, callStatus, postProcessStatus, hangUpReason } = fields;
  if (webhookEvent && Object.hasOwn(STAGE_RANK, webhookEvent)) {
    return STAGE_RANK[webhookEvent as keyof typeof STAGE_RANK];
  }
  if (webhookEvent?.startsWith("POST_PROCESSING_FINISHED")) return 60;
  if (postProcessStatus || (status && OUTCOMES.has(status))) return 60;
  const progress = callStatus ?? status;
  if (hangUpReason || (progress && TERMINAL_CALL_STATUSES.has(progress))) return 40;
  if (progress === "IN_PROGRESS") return 20;
  if (progress === "NEW") return 10;
  return 0;
}

// Words written in capitals however the rest is: "CONVERSATION_LLM_TECHNICAL_ISSUES" → "… LLM …".
const ACRONYMS = new Set(["llm", "ai", "sms", "id", "url", "api", "sid", "crm", "dnc", "ivr", "sip", "tts", "stt"]);

/** "CALL_ME_LATER" → "Call me later", "CONVERSATION_LLM_TECHNICAL_ISSUES" → "Conversation LLM technical issues"; unknown values get the same treatment. */
export function humanize(value: string): string {
  const words = value.replace(/[_:]+/g, " ").trim().toLowerCase().replace(/[a-z]+/g, (word) => (ACRONYMS.has(word) ? word.toUpperCase() : word));
  return words.charAt(0).toUpperCase() + words.slice(1);
}
