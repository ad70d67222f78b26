"use client";
// The figures behind a chart as a table, every non-zero count a link to those calls: the keyboard
// and screen-reader way into a chart, and a way to read exact numbers. Drawn when it is unfolded,
// from the rows the chart already received: rendered on the server, a month of days × statuses
// (~600 linked cells, twice: as HTML and in the React payload) was most of the overview's 525 KB and
// of its rendering time.
import { useState } from "react";
import Link from "next/link";
import { formatRowLabel, type ChartRow, type ChartSeries, type RowLabelFormat } from "./chart-types";

type Props = { caption: string; rowHeader: string; rows: ChartRow[]; series: ChartSeries[]; labelFormat: RowLabelFormat; locale?: string };

export function ChartDataTable(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-3 text-sm" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white">Show as table</summary>
      {open ? <Figures {...props} /> : null}
    </details>
  );
}

function Figures({ caption, rowHeader, rows, series, labelFormat, locale }: Props) {
  const number = new Intl.NumberFormat(locale);
  const shown = rows.filter((row) => series.some((s) => (row.values[s.key] ?? 0) > 0));
  return (
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left tabular-nums">
          <caption className="sr-only">{caption}</caption>
          <thead className="text-xs text-slate-500 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">{rowHeader}</th>
              {series.map((s) => (
                <th key={s.key} scope="col" className="px-2 py-1 text-right font-medium">{s.label}</th>
              ))}
              <th scope="col" className="py-1 pl-2 text-right font-medium">Total</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.key} className="border-t border-slate-200 dark:border-slate-800">
                <th scope="row" className="py-1 pr-3 font-normal">{formatRowLabel(row, labelFormat, locale, true)}</th>
                {series.map((s) => {
                  const count = row.values[s.key] ?? 0;
                  const href = row.hrefs[s.key];
                  return (
                    <td key={s.key} className="px-2 py-1 text-right">
                      {count > 0 && href ? <Link className="underline" href={href}>{number.format(count)}</Link> : count > 0 ? number.format(count) : ""}
                    </td>
                  );
                })}
                <td className="py-1 pl-2 text-right">{number.format(series.reduce((n, s) => n + (row.values[s.key] ?? 0), 0))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 ? <p className="py-2 text-slate-500 dark:text-slate-400">No calls in this range.</p> : null}
      </div>
  );
}
