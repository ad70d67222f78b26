// "Send Voxia's example": stores Voxia's published example through the webhook's own ingestion path
// (same parser, same transaction), so a new user sees what a real delivery turns into.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ingestDelivery, type IngestOutcome } from "@/lib/ingest/ingest-delivery";

/** The example byte for byte, including Voxia's non-JSON `new NumberInt("1")`. */
const PUBLISHED_EXAMPLE_FILE = path.join(process.cwd(), "lib", "voxia", "published-example.json");

export async function ingestPublishedExample(): Promise<IngestOutcome> {
  const body = new Uint8Array(await readFile(PUBLISHED_EXAMPLE_FILE));
  return ingestDelivery({ body, contentType: "application/json" });
}
