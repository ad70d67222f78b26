// GET /api/events – server-sent events: each committed change (call.created, call.updated,
// follow_up.changed, alert.opened, alert.changed) as it happens, on every instance (lib/live).
// Resumes after the Last-Event-ID header (or ?lastEventId=, for clients that cannot set headers).
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { openEventStream } from "@/lib/live/event-stream";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const viewer = await authorizeApiRequest(request);
  if (viewer instanceof Response) return viewer;
  return openEventStream({
    lastEventId: request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId"),
    signal: request.signal,
    stillAllowed: async () => !((await authorizeApiRequest(request)) instanceof Response),
  });
}
