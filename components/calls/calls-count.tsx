// "357 calls" above the list: how many calls match the filters, streamed on its own so the table does
// not wait for it. Past the count limit it says "10,000+ calls", a lower bound, never a wrong number.
import type { CallFilters } from "@/lib/calls/call-filters";
import { countCalls } from "@/lib/calls/count-calls";
import { formatCallCount } from "./filter-fields";

export async function CallsCount({ filters }: { filters: CallFilters }) {
  const { total, isLowerBound } = await countCalls(filters);
  return (
    <p
      data-calls-count={total}
      aria-live="polite"
      className="text-sm text-slate-600 tabular-nums dark:text-slate-400"
      title={isLowerBound ? "At least this many: counting every match of this filter would be slow" : undefined}
    >
      {formatCallCount(total, isLowerBound)}
    </p>
  );
}

export function CallsCountSkeleton() {
  return <span role="status" aria-label="Loading count" className="inline-block h-4 w-20 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />;
}
