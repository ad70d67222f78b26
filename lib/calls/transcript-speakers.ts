// Who says a transcript line, by its role. Voxia names its agent "Voxia" (the example) but models
// say "assistant"/"agent"; the callee is "user". Shared by the call page's transcript and the CSV's.
import { stringifyJson } from "@/lib/voxia/stringify-json";

export const AGENT_ROLES: ReadonlySet<string> = new Set(["voxia", "assistant", "agent", "bot", "ai"]);
export const CALLEE_ROLES: ReadonlySet<string> = new Set(["user", "callee", "contact", "customer", "human"]);

const asText = (value: unknown) => (typeof value === "string" ? value : stringifyJson(value));

/**
 * A stored transcript as plain text, a line per entry: "Agent: …", "Contact: …", another role as
 * sent ("Supervisor: …"), a line without a role as its text alone; content that is not text as its
 * JSON. Null when there is no transcript.
 */
export function transcriptPlainText(transcript: unknown): string | null {
  if (!Array.isArray(transcript) || transcript.length === 0) return null;
  return transcript
    .map((entry: unknown) => {
      if (!entry || typeof entry !== "object" || Array.isArray(entry)) return asText(entry);
      const { role, content } = entry as Record<string, unknown>;
      const said = asText(content ?? entry);
      if (role === null || role === undefined || role === "") return said;
      const name = typeof role === "string" ? role.toLowerCase() : "";
      const speaker = AGENT_ROLES.has(name) ? "Agent" : CALLEE_ROLES.has(name) ? "Contact" : asText(role);
      return `${speaker}: ${said}`;
    })
    .join("\n");
}
