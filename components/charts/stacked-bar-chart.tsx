"use client";
// A stacked bar chart of call counts per status. Each segment is a link target: clicking it opens the
// calls list with that filter. Screen-reader and keyboard users get the same figures and links from
// the table that accompanies every chart (chart-data-table.tsx), so the drawing itself is an image.
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { formatRowLabel, type ChartRow, type ChartSeries, type RowLabelFormat } from "./chart-types";

type Props = {
  /** Accessible name of the drawing, e.g. "Calls per day by outcome". */
  title: string;
  rows: ChartRow[];
  series: ChartSeries[];
  /** columns: one vertical bar per row along the x axis (time); rows: one horizontal bar per row (campaigns). */
  orientation: "columns" | "rows";
  labelFormat: RowLabelFormat;
};

const AXIS = { tick: { fill: "currentColor", fontSize: 12 }, axisLine: { stroke: "currentColor", strokeOpacity: 0.3 }, tickLine: false } as const;

export function StackedBarChart({ title, rows, series, orientation, labelFormat }: Props) {
  const router = useRouter();
  const number = new Intl.NumberFormat();
  const label = (value: unknown) => {
    const row = rows.find((r) => r.label === value);
    const text = row ? formatRowLabel(row, labelFormat) : String(value);
    return orientation === "rows" && text.length > 24 ? `${text.slice(0, 23)}…` : text;
  };
  const height = orientation === "rows" ? Math.max(120, 48 + rows.length * 36) : 288;
  // Room for the longest (truncated) row label, so short names leave the bars the width.
  const labelWidth = Math.min(160, 16 + 7 * Math.max(4, ...rows.map((r) => Math.min(24, label(r.label).length))));

  return (
    <div role="img" aria-label={title} className="w-full text-slate-600 dark:text-slate-300" style={{ height }} data-chart={title}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={rows}
          layout={orientation === "rows" ? "vertical" : "horizontal"}
          accessibilityLayer={false}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          barCategoryGap={orientation === "rows" ? 8 : "12%"}
        >
          <CartesianGrid stroke="currentColor" strokeOpacity={0.12} vertical={orientation === "rows"} horizontal={orientation === "columns"} />
          {orientation === "rows" ? (
            <>
              <XAxis type="number" allowDecimals={false} tickFormatter={(v: number) => number.format(v)} {...AXIS} />
              <YAxis type="category" dataKey="label" width={labelWidth} tickFormatter={label} interval={0} {...AXIS} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" tickFormatter={label} minTickGap={12} {...AXIS} />
              <YAxis allowDecimals={false} width={48} tickFormatter={(v: number) => number.format(v)} {...AXIS} />
            </>
          )}
          <Tooltip
            cursor={{ fill: "currentColor", fillOpacity: 0.06 }}
            content={({ active, payload }) => <ChartTooltip active={active} row={payload?.[0]?.payload as ChartRow | undefined} series={series} labelFormat={labelFormat} />}
          />
          {series.map((s) => (
            <Bar
              key={s.key}
              name={s.label}
              stackId="calls"
              dataKey={(row: ChartRow) => row.values[s.key] ?? 0}
              fill={s.color}
              isAnimationActive={false}
              shape={(props: BarShapeProps) => {
                const row = props.payload as ChartRow;
                const count = row.values[s.key] ?? 0;
                if (count === 0) return <g />;
                const href = row.hrefs[s.key] ?? null;
                return (
                  <rect
                    x={props.x}
                    y={props.y}
                    width={Math.max(0, props.width)}
                    height={Math.max(0, props.height)}
                    style={{ fill: s.color }}
                    className={href ? "cursor-pointer hover:opacity-80" : undefined}
                    data-series={s.key}
                    data-row={row.key}
                    data-count={count}
                    onClick={href ? () => router.push(href) : undefined}
                  />
                );
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function ChartTooltip({ active, row, series, labelFormat }: { active?: boolean; row?: ChartRow; series: ChartSeries[]; labelFormat: RowLabelFormat }) {
  if (!active || !row) return null;
  const number = new Intl.NumberFormat();
  const present = series.filter((s) => (row.values[s.key] ?? 0) > 0);
  const total = present.reduce((n, s) => n + (row.values[s.key] ?? 0), 0);
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-900 shadow-md dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
      <p className="mb-1 font-medium">
        {formatRowLabel(row, labelFormat, undefined, true)} · {number.format(total)} {total === 1 ? "call" : "calls"}
      </p>
      <ul className="space-y-0.5">
        {present.map((s) => (
          <li key={s.key} className="flex items-center gap-2">
            <span aria-hidden className="size-2 rounded-full" style={{ background: s.color }} />
            <span className="flex-1">{s.label}</span>
            <span className="tabular-nums">{number.format(row.values[s.key] ?? 0)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
