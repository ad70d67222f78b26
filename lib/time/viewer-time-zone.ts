// The viewer's time zone, for every page: the zone times are shown in and date-only filters and day
// buckets are days of. It is the browser's `callboard_tz` cookie when that names a zone; before the
// browser has set it (the very first page a browser opens), UTC — the header then detects the
// browser's zone, sets the cookie and renders the page again in it.
import { cookies } from "next/headers";
import { isTimeZone } from "./time-zone";
import { TIME_ZONE_COOKIE } from "./time-zone-cookie";
import { ianaName } from "./time-zone-names";

export async function viewerTimeZone(): Promise<{ zone: string; fromCookie: boolean }> {
  const raw = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  const value = raw ? safeDecode(raw) : null;
  return value && isTimeZone(value) ? { zone: ianaName(value), fromCookie: true } : { zone: "UTC", fromCookie: false };
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
