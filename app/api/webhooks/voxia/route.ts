// POST /api/webhooks/voxia – receive one Voxia call webhook (see README, "Webhook contract")
import { acceptVoxiaWebhook } from "@/lib/ingest/accept-webhook";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return acceptVoxiaWebhook(request);
}
