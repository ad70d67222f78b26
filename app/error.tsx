"use client";
// Any page that fails to render lands here: say what happened and offer a retry. The message is
// generic in production (Next.js hides server error details); the digest matches the server log.
import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-xl font-semibold">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Something went wrong while reading the data — often the database is unreachable. Your calls are not lost:
        deliveries Voxia sent while this happened were either stored or refused with an error Voxia can see.
      </p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-slate-500 dark:text-slate-400">Reference: {error.digest}</p> : null}
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-white"
      >
        Try again
      </button>
    </div>
  );
}
