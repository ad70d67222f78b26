"use client";
// "Times in Europe/Berlin · change" in the header: names the zone every time, date filter and day
// bucket on the page is in, and lets the viewer pick UTC or any IANA zone. The choice is a cookie
// (lib/time/time-zone-cookie.ts), so it is kept per browser and the server renders in it.
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, useTransition } from "react";
import { TIME_ZONE_COOKIE, TIME_ZONE_COOKIE_MAX_AGE } from "@/lib/time/time-zone-cookie";
import { formerName, ianaName } from "@/lib/time/time-zone-names";
import { zoneOffsetMs } from "@/lib/time/time-zone";

/** "UTC+05:30" now, beside each zone's name. */
function offsetText(zone: string, now: Date): string {
  const minutes = Math.round(zoneOffsetMs(now, zone) / 60_000);
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? "−" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

function browserZone(): string | null {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone ? ianaName(zone) : null;
  } catch {
    return null;
  }
}

function allZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone").map(ianaName) : [];
  return [...new Set(["UTC", ...zones])];
}

function keepZone(zone: string): boolean {
  document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=${TIME_ZONE_COOKIE_MAX_AGE}; samesite=lax`;
  return document.cookie.split("; ").includes(`${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}`);
}

export function TimeZonePicker({ zone, fromCookie }: { zone: string; fromCookie: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const [pending, startTransition] = useTransition();
  const panelId = useId();
  const searchRef = useRef<HTMLInputElement>(null);

  // First visit: the server rendered UTC; keep the browser's zone and render again in it.
  useEffect(() => {
    if (fromCookie) return;
    const detected = browserZone();
    if (detected && keepZone(detected) && detected !== zone) startTransition(() => router.refresh());
  }, [fromCookie, zone, router]);

  useEffect(() => {
    if (open) searchRef.current?.focus();
  }, [open]);

  const detected = open ? browserZone() : null;
  const matches = useMemo(() => {
    if (!open) return [];
    const needle = search.trim().toLowerCase().replaceAll(" ", "_");
    return allZones().filter((z) => `${z} ${formerName(z) ?? ""}`.toLowerCase().includes(needle));
  }, [open, search]);

  function choose(next: string) {
    keepZone(next);
    setOpen(false);
    setSearch("");
    startTransition(() => router.refresh());
  }

  return (
    <div className="relative text-sm text-slate-600 dark:text-slate-300" onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <span data-testid="time-zone">
        Times in <strong className="font-medium text-slate-900 dark:text-white">{zone}</strong>
      </span>{" "}
      ·{" "}
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="underline decoration-dotted underline-offset-2 hover:text-slate-900 dark:hover:text-white"
      >
        change<span className="sr-only"> time zone</span>
      </button>
      {pending ? <span className="ml-1 text-xs text-slate-500" aria-live="polite">updating…</span> : null}
      {open ? (
        <div
          id={panelId}
          role="dialog"
          aria-label="Time zone"
          className="absolute right-0 z-20 mt-2 w-80 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <input
            ref={searchRef}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Search zones, e.g. Kolkata"
            aria-label="Search time zones"
            className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
          />
          <ul aria-label="Time zones" className="mt-2 max-h-72 overflow-y-auto">
            {detected && !search ? (
              <li>
                <ZoneButton zone={detected} current={zone} note="your browser" onChoose={choose} />
              </li>
            ) : null}
            {matches.map((z) => (
              <li key={z}>
                <ZoneButton zone={z} current={zone} onChoose={choose} />
              </li>
            ))}
            {matches.length === 0 ? <li className="px-2 py-1.5 text-slate-500">No zone matches “{search}”.</li> : null}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function ZoneButton({ zone, current, note, onChoose }: { zone: string; current: string; note?: string; onChoose: (zone: string) => void }) {
  return (
    <button
      type="button"
      aria-current={zone === current ? "true" : undefined}
      onClick={() => onChoose(zone)}
      className="flex w-full justify-between gap-2 rounded px-2 py-1 text-left text-slate-800 hover:bg-slate-100 aria-[current=true]:font-semibold dark:text-slate-200 dark:hover:bg-slate-800"
    >
      <span>{zone.replaceAll("_", " ")}</span>
      <span className="text-xs whitespace-nowrap text-slate-500 tabular-nums dark:text-slate-400">{note ? `${note} · ` : ""}{offsetText(zone, new Date())}</span>
    </button>
  );
}
