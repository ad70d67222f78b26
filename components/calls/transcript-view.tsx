// The transcript as a conversation. Voxia names its agent "Voxia" (the example) but models say
// "assistant"/"agent"; the callee is "user". Anything else is shown with its role as sent, and a
// role or content that is not text (an object, a number) as its JSON.
import { stringifyJson } from "@/lib/voxia/stringify-json";
import { AGENT_ROLES, CALLEE_ROLES } from "@/lib/calls/transcript-speakers";

type Line = { role: string | null; content: string; understood: boolean };

function readTranscript(value: unknown): Line[] | null {
  if (!Array.isArray(value)) return null;
  return value.map((item) => {
    if (item && typeof item === "object") {
      const { role, content } = item as Record<string, unknown>;
      return {
        role: typeof role === "string" ? role : role === null || role === undefined ? null : `${stringifyJson(role)} (role not understood)`,
        content: typeof content === "string" ? content : stringifyJson(content ?? item),
        understood: (typeof role === "string" || role === null || role === undefined) && typeof content === "string",
      };
    }
    return { role: null, content: typeof item === "string" ? item : stringifyJson(item), understood: typeof item === "string" };
  });
}

export function TranscriptView({ transcript, contactName }: { transcript: unknown; contactName: string | null }) {
  const lines = readTranscript(transcript);
  if (!lines || lines.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No transcript for this call.</p>;
  return (
    <ol aria-label="Transcript" className="flex flex-col gap-2">
      {lines.map((line, i) => {
        const role = line.role?.toLowerCase() ?? "";
        const side = AGENT_ROLES.has(role) ? "agent" : CALLEE_ROLES.has(role) ? "callee" : "other";
        const speaker = side === "agent" ? `Agent (${line.role})` : side === "callee" ? (contactName ? `${contactName} (callee)` : "Callee") : (line.role ?? "Unknown speaker");
        return (
          <li
            key={i}
            data-role={side}
            data-understood={line.understood ? undefined : "false"}
            className={`max-w-[85%] rounded-2xl px-3 py-2 text-sm sm:max-w-[75%] ${
              side === "agent"
                ? "self-start rounded-bl-sm bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100"
                : side === "callee"
                  ? "self-end rounded-br-sm bg-blue-700 text-white"
                  : "self-center border border-dashed border-slate-300 dark:border-slate-600"
            }`}
          >
            <div className={`mb-0.5 text-xs font-semibold ${side === "callee" ? "text-blue-100" : "text-slate-600 dark:text-slate-300"}`}>{speaker}</div>
            <p className="break-words whitespace-pre-wrap">{line.content}</p>
          </li>
        );
      })}
    </ol>
  );
}
