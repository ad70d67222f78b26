// For the Connect page: one warning per missing security setting (none when all are set).
// Server component; reads the server's environment.
import { securityWarnings } from "@/lib/security/required-settings";

export function SecurityWarnings() {
  const warnings = securityWarnings();
  if (warnings.length === 0) return null;
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <p className="font-medium">This Callboard is not protected yet</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
      <p className="mt-2">A production server refuses to start until both are set (see docs/security.md).</p>
    </div>
  );
}
