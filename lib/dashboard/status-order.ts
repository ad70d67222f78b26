// The order statuses appear in, in every chart stack, legend and table: by meaning (positive,
// callback, negative, no contact, technical, ended without outcome, in progress, other), within a
// group in Voxia's documented order, then values Voxia sent that this version does not know,
// alphabetically, and calls without a status last.
import { OUTCOME_GROUPS, outcomeGroup } from "@/lib/ui/outcome-colors";
import { STATUSES } from "@/lib/voxia/vocabulary";

/** How calls without a status are grouped; never a Voxia value (it has a space and parentheses). */
export const NO_STATUS = "(none)";

const RANK = new Map<string, number>(STATUSES.map((s, i) => [s, i]));
// outcome-colors.ts imports NO_STATUS from here: read its groups when sorting, not while loading.
const groupRank = (status: string) => Object.keys(OUTCOME_GROUPS).indexOf(outcomeGroup(status));

function rank(status: string): [number, number] {
  if (status === NO_STATUS) return [Infinity, Infinity];
  return [groupRank(status), RANK.get(status) ?? STATUSES.length];
}

export function orderStatuses(statuses: Iterable<string>): string[] {
  return [...new Set(statuses)].sort((a, b) => {
    const [ga, ra] = rank(a);
    const [gb, rb] = rank(b);
    return ga - gb || ra - rb || a.localeCompare(b);
  });
}
