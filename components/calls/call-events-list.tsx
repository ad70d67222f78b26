// What happened during the call (Voxia's `events`): SMS, forwards, meetings, and any type Voxia adds.
import type { CallDetail } from "@/lib/calls/get-call";
import { LocalTime } from "@/components/local-time";
import { JsonNumber } from "@/lib/voxia/json-number";
import { FieldList } from "./field-list";
import { JsonBlock, JsonValue } from "./json-value";

type Data = Record<string, unknown>;

export function CallEventsList({ events }: { events: CallDetail["events"] }) {
  if (events.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No events on this call.</p>;
  return (
    <ul className="space-y-3">
      {events.map((event, i) => {
        const data = (event.data && typeof event.data === "object" && !Array.isArray(event.data) && !(event.data instanceof JsonNumber) ? event.data : {}) as Data;
        return (
          <li key={i} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
            <h3 className="mb-2 text-sm font-semibold">{title(event.type)}</h3>
            <EventBody type={event.type} data={data} raw={event.data} />
          </li>
        );
      })}
    </ul>
  );
}

function title(type: string | null): string {
  switch (type) {
    case "SMS": return "SMS";
    case "FORWARD": return "Call forwarded";
    case "MEETING": return "Meeting booked";
    default: return type ? `Event: ${type}` : "Event without a type";
  }
}

const text = (v: unknown) => <JsonValue value={v} />;
const time = (v: unknown) => (typeof v === "string" && !Number.isNaN(Date.parse(v)) ? <LocalTime iso={v} /> : text(v));
const yesNo = (v: unknown) => (typeof v === "boolean" ? (v ? "Yes" : "No") : text(v));

function EventBody({ type, data, raw }: { type: string | null; data: Data; raw: unknown }) {
  const rest = (known: string[]) => Object.entries(data).filter(([k]) => !known.includes(k)).map(([k, v]) => [k, text(v)] as [string, React.ReactNode]);
  if (type === "SMS") {
    const known = ["text", "status", "sent", "sentAt", "sentTo", "sentFrom", "smsSid", "uri"];
    return (
      <div className="space-y-2">
        {typeof data.text === "string" && <blockquote className="rounded bg-slate-100 px-3 py-2 text-sm whitespace-pre-wrap dark:bg-slate-800">{data.text}</blockquote>}
        <FieldList
          fields={[
            ["Delivery status", text(data.status)],
            ["Sent", yesNo(data.sent)],
            ["Sent at", time(data.sentAt)],
            ["To", text(data.sentTo)],
            ["From", text(data.sentFrom)],
            ["SMS SID", text(data.smsSid)],
            ["URI", text(data.uri)],
            ...rest(known),
          ]}
        />
      </div>
    );
  }
  if (type === "FORWARD") {
    return <FieldList fields={[["Forwarded to", text(data.phoneNumber)], ["Contact shown as caller ID", yesNo(data.contactAsCallerId)], ...rest(["phoneNumber", "contactAsCallerId"])]} />;
  }
  if (type === "MEETING" && Object.keys(data).length > 0) {
    return <FieldList fields={Object.entries(data).map(([k, v]) => [k, /at$|date/i.test(k) ? time(v) : text(v)])} />;
  }
  return <JsonBlock value={raw} />;
}
