// "357 calls" above the list: how many calls match the filters, streamed on its own so the table does
// not wait for it. Past the count limit it says "10,000+ calls", a lower bound, never a wrong number.
import type { CallFilters } from "@/lib/calls/call-filters";
import { countCalls } from "@/lib/calls/count-calls";
import { MatchCount } from "@/components/match-count";

export async function CallsCount({ filters }: { filters: CallFilters }) {
  const { total, isLowerBound } = await countCalls(filters);
  return <MatchCount total={total} isLowerBound={isLowerBound} noun={["call", "calls"]} dataAttribute="data-calls-count" />;
}

export function CallsCountSkeleton() {
  return <span role="status" aria-label="Loading count" className="inline-block h-4 w-20 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />;
}
