// The plain, serialisable props a chart receives from its server component.

/** One stacked series: a status, with its colour (lib/ui/outcome-colors.ts). */
export type ChartSeries = { key: string; label: string; color: string };

/** One bar: a campaign, or a day/week/month (key = its first day, YYYY-MM-DD). */
export type ChartRow = {
  key: string;
  label: string;
  values: Record<string, number>;
  /** Where clicking each segment leads (the calls list with that filter); null: nowhere. */
  hrefs: Record<string, string | null>;
};

/** How row labels are shown: as given, or as UTC dates in the viewer's locale. */
export type RowLabelFormat = "text" | "day" | "week" | "month";

export function formatRowLabel(row: Pick<ChartRow, "label">, format: RowLabelFormat, locale?: string, long = false): string {
  if (format === "text") return row.label;
  const date = new Date(`${row.label}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return row.label;
  const options: Intl.DateTimeFormatOptions =
    format === "month"
      ? { month: long ? "long" : "short", year: "numeric" }
      : { month: "short", day: "numeric", ...(long ? { year: "numeric" } : {}) };
  const text = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(date);
  return format === "week" && long ? `Week of ${text}` : text;
}
