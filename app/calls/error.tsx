"use client";
// Shown when /calls or a call's page fails to load (most often: the database is unreachable).
import { useEffect } from "react";

export default function CallsError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950/40">
      <h1 className="text-lg font-semibold text-red-900 dark:text-red-200">The calls could not be loaded</h1>
      <p className="mt-2 text-sm text-red-900 dark:text-red-200">
        The database may be unavailable for a moment. Webhooks already accepted stay stored.
        {digest && <> Reference: <code>{digest}</code>.</>}
      </p>
      <button type="button" onClick={() => retry()} className="mt-4 rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800">
        Try again
      </button>
    </div>
  );
}
