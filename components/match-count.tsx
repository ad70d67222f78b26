// "357 calls", "10,000+ contacts": how many match a list's filter, a lower bound said as such.
import { formatCount } from "@/lib/ui/format";

export function MatchCount({ total, isLowerBound, noun, dataAttribute }: {
  total: number;
  isLowerBound: boolean;
  noun: [string, string];
  /** The data attribute tests read the figure from (data-calls-count, data-contacts-count). */
  dataAttribute: `data-${string}`;
}) {
  return (
    <p
      {...{ [dataAttribute]: total }}
      aria-live="polite"
      className="text-sm text-slate-600 tabular-nums dark:text-slate-400"
      title={isLowerBound ? "At least this many: counting every match of this filter would be slow" : undefined}
    >
      {formatCount(total, isLowerBound, noun)}
    </p>
  );
}
