import { humanize } from "@/lib/voxia/vocabulary";
import { outcomeColor } from "@/lib/ui/outcome-colors";

/** A Voxia status as a coloured badge; unknown values are shown as sent, in the neutral colour. */
export function StatusBadge({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="text-slate-400">—</span>;
  return (
    <span
      className="inline-flex items-center gap-1.5 rounded-full border border-slate-200 px-2 py-0.5 text-xs font-medium whitespace-nowrap dark:border-slate-700"
      title={value}
    >
      <span aria-hidden className="size-2 rounded-full" style={{ background: outcomeColor(value) }} />
      {humanize(value)}
    </span>
  );
}
