import type { FollowUpJson } from "@/lib/follow-ups/follow-up-json";
import { OUTCOME_TITLES } from "@/lib/follow-ups/follow-up-vocabulary";

const STATE_COLORS: Record<string, string> = {
  open: "bg-blue-100 text-blue-900 dark:bg-blue-900/50 dark:text-blue-100",
  snoozed: "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100",
  done: "bg-green-100 text-green-900 dark:bg-green-900/50 dark:text-green-100",
};
const STATE_TITLES: Record<string, string> = { open: "Open", snoozed: "Snoozed", done: "Done" };

/** An item's state in words ("Done · Reached"). */
export function FollowUpStateBadge({ state, outcome }: { state: FollowUpJson["state"]; outcome?: FollowUpJson["outcome"] }) {
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${STATE_COLORS[state] ?? STATE_COLORS.snoozed}`}>
      {STATE_TITLES[state] ?? state}
      {state === "done" && outcome ? ` · ${OUTCOME_TITLES[outcome] ?? outcome}` : ""}
    </span>
  );
}
