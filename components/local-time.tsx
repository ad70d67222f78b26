"use client";
import { useSyncExternalStore } from "react";
import { useTimeZone } from "./time-zone-context";

const subscribe = () => () => {};

/**
 * A timestamp in the viewer's time zone (named in the page header; the tooltip names it too and gives
 * the instant in ISO 8601). The server and the browser format in the same zone; only the locale can
 * differ (the server's English until the browser's takes over after hydration).
 */
export function LocalTime({ iso, dateOnly = false, withSeconds = false }: { iso: string; dateOnly?: boolean; withSeconds?: boolean }) {
  const zone = useTimeZone();
  const text = useSyncExternalStore(
    subscribe,
    () => format(iso, dateOnly, withSeconds, zone, undefined),
    () => format(iso, dateOnly, withSeconds, zone, "en-US"),
  );
  return (
    <time dateTime={iso} title={`${iso} · shown in ${zone}`} suppressHydrationWarning>
      {text}
    </time>
  );
}

// One formatter per kind of time, zone and locale: building an Intl.DateTimeFormat costs far more than
// using one (a fresh one per row was 10 ms of each /calls render).
const formatters = new Map<string, Intl.DateTimeFormat>();

function format(iso: string, dateOnly: boolean, withSeconds: boolean, timeZone: string, locale: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const key = `${locale ?? ""}|${dateOnly ? "d" : withSeconds ? "s" : "m"}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: "medium", ...(dateOnly ? {} : { timeStyle: withSeconds ? "medium" : "short" }), timeZone });
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}
