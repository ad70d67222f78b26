// UTC days: the key of call_answer_rollups (lib/rollups/rollup-sql.ts), whose whole days serve the
// key-question breakdown. Days shown to a viewer are days of their zone (lib/time/time-zone.ts).
export const DAY_MS = 86_400_000;

/** Midnight UTC at the start of `date`'s UTC day. */
export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
