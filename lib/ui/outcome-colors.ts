// One colour per status everywhere (badge, chart, legend), grouped by what the status means: a hue
// family per group (greens positive, amber callback, reds negative, blues no contact, purples
// technical, olives ended without an outcome, indigo in progress, muted tints for anything else), a
// shade per status within it. The colours themselves are CSS variables in app/globals.css (@theme);
// they were chosen (OKLCH, in sRGB gamut, OKLab lightness 0.5–0.84, at least 3:1 against the dark
// background) to be pairwise at least MIN_DISTANCE apart in OKLab, all of them at once, so any chart
// can show every status and no two look alike (test/unit/outcome-colors.test.ts checks it).
import { NO_STATUS } from "@/lib/dashboard/status-order";

export const OUTCOME_GROUPS = {
  positive: "Positive",
  callback: "Callback",
  negative: "Negative",
  noContact: "No contact",
  technical: "Technical issue",
  ended: "Ended without outcome",
  inProgress: "In progress",
  other: "Other",
} as const;

export type OutcomeGroup = keyof typeof OUTCOME_GROUPS;

/** Known statuses (Voxia's status, callStatus and hang-up values), each with its group and colour (--color-outcome-…). */
export const STATUS_COLORS: Readonly<Record<string, readonly [OutcomeGroup, string]>> = {
  INTERESTED: ["positive", "interested"],
  CALL_FORWARDED: ["positive", "call-forwarded"],
  CALL_ME_LATER: ["callback", "call-me-later"],
  NOT_INTERESTED: ["negative", "not-interested"],
  DO_NOT_CALL: ["negative", "do-not-call"],
  DO_NOT_CALL_REGISTRY_MATCHED: ["negative", "do-not-call-registry-matched"],
  WRONG_NUMBER: ["negative", "wrong-number"],
  NO_ANSWER: ["noContact", "no-answer"],
  BUSY: ["noContact", "busy"],
  VOICE_MAIL: ["noContact", "voice-mail"],
  VOICE_MAIL_DETECTED: ["noContact", "voice-mail-detected"],
  SILENCE_DETECTED: ["noContact", "silence-detected"],
  FAILED: ["technical", "failed"],
  CONVERSATION_LLM_TECHNICAL_ISSUES: ["technical", "conversation-llm-technical-issues"],
  OTHER_TECHNICAL_ISSUES: ["technical", "other-technical-issues"],
  SOCKET_DISCONNECTED: ["technical", "socket-disconnected"],
  COMPLETED: ["ended", "completed"],
  CALL_FINISHED: ["ended", "call-finished"],
  USER_REQUESTED_HANGUP: ["ended", "user-requested-hangup"],
  USER_MANUAL_HANGUP: ["ended", "user-manual-hangup"],
  ADMIN_MANUAL_HANGUP: ["ended", "admin-manual-hangup"],
  NEW: ["inProgress", "new"],
  PENDING: ["inProgress", "pending"],
  IN_PROGRESS: ["inProgress", "in-progress"],
  UNKNOWN: ["other", "unknown"],
};

const cssColor = (name: string) => `var(--color-outcome-${name})`;

/** Calls without a status. */
export const NO_STATUS_COLOR = cssColor("none");

/**
 * For statuses this version does not know: each takes one by a hash of its name (so a badge and a
 * chart agree), and a chart gives two unknown statuses that hash alike different ones while it can.
 */
export const UNKNOWN_STATUS_COLORS: readonly string[] = ["unknown-1", "unknown-2", "unknown-3", "unknown-4"].map(cssColor);

/** The smallest OKLab distance between any two of these colours (the test holds them to it). */
export const MIN_DISTANCE = 0.085;

function hashSlot(status: string): number {
  let hash = 0;
  for (let i = 0; i < status.length; i++) hash = (hash * 31 + status.charCodeAt(i)) >>> 0;
  return hash % UNKNOWN_STATUS_COLORS.length;
}

const known = (status: string) => (Object.hasOwn(STATUS_COLORS, status) ? STATUS_COLORS[status] : undefined);

export function outcomeGroup(status: string | null | undefined): OutcomeGroup {
  return (status && known(status)?.[0]) || "other";
}

/** A status's colour (`var(--color-outcome-…)`), for SVG fills and inline styles: a badge's, or one status alone. */
export function outcomeColor(status: string | null | undefined): string {
  if (!status || status === NO_STATUS) return NO_STATUS_COLOR;
  const entry = known(status);
  return entry ? cssColor(entry[1]) : UNKNOWN_STATUS_COLORS[hashSlot(status)]!;
}

/** The colours of the statuses one chart shows together: as outcomeColor, unknown ones kept apart. */
export function outcomeColors(statuses: readonly string[]): Map<string, string> {
  const colors = new Map<string, string>();
  const taken = new Set<number>();
  for (const status of statuses) {
    if (status === NO_STATUS || known(status)) {
      colors.set(status, outcomeColor(status));
      continue;
    }
    let slot = hashSlot(status);
    for (let tries = 0; tries < UNKNOWN_STATUS_COLORS.length && taken.has(slot); tries++) slot = (slot + 1) % UNKNOWN_STATUS_COLORS.length;
    taken.add(slot);
    colors.set(status, UNKNOWN_STATUS_COLORS[slot]!);
  }
  return colors;
}
