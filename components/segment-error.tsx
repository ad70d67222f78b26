"use client";
// The body of every error.tsx: what failed, why it usually does, and a retry. `retry` (Next.js 16.4)
// re-fetches the segment's server components before re-rendering; the older `reset` only re-rendered
// what the client already had, so a page whose data read failed stayed failed.
import { useEffect } from "react";

export type SegmentErrorProps = { error: unknown; retry: () => void };

export function SegmentError({ error, retry, title }: SegmentErrorProps & { title: string }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  // In production Next.js replaces a server error's message with a digest that matches the server log.
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-lg border border-red-300 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950/40">
      <h1 className="text-lg font-semibold text-red-900 dark:text-red-200">{title}</h1>
      <p className="mt-2 text-sm text-red-900 dark:text-red-200">
        Something went wrong while reading the data — often the database is unreachable for a moment. Your calls are not
        lost: deliveries Voxia sent meanwhile were either stored or refused with an error Voxia can see.
      </p>
      {digest ? <p className="mt-2 font-mono text-xs text-red-800 dark:text-red-300">Reference: {digest}</p> : null}
      <button
        type="button"
        onClick={() => retry()}
        className="mt-4 rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800"
      >
        Try again
      </button>
    </div>
  );
}
