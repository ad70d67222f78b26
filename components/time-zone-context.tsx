"use client";
// The viewer's time zone (lib/time/viewer-time-zone.ts) for client components: the layout provides
// it, LocalTime formats in it, so the server's HTML and the browser's agree.
import { createContext, useContext } from "react";

const TimeZoneContext = createContext("UTC");

export function TimeZoneProvider({ zone, children }: { zone: string; children: React.ReactNode }) {
  return <TimeZoneContext value={zone}>{children}</TimeZoneContext>;
}

export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}
