// GET /api/health – is the app up, and can it reach its database?
import { checkHealth } from "@/lib/db/check-health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json({ status: health.ok ? "ok" : "degraded", app: "up", ...health }, { status: health.ok ? 200 : 503 });
}
