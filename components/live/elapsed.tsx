"use client";
// "2:05" since an instant, ticking every second in the browser (the server renders the same text
// for its own clock; the browser takes over after hydration).
import { useEffect, useState } from "react";
import { formatDuration } from "@/lib/ui/format";

export function Elapsed({ since, label }: { since: string; label: string }) {
  const start = new Date(since).getTime();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span title={`${label} ${since}`} suppressHydrationWarning className="tabular-nums">
      {formatDuration(Math.max(0, (now - start) / 1000))}
    </span>
  );
}
