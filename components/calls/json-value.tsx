// Any value Voxia sent, shown as text: strings as they are, everything else as indented JSON, numbers
// with every digit they were sent with.
import { JsonNumber } from "@/lib/voxia/json-number";
import { stringifyJson } from "@/lib/voxia/stringify-json";

export function JsonValue({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === "") return <span className="text-slate-500">—</span>;
  if (typeof value === "string") return <span className="break-words whitespace-pre-wrap">{value}</span>;
  if (typeof value === "number" || typeof value === "boolean" || value instanceof JsonNumber) return <span className="font-mono [overflow-wrap:anywhere]">{String(value)}</span>;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
    return (
      <ul className="flex flex-wrap gap-1">
        {value.map((v, i) => (
          <li key={i} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs [overflow-wrap:anywhere] dark:bg-slate-800">{v}</li>
        ))}
      </ul>
    );
  }
  return <JsonBlock value={value} />;
}

export function JsonBlock({ value, text }: { value?: unknown; text?: string }) {
  return (
    // Focusable so a keyboard user can scroll a long body.
    <pre tabIndex={0} className="max-h-96 overflow-auto rounded bg-slate-100 p-2 font-mono text-xs break-all whitespace-pre-wrap text-slate-800 dark:bg-slate-950 dark:text-slate-200">
      {text ?? stringifyJson(value, 2)}
    </pre>
  );
}
