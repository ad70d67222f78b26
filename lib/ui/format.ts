// Formatting shared by server and client components. Dates are formatted in the viewer's time zone
// by components/local-time.tsx (the server does not know it); everything here is zone-free.

/** 128 → "2:08"; 3725 → "1:02:05"; null → "—". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

export function formatPercent(part: number, whole: number, locale?: string): string {
  if (whole === 0) return "—";
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(part / whole);
}

/** "1,234 contacts"; past a bounded count's limit "10,000+ contacts", a lower bound. */
export function formatCount(total: number, isLowerBound: boolean, [one, many]: [string, string]): string {
  return `${total.toLocaleString("en-US")}${isLowerBound ? "+" : ""} ${total === 1 && !isLowerBound ? one : many}`;
}

/** How long someone has waited, in the largest whole unit: "waiting 3 days", "waiting 5 hours". */
export function formatWaiting(seconds: number): string {
  // Weeks and months from two of them on: "10 days" says more than "1 week".
  const units: [number, string, number][] = [[86_400 * 365, "year", 1], [86_400 * 30, "month", 2], [86_400 * 7, "week", 2], [86_400, "day", 1], [3_600, "hour", 1], [60, "minute", 1]];
  for (const [size, name, from] of units) {
    const n = Math.floor(seconds / size);
    if (n >= from) return `waiting ${n} ${name}${n === 1 ? "" : "s"}`;
  }
  return "waiting under a minute";
}
