// One colour per status everywhere (badge, chart, legend). The colours themselves are CSS variables
// in app/globals.css (@theme); this maps each Voxia value to one of them. Unknown values get "other".
const OUTCOME_COLOR_VARS = {
  INTERESTED: "--color-outcome-interested",
  NOT_INTERESTED: "--color-outcome-not-interested",
  CALL_ME_LATER: "--color-outcome-call-me-later",
  WRONG_NUMBER: "--color-outcome-wrong-number",
  DO_NOT_CALL: "--color-outcome-do-not-call",
  DO_NOT_CALL_REGISTRY_MATCHED: "--color-outcome-do-not-call",
  VOICE_MAIL: "--color-outcome-voice-mail",
  VOICE_MAIL_DETECTED: "--color-outcome-voice-mail",
  NO_ANSWER: "--color-outcome-no-answer",
  BUSY: "--color-outcome-busy",
  FAILED: "--color-outcome-failed",
  CONVERSATION_LLM_TECHNICAL_ISSUES: "--color-outcome-failed",
  OTHER_TECHNICAL_ISSUES: "--color-outcome-failed",
  SOCKET_DISCONNECTED: "--color-outcome-failed",
  NEW: "--color-outcome-in-progress",
  IN_PROGRESS: "--color-outcome-in-progress",
  PENDING: "--color-outcome-in-progress",
} as const satisfies Record<string, `--color-outcome-${string}`>;

function outcomeColorVar(status: string | null | undefined): string {
  if (status && Object.hasOwn(OUTCOME_COLOR_VARS, status)) return OUTCOME_COLOR_VARS[status as keyof typeof OUTCOME_COLOR_VARS];
  return "--color-outcome-other";
}

/** For SVG fills and inline styles: `var(--color-outcome-…)`. */
export function outcomeColor(status: string | null | undefined): string {
  return `var(${outcomeColorVar(status)})`;
}
