import type { CallDetail } from "@/lib/calls/get-call";
import { humanize } from "@/lib/voxia/vocabulary";
import { JsonNumber } from "@/lib/voxia/json-number";
import { JsonValue } from "./json-value";

/** The campaign's key questions as answered on this call. */
export function KeyQuestionsTable({ questions }: { questions: CallDetail["keyQuestions"] }) {
  if (questions.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No key questions were answered on this call.</p>;
  return (
    // Focusable: on a phone the table scrolls sideways and a keyboard user must be able to scroll it.
    <div className="overflow-x-auto" tabIndex={0}>
      <table className="w-full min-w-[36rem] text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-xs text-slate-600 uppercase dark:border-slate-700 dark:text-slate-400">
            <th scope="col" className="py-1.5 pr-3 font-medium">Question</th>
            <th scope="col" className="py-1.5 pr-3 font-medium">Answer</th>
            <th scope="col" className="py-1.5 pr-3 font-medium">Type</th>
            <th scope="col" className="py-1.5 pr-3 font-medium">Description</th>
            <th scope="col" className="py-1.5 font-medium">Options</th>
          </tr>
        </thead>
        <tbody>
          {questions.map((q) => (
            <tr key={q.label} className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800">
              <th scope="row" className="py-2 pr-3 font-medium">{q.label}</th>
              <td className="py-2 pr-3"><Answer value={q.value} text={q.valueText} /></td>
              <td className="py-2 pr-3 whitespace-nowrap">{q.type ? humanize(q.type) : <span className="text-slate-500">—</span>}</td>
              <td className="py-2 pr-3">{q.description ?? <span className="text-slate-500">—</span>}</td>
              <td className="py-2">
                {Array.isArray(q.options) && q.options.length > 0 ? (
                  <ul className="list-inside list-disc">{q.options.map((o, i) => <li key={i}><JsonValue value={o} /></li>)}</ul>
                ) : (
                  <span className="text-slate-500">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Answer({ value, text }: { value: unknown; text: string | null }) {
  if (value === true) return <span className="font-medium text-green-700 dark:text-green-400">Yes</span>;
  if (value === false) return <span className="font-medium">No</span>;
  // A number beyond a double's precision is a JsonNumber object; its text is valueText.
  if (value !== null && typeof value === "object" && !(value instanceof JsonNumber)) return <JsonValue value={value} />;
  return text ? <span className="break-words whitespace-pre-wrap">{text}</span> : <span className="text-slate-500">—</span>;
}
