import { dayIn, nextDay } from "@/lib/time/time-zone";

/** Tomorrow's date (YYYY-MM-DD) in the viewer's zone: the earliest day an item can be snoozed to. */
export function tomorrowIn(zone: string): string {
  return nextDay(dayIn(new Date(), zone));
}
