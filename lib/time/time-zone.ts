// Calendar days in an IANA time zone: where a day starts as an instant, and which day an instant is
// in. Date filters, day buckets and the times on every page use these, so a date means the same day
// everywhere a viewer sees it (README, "Time zones").

/** True when `zone` is an IANA zone name this runtime knows ("UTC", "Europe/Berlin", …). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(zone, formatter);
  }
  return formatter;
}

// Offsets already worked out, per zone and instant. A page asks for the same few instants thousands of
// times: every link of a chart writes its day's bounds as dates of the zone (serializeCallFilters),
// and formatToParts costs ~5 µs a call (100 ms of a New York overview at 1M calls before this cache).
const offsets = new Map<string, Map<number, number>>();
const OFFSETS_KEPT = 20_000;

/** The zone's offset from UTC at `instant`, in milliseconds (east positive). */
export function zoneOffsetMs(instant: Date, zone: string): number {
  if (zone === "UTC") return 0;
  const time = instant.getTime();
  let known = offsets.get(zone);
  const offset = known?.get(time);
  if (offset !== undefined) return offset;
  const parts: Record<string, number> = {};
  for (const p of formatterFor(zone).formatToParts(instant)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute, parts.second);
  const computed = asUtc - Math.floor(time / 1000) * 1000;
  if (!known || known.size >= OFFSETS_KEPT) offsets.set(zone, (known = new Map<number, number>()));
  known.set(time, computed);
  return computed;
}

/** The instant a calendar day (YYYY-MM-DD) begins in `zone` (its first existing minute on a DST day). */
export function startOfDayIn(day: string, zone: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  const wall = Date.UTC(y!, m! - 1, d);
  // The offset at the guess can differ from the offset at the answer (a DST change that night), so
  // both offsets are tried; the earliest instant that lies on `day` wins. Where local midnight does
  // not exist (a clock jumping from 23:59 to 01:00), that is the first minute after the jump.
  const first = wall - zoneOffsetMs(new Date(wall), zone);
  const second = wall - zoneOffsetMs(new Date(first), zone);
  const onDay = [first, second].filter((t) => dayIn(new Date(t), zone) === day);
  return new Date(onDay.length > 0 ? Math.min(...onDay) : first);
}

/** The calendar day (YYYY-MM-DD) that `instant` falls on in `zone`. */
export function dayIn(instant: Date, zone: string): string {
  return new Date(instant.getTime() + zoneOffsetMs(instant, zone)).toISOString().slice(0, 10);
}

/** The day after `day` (YYYY-MM-DD), by the calendar. */
export function nextDay(day: string, by = 1): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + by)).toISOString().slice(0, 10);
}
