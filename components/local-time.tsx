"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * A timestamp in the viewer's locale and time zone. The server renders the UTC time (it cannot know
 * the viewer's zone); the browser replaces it after hydration.
 */
export function LocalTime({ iso, dateOnly = false, withSeconds = false }: { iso: string; dateOnly?: boolean; withSeconds?: boolean }) {
  const text = useSyncExternalStore(
    subscribe,
    () => format(iso, dateOnly, withSeconds, undefined),
    () => format(iso, dateOnly, withSeconds, "UTC"),
  );
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}

function format(iso: string, dateOnly: boolean, withSeconds: boolean, timeZone: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = new Intl.DateTimeFormat(undefined, {
    dateStyle: "medium",
    ...(dateOnly ? {} : { timeStyle: withSeconds ? "medium" : "short" }),
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
  // Intl refuses timeZoneName together with dateStyle, so the server's zone is named by hand.
  return timeZone && !dateOnly ? `${text} ${timeZone}` : text;
}
