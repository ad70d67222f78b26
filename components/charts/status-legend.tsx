// The legend of a status chart: one swatch per status in its one colour, with its total, each a link
// to those calls; statuses of one meaning (lib/ui/outcome-colors.ts) together, under its name.
import Link from "next/link";
import type { ChartSeries } from "./chart-types";

export type LegendItem = ChartSeries & { total: number; href: string | null; group: string };

export function StatusLegend({ items, locale }: { items: LegendItem[]; locale?: string }) {
  const number = new Intl.NumberFormat(locale);
  const groups: { name: string; items: LegendItem[] }[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last?.name === item.group) last.items.push(item);
    else groups.push({ name: item.group, items: [item] });
  }
  return (
    <ul aria-label="Legend" className="mt-3 flex flex-col gap-1 text-xs">
      {groups.map((group) => (
        <li key={group.name} className="flex flex-col gap-x-4 gap-y-1 sm:flex-row sm:items-baseline">
          <span className="font-medium text-slate-600 sm:w-36 sm:shrink-0 dark:text-slate-400">{group.name}</span>
          <ul aria-label={group.name} className="flex flex-wrap gap-x-4 gap-y-1">
            {group.items.map((item) => {
              const content = (
                <>
                  <span aria-hidden className="size-2.5 rounded-sm" style={{ background: item.color }} />
                  {item.label}
                  <span className="tabular-nums text-slate-500 dark:text-slate-400">{number.format(item.total)}</span>
                </>
              );
              return (
                <li key={item.key}>
                  {item.href ? (
                    <Link href={item.href} className="inline-flex items-center gap-1.5 hover:underline">{content}</Link>
                  ) : (
                    <span className="inline-flex items-center gap-1.5">{content}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ul>
  );
}
