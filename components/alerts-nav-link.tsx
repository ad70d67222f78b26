// The nav's link to /alerts, with the number of open alerts (a count over the partial index
// alerts_open_idx, cheap on every page).
import Link from "next/link";
import { currentSession } from "@/lib/auth/require-viewer";
import { countAlerts } from "@/lib/alerts/list-alerts";
import { schemaState } from "@/lib/db/schema-state";

export async function AlertsNavLink({ className }: { className: string }) {
  const session = schemaState().status === "ready" ? await currentSession() : null;
  const open = session ? await countAlerts("open").catch(() => 0) : 0;
  return (
    <Link href="/alerts" className={`${className} inline-flex items-center gap-1`}>
      Alerts
      {open > 0 && (
        <span data-open-alerts={open} className="rounded-full bg-red-700 px-1.5 text-xs font-semibold tabular-nums text-white">
          {open.toLocaleString("en-US")}<span className="sr-only"> open</span>
        </span>
      )}
    </Link>
  );
}
