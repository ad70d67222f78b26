// The order statuses appear in, in every chart stack, legend and table: Voxia's documented order
// (outcomes first), then values Voxia sent that this version does not know, alphabetically.
import { STATUSES } from "@/lib/voxia/vocabulary";

/** How calls without a status are grouped; never a Voxia value (it has a space and parentheses). */
export const NO_STATUS = "(none)";

const RANK = new Map<string, number>(STATUSES.map((s, i) => [s, i]));

export function orderStatuses(statuses: Iterable<string>): string[] {
  return [...new Set(statuses)].sort((a, b) => {
    const ra = a === NO_STATUS ? Infinity : (RANK.get(a) ?? STATUSES.length);
    const rb = b === NO_STATUS ? Infinity : (RANK.get(b) ?? STATUSES.length);
    return ra - rb || a.localeCompare(b);
  });
}
