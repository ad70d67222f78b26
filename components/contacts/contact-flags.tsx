// A contact's flags as badges. A suppressed number (on the do-not-call list, from this contact's calls
// or another's with the same number) is shown first and in solid red: nobody should dial it.
import type { ContactSummaryJson } from "@/lib/contacts/contact-json";

const badge = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap";

const FLAG_BADGES = [
  ["callbackRequested", "Callback requested", "bg-blue-100 text-blue-900 dark:bg-blue-900/50 dark:text-blue-100"],
  ["interested", "Interested", "bg-green-100 text-green-900 dark:bg-green-900/50 dark:text-green-100"],
  ["wrongNumber", "Wrong number", "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100"],
] as const;

export function ContactFlags({ flags, suppressed }: { flags: ContactSummaryJson["flags"]; suppressed: boolean }) {
  const shown = FLAG_BADGES.filter(([flag]) => flags[flag]);
  if (!suppressed && !flags.doNotCall && shown.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {suppressed ? (
        <span className={`${badge} bg-red-700 text-white dark:bg-red-600`} data-flag="suppressed">Do not call</span>
      ) : flags.doNotCall ? (
        <span className={`${badge} bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100`} data-flag="doNotCall">Asked not to be called</span>
      ) : null}
      {shown.map(([flag, label, colors]) => (
        <span key={flag} className={`${badge} ${colors}`} data-flag={flag}>{label}</span>
      ))}
    </span>
  );
}
