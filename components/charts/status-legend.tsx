// The legend of a status chart: one swatch per status in its one colour, with its total, each a link
// to those calls.
import Link from "next/link";
import type { ChartSeries } from "./chart-types";

export type LegendItem = ChartSeries & { total: number; href: string | null };

export function StatusLegend({ items, locale }: { items: LegendItem[]; locale?: string }) {
  const number = new Intl.NumberFormat(locale);
  return (
    <ul aria-label="Legend" className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs">
      {items.map((item) => {
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
  );
}
