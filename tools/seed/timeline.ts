// When seeded calls happen: business hours, quieter weekends, volume growing over the period. Call i of
// n is placed at the (i + jitter)/n quantile of that intensity, so times rise with i and ids (which
// start with the time) sort in the order calls are generated — the order reprocess visits them.
const HOUR_MS = 3_600_000;

// Share of a day's calls per UTC hour (campaigns dial US business hours).
const HOUR_WEIGHTS = [2, 1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.5, 1, 2, 4, 6, 8, 9, 9, 9, 9, 8, 7, 6, 5, 4, 3, 2.5];
const WEEKDAY_WEIGHTS = [0.25, 1, 1.1, 1.1, 1.05, 0.95, 0.4]; // Sunday first

export type Timeline = { start: number; end: number; timeAt(quantile: number): number };

export function createTimeline(endMs: number, days: number): Timeline {
  const start = endMs - days * 24 * HOUR_MS;
  const hours = days * 24;
  const cumulative = new Float64Array(hours + 1);
  for (let h = 0; h < hours; h++) {
    const t = new Date(start + h * HOUR_MS);
    const growth = 0.6 + 0.8 * (h / hours);
    cumulative[h + 1] = cumulative[h]! + HOUR_WEIGHTS[t.getUTCHours()]! * WEEKDAY_WEIGHTS[t.getUTCDay()]! * growth;
  }
  const total = cumulative[hours]!;
  return {
    start,
    end: endMs,
    timeAt(quantile: number) {
      const target = Math.min(Math.max(quantile, 0), 1) * total;
      let lo = 0;
      let hi = hours;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! <= target) lo = mid;
        else hi = mid;
      }
      const span = cumulative[lo + 1]! - cumulative[lo]!;
      const within = span > 0 ? (target - cumulative[lo]!) / span : 0;
      return Math.floor(start + (lo + within) * HOUR_MS);
    },
  };
}
