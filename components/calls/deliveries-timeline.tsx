// Every webhook delivery received for the call, oldest first, each with the body as Voxia sent it.
import type { CallDetail } from "@/lib/calls/get-call";
import { getDeliveryBody } from "@/lib/calls/get-call";
import { parseVoxiaJson } from "@/lib/voxia/parse-voxia-json";
import { stringifyJson } from "@/lib/voxia/stringify-json";
import { LocalTime } from "@/components/local-time";
import { redactUrlSecrets } from "./redact-url-secrets";
import { JsonBlock } from "./json-value";
import { DetailsOnDemand } from "./details-on-demand";

// `showBodies` false (the viewer role): a raw body holds the phone number in full, so it is not shown.
export async function DeliveriesTimeline({ callId, deliveries, showBodies }: { callId: string; deliveries: CallDetail["deliveries"]; showBodies: boolean }) {
  if (deliveries.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No deliveries are stored for this call.</p>;
  const bodies = showBodies ? await Promise.all(deliveries.map((d) => getDeliveryBody(callId, BigInt(d.id)))) : [];
  return (
    <ol className="relative space-y-3 border-l-2 border-slate-200 pl-4 dark:border-slate-700">
      {deliveries.map((d, i) => (
        <li key={d.id} className="relative">
          <span aria-hidden className="absolute top-1.5 -left-[1.4rem] size-2.5 rounded-full bg-blue-600 ring-2 ring-white dark:ring-slate-900" />
          <div className="flex flex-wrap items-baseline gap-x-3 text-sm">
            <span className="font-mono font-medium break-all">{d.webhookEvent ?? "(no webhookEvent)"}</span>
            <span className="text-slate-600 dark:text-slate-400"><LocalTime iso={d.receivedAt} withSeconds /></span>
          </div>
          {showBodies ? (
          <DetailsOnDemand
            className="mt-1"
            summary={
              <summary className="cursor-pointer text-sm text-blue-700 dark:text-blue-300">
                Raw body<span className="sr-only"> of delivery {i + 1} ({d.webhookEvent ?? "no event"})</span>
              </summary>
            }
          >
            <BodyView body={bodies[i] ?? null} />
          </DetailsOnDemand>
          ) : (
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Raw body not shown to the viewer role (it holds the phone number).</p>
          )}
        </li>
      ))}
    </ol>
  );
}

function BodyView({ body }: { body: string | null }) {
  if (body === null) return <p className="text-sm">The body could not be read.</p>;
  // One-line JSON is unreadable; indent it when it parses (our lenient parser also reads Voxia's
  // Mongo-shell artefacts), otherwise show the bytes as received.
  let shown = body;
  let formatted = false;
  try {
    shown = stringifyJson(parseVoxiaJson(body), 2);
    formatted = true;
  } catch {
    // shown as received
  }
  return (
    <div className="mt-1 space-y-1">
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {formatted ? "Indented for reading" : "As received"}; {new TextEncoder().encode(body).length.toLocaleString("en")} bytes received. URL tokens are hidden.
      </p>
      <JsonBlock text={redactUrlSecrets(shown)} />
    </div>
  );
}
