// The kinds of alert and their words, shared by the checker, the API and the page.
export const ALERT_KINDS = ["post_processing_missing", "campaign_silent", "webhooks_refused"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_STATES = ["open", "acknowledged", "resolved"] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const KIND_TITLES: Record<AlertKind, string> = {
  post_processing_missing: "Post-processing missing",
  campaign_silent: "Campaign silent",
  webhooks_refused: "Webhooks refused",
};

export function isAlertState(value: unknown): value is AlertState {
  return typeof value === "string" && (ALERT_STATES as readonly string[]).includes(value);
}
