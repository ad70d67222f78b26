// The cookie that keeps a browser's time zone (README, "Time zones"). Set in the browser: on the first
// visit to the zone the browser reports, later to the one picked in the header. Read by the server
// (lib/time/viewer-time-zone.ts) so pages render their times and days in it from the first paint.
export const TIME_ZONE_COOKIE = "callboard_tz";

/** About a year: the browser keeps the zone until its owner changes it. */
export const TIME_ZONE_COOKIE_MAX_AGE = 400 * 24 * 3600;
