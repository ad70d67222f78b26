// `queue`, `state` and `order` of a follow-up queue, from a URL: for /follow-ups and GET /api/follow-ups.
import type { FilterProblem, Params } from "@/lib/calls/call-filters";
import { getOne } from "@/lib/calls/call-filters";
import { FOLLOW_UP_QUEUES, type FollowUpQueue } from "@/lib/contacts/contact-state-sql";
import { FOLLOW_UP_STATES, type FollowUpState } from "./follow-up-vocabulary";
import type { FollowUpSelection } from "./list-follow-ups";

export function parseFollowUpSelection(params: Params, defaults: { queue?: FollowUpQueue } = {}):
  { ok: true; selection: FollowUpSelection } | { ok: false; problem: FilterProblem } {
  const queues = Object.keys(FOLLOW_UP_QUEUES);
  const queue = getOne(params, "queue") ?? defaults.queue;
  if (!queue || !queues.includes(queue)) {
    return { ok: false, problem: { param: "queue", message: `"queue" must be ${queues.join(" or ")}${queue ? ` (got "${queue}")` : ""}` } };
  }
  const state = getOne(params, "state") ?? "open";
  if (!(FOLLOW_UP_STATES as readonly string[]).includes(state)) {
    return { ok: false, problem: { param: "state", message: `"state" must be ${FOLLOW_UP_STATES.join(", ")} (got "${state}")` } };
  }
  const order = getOne(params, "order") ?? "oldest";
  if (order !== "oldest" && order !== "newest") {
    return { ok: false, problem: { param: "order", message: `"order" must be oldest or newest (got "${order}")` } };
  }
  return { ok: true, selection: { queue: queue as FollowUpQueue, state: state as FollowUpState, order } };
}
