"use client";
// Re-renders the page's server components (router.refresh) when a live event concerns what it
// shows: at most once per `everyMs`, the last event always followed by a refresh. Client state
// (a half-written note, an open menu) survives a refresh. Shows whether the page is live.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { LiveEventType } from "@/lib/live/live-events";
import { subscribeLive, type ConnectionState } from "./live-connection";

export function LiveRefresh({
  types,
  callId,
  everyMs = 2000,
  label = true,
}: {
  types: LiveEventType[];
  /** Only events of this call. */
  callId?: string;
  everyMs?: number;
  label?: boolean;
}) {
  const router = useRouter();
  const [state, setState] = useState<ConnectionState>("connecting");
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const typesKey = types.join(",");

  useEffect(() => {
    const wanted = new Set<string>(typesKey.split(","));
    const refresh = () => {
      timer.current = null;
      last.current = Date.now();
      router.refresh();
    };
    const unsubscribe = subscribeLive({
      onState: setState,
      onMessage: (message) => {
        if (message.type !== "reset" && !wanted.has(message.type)) return;
        if (callId && message.type !== "reset" && message.data.callId !== callId) return;
        if (timer.current) return;
        timer.current = setTimeout(refresh, Math.max(0, last.current + everyMs - Date.now()));
      },
    });
    return () => {
      unsubscribe();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [router, typesKey, callId, everyMs]);

  if (!label) return null;
  return <LiveIndicator state={state} />;
}

export function LiveIndicator({ state }: { state: ConnectionState }) {
  const live = state === "live";
  return (
    <span data-live-state={state} className="inline-flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400" title={live ? "Updates as deliveries arrive" : "Not receiving updates right now; reconnecting"}>
      <span aria-hidden className={`h-2 w-2 rounded-full ${live ? "bg-emerald-500" : "bg-amber-500"}`} />
      {live ? "Live" : state === "connecting" ? "Connecting…" : "Reconnecting…"}
    </span>
  );
}
