// The warning a suppressed number carries on its contact's and its calls' pages: on the do-not-call
// list, in red, with since when and why; on the wrong-number list, in amber.
import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import { REASON_TITLES } from "@/lib/suppression/suppressed-numbers";

export type SuppressionEntry = { list: string; reason: string; firstSeenAt: string; callId: string };

export function SuppressionBanner({ entries }: { entries: SuppressionEntry[] }) {
  const doNotCall = entries.find((e) => e.list === "do_not_call");
  const wrongNumber = entries.find((e) => e.list === "wrong_number");
  if (!doNotCall && !wrongNumber) return null;
  return (
    <div className="space-y-2">
      {doNotCall && (
        <div role="alert" data-suppressed="do_not_call" className="rounded-lg border-2 border-red-700 bg-red-50 p-4 text-red-950 dark:border-red-500 dark:bg-red-950/60 dark:text-red-50">
          <p className="text-base font-semibold">
            On the do-not-call list since <LocalTime iso={doNotCall.firstSeenAt} dateOnly /> — do not call.
          </p>
          <p className="mt-1 text-sm">
            {REASON_TITLES[doNotCall.reason] ?? doNotCall.reason}, in{" "}
            <Link href={`/calls/${encodeURIComponent(doNotCall.callId)}`} className="underline">this call</Link>. The number is kept
            out of every follow-up queue and is on the{" "}
            <Link href="/suppression" className="underline">do-not-call list</Link>.
          </p>
        </div>
      )}
      {wrongNumber && (
        <div data-suppressed="wrong_number" className="rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-50">
          <span className="font-semibold">Wrong number</span> since <LocalTime iso={wrongNumber.firstSeenAt} dateOnly />:{" "}
          {REASON_TITLES[wrongNumber.reason] ?? wrongNumber.reason}, in{" "}
          <Link href={`/calls/${encodeURIComponent(wrongNumber.callId)}`} className="underline">this call</Link>.
        </div>
      )}
    </div>
  );
}
