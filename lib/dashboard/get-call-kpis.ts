// The headline figures for a set of calls: the KPI cards and the campaign funnel read this. Served by
// aggregateCalls, so from the rollups (exact, kept by the ingest transaction) unless a text search
// forces a scan; the definitions of connected, completed, … are lib/rollups/call-outcome-sql.ts.
import { aggregateCalls } from "@/lib/calls/aggregate-calls";
import type { CallFilters } from "@/lib/calls/call-filters";

export type CallKpis = {
  calls: number;
  connected: number;
  completed: number;
  interested: number;
  /** Seconds, over connected calls that report a duration; null when there are none. */
  averageDuration: number | null;
  callbacks: number;
  doNotCall: number;
};

export async function getCallKpis(filters: CallFilters): Promise<CallKpis> {
  const { rows } = await aggregateCalls(filters, [], [
    "connected", "completed", "outcomeInterested", "connectedDurationSum", "connectedDurationCount", "callbacks", "outcomeDoNotCall",
  ]);
  const total = rows[0];
  if (!total) return { calls: 0, connected: 0, completed: 0, interested: 0, averageDuration: null, callbacks: 0, doNotCall: 0 };
  return {
    calls: total.calls,
    connected: total.connected,
    completed: total.completed,
    interested: total.outcomeInterested,
    averageDuration: total.connectedDurationCount > 0 ? total.connectedDurationSum / total.connectedDurationCount : null,
    callbacks: total.callbacks,
    doNotCall: total.outcomeDoNotCall,
  };
}
