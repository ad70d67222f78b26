"use client";
// On the first page of /calls: "3 new calls — show" when calls matching the list's filter arrive
// while it is open. The list does not move under the reader; `show` reloads it. The count is the
// API's `total` for the list's own filter from just after its newest call (`countUrl`), so it counts
// exactly the calls the list would show, not every call posted.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { formatCount } from "@/lib/ui/format";
import { subscribeLive } from "./live-connection";
import { LiveIndicator } from "./live-refresh";
import type { ConnectionState } from "./live-connection";

const DEBOUNCE_MS = 800;

export function NewCallsBanner({ countUrl }: { countUrl: string }) {
  const router = useRouter();
  // Kept with the URL it counted for: after `show`, the list's newest call moves and so does the URL.
  const [counted, setCounted] = useState<{ url: string; total: number; lowerBound: boolean } | null>(null);
  const [state, setState] = useState<ConnectionState>("connecting");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    let stopped = false;
    const recount = async () => {
      timer.current = null;
      const response = await fetch(countUrl, { headers: { Accept: "application/json" } }).catch(() => null);
      if (!response?.ok || stopped) return;
      const body = (await response.json()) as { total: number; totalIsLowerBound?: boolean };
      if (!stopped) setCounted({ url: countUrl, total: body.total, lowerBound: body.totalIsLowerBound === true });
    };
    const unsubscribe = subscribeLive({
      onState: setState,
      onMessage: (message) => {
        if (message.type !== "call.created" && message.type !== "call.updated" && message.type !== "reset") return;
        if (!timer.current) timer.current = setTimeout(() => void recount(), DEBOUNCE_MS);
      },
    });
    return () => {
      stopped = true;
      unsubscribe();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [countUrl]);

  const count = counted?.url === countUrl ? counted : null;
  const total = count?.total ?? 0;
  return (
    <div className="flex min-h-8 items-center gap-3" aria-live="polite">
      <LiveIndicator state={state} />
      {total > 0 && (
        <button
          type="button"
          onClick={() => router.refresh()}
          className="rounded-full bg-sky-700 px-3 py-1 text-sm font-medium text-white shadow hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2"
        >
          {formatCount(total, count?.lowerBound ?? false, ["new call", "new calls"])} — show
        </button>
      )}
    </div>
  );
}
