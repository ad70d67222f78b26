// The measures a filter can select by name (`?measure=connected`), so every figure on a page links to
// exactly the calls it counts. What each one means is lib/rollups/call-outcome-sql.ts.
export const MEASURE_NAMES = ["connected", "completed", "interested", "callback", "doNotCall", "voicemail"] as const;
export type MeasureName = (typeof MEASURE_NAMES)[number];
