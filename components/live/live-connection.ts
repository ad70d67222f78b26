// One EventSource per browser tab for GET /api/events, shared by every live component on the page
// and closed when the last one unmounts. The browser reconnects by itself and sends Last-Event-ID,
// so a dropped connection loses nothing; `reset` (the server no longer has what was missed) is
// passed on, and every listener reloads what it shows.
import type { LiveEventType } from "@/lib/live/live-events";

export type LiveMessage = { type: LiveEventType | "reset"; data: Record<string, unknown> };
export type ConnectionState = "connecting" | "live" | "reconnecting";

const TYPES: (LiveEventType | "reset")[] = ["call.created", "call.updated", "follow_up.changed", "alert.opened", "alert.changed", "reset"];

type Listener = { onMessage: (message: LiveMessage) => void; onState?: (state: ConnectionState) => void };

const listeners = new Set<Listener>();
let source: EventSource | null = null;
let state: ConnectionState = "connecting";

function setState(next: ConnectionState) {
  state = next;
  for (const l of listeners) l.onState?.(next);
}

function connect() {
  source = new EventSource("/api/events");
  setState("connecting");
  // Live on `ready` (the server has subscribed the stream), not on open: an event committed between
  // the two would otherwise be missed by a page that thinks it is live.
  source.addEventListener("ready", () => setState("live"));
  source.onerror = () => setState("reconnecting");
  for (const type of TYPES) {
    source.addEventListener(type, (event) => {
      let data: Record<string, unknown> = {};
      try {
        data = JSON.parse((event as MessageEvent<string>).data) as Record<string, unknown>;
      } catch {
        // a malformed event is announced without its fields
      }
      for (const l of listeners) l.onMessage({ type, data });
    });
  }
}

export function subscribeLive(listener: Listener): () => void {
  listeners.add(listener);
  if (!source) connect();
  else listener.onState?.(state);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && source) {
      source.close();
      source = null;
    }
  };
}
