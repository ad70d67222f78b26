// Percentiles by nearest rank: p95 of 20 samples is the 19th smallest.
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function ms(value: number): string {
  return Number.isNaN(value) ? "n/a" : value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}
