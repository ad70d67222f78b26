// A follow-up item's states and a done item's outcomes, in a module of its own so client components
// (the queue's action forms) can use them without the SQL of follow-up-json.ts.
export const FOLLOW_UP_STATES = ["open", "done", "snoozed"] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];
export const FOLLOW_UP_OUTCOMES = ["reached", "no_answer", "not_interested", "converted"] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];
export const OUTCOME_TITLES: Record<FollowUpOutcome, string> = {
  reached: "Reached",
  no_answer: "No answer",
  not_interested: "Not interested",
  converted: "Converted",
};
