import Link from "next/link";

/** Why the table is empty: nothing has arrived at all, or nothing matches the filters. */
export function CallsEmptyState({ anyCalls }: { anyCalls: boolean }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
      {anyCalls ? (
        <>
          <p className="font-medium">No calls match these filters.</p>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            <Link href="/calls" className="text-blue-700 underline dark:text-blue-300">Clear all filters</Link>
            {" "}to see every call.
          </p>
        </>
      ) : (
        <>
          <p className="font-medium">No calls received yet.</p>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            Calls appear here as soon as Voxia sends its first webhook.{" "}
            <Link href="/settings/webhook" className="text-blue-700 underline dark:text-blue-300">Here is how to connect Voxia</Link>.
          </p>
        </>
      )}
    </div>
  );
}
