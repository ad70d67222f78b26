// Callboard counts in UTC days: date-only `from`/`to` filters, the rollups' `day` column and every
// chart bucket start at UTC midnight, so a bar for a day links to exactly the calls it counts.
export const DAY_MS = 86_400_000;

/** Midnight UTC at the start of `date`'s UTC day. */
export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
