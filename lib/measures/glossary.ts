// The glossary: every measure a page, the CSV stats or GET /api/stats shows, defined once — its label,
// the sentence saying what it counts, the SQL that counts it and the filter that lists exactly its
// calls. The SQL is lib/rollups/call-outcome-sql.ts, which also builds call_rollups, so a figure read
// from the rollups, a scan and the calls list behind its link are the same calls.
import type { CallFilters } from "@/lib/calls/call-filters";
import type { MeasureName } from "@/lib/calls/measure-names";
import type { Measure as RollupMeasure } from "@/lib/calls/aggregate-calls";

export type CountKey = "calls" | "connected" | "completed" | "interested" | "callbacks" | "doNotCall" | "voicemail";

export type CountDefinition = {
  key: CountKey;
  label: string;
  /** What it counts, in one sentence a user reads under or beside the figure. */
  description: string;
  /** The rollup measure (lib/calls/aggregate-calls.ts) that sums it. */
  rollup: RollupMeasure;
  /** `measure=<name>` of the calls filter selecting exactly these calls; null: every call. */
  filter: MeasureName | null;
};

export const COUNTS: Record<CountKey, CountDefinition> = {
  calls: {
    key: "calls", label: "Calls", rollup: "calls", filter: null,
    description: "Every call Voxia reported in the range, answered or not.",
  },
  connected: {
    key: "connected", label: "Connected", rollup: "connected", filter: "connected",
    description: "Calls someone picked up: Voxia reported a conversation, a hang-up reason or an outcome.",
  },
  completed: {
    key: "completed", label: "Completed", rollup: "completed", filter: "completed",
    description: "Connected calls that ended normally: call status Completed, or an outcome from post-processing.",
  },
  interested: {
    key: "interested", label: "Interested", rollup: "outcomeInterested", filter: "interested",
    description: "Calls where the contact was interested: the outcome is Interested or the campaign's interest criterion was reached.",
  },
  callbacks: {
    key: "callbacks", label: "Callbacks requested", rollup: "callbacks", filter: "callback",
    description: "Calls where the contact asked to be called later.",
  },
  doNotCall: {
    key: "doNotCall", label: "Do-not-call requests", rollup: "outcomeDoNotCall", filter: "doNotCall",
    description: "Calls where the contact asked not to be called again.",
  },
  voicemail: {
    key: "voicemail", label: "Voicemail", rollup: "voicemail", filter: "voicemail",
    description: "Calls that reached a voicemail box.",
  },
};

export const COUNT_KEYS = Object.keys(COUNTS) as CountKey[];

/** A rate: one count as a share of another, always that one. */
export type RateDefinition = { key: string; label: string; description: string; part: CountKey; of: CountKey };

export const CONNECTED_RATE: RateDefinition = {
  key: "connectedRate", label: "Connected rate", part: "connected", of: "calls",
  description: "Connected calls as a share of all calls.",
};
/** The interest rate: interested calls out of connected calls, the one denominator on every page. */
export const INTEREST_RATE: RateDefinition = {
  key: "interestRate", label: "Interest rate", part: "interested", of: "connected",
  description: "Interested calls as a share of connected calls.",
};

export const AVERAGE_DURATION = {
  key: "averageDuration",
  label: "Average duration",
  description: "Mean seconds with Voxia's agent over connected calls that report a duration above 0.",
} as const;

/** A key question counted as answered: its value is present and not empty (the filter `<label>:exists`). */
export const ANSWERED_DESCRIPTION = "Calls whose summary gives this key question a non-empty answer.";

/** Every figure of the glossary for one set of calls. */
export type MeasureValues = Record<CountKey, number> & { interestRate: number | null; connectedRate: number | null; averageDuration: number | null };

export const ROLLUP_MEASURES_OF_GLOSSARY = [
  ...COUNT_KEYS.map((k) => COUNTS[k].rollup).filter((m) => m !== "calls"),
  "connectedDurationSum",
  "connectedDurationCount",
] as const satisfies readonly RollupMeasure[];

/** The measure values of one aggregate row (aggregateCalls with ROLLUP_MEASURES_OF_GLOSSARY). */
export function measureValues(row: Partial<Record<RollupMeasure, number>> | undefined): MeasureValues {
  const counts = Object.fromEntries(COUNT_KEYS.map((k) => [k, row?.[COUNTS[k].rollup] ?? 0])) as Record<CountKey, number>;
  const durationCount = row?.connectedDurationCount ?? 0;
  return {
    ...counts,
    connectedRate: rate(counts, CONNECTED_RATE),
    interestRate: rate(counts, INTEREST_RATE),
    averageDuration: durationCount > 0 ? (row?.connectedDurationSum ?? 0) / durationCount : null,
  };
}

function rate(counts: Record<CountKey, number>, r: RateDefinition): number | null {
  const whole = counts[r.of];
  return whole > 0 ? counts[r.part] / whole : null;
}

/** The filters that list exactly the calls a count counts. */
export function countFilters(filters: CallFilters, key: CountKey): CallFilters {
  const measure = COUNTS[key].filter;
  return measure && !filters.measure.includes(measure) ? { ...filters, measure: [...filters.measure, measure] } : filters;
}
