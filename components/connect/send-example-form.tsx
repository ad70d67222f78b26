"use client";
// Sends Voxia's published example through the app's own ingestion and links to the call it made.
import Link from "next/link";
import { useActionState } from "react";
import type { SendExampleResult } from "@/app/settings/webhook/actions";

type Props = { action: () => Promise<SendExampleResult> };

export function SendExampleForm({ action }: Props) {
  const [result, submit, pending] = useActionState<SendExampleResult>(action, null);
  return (
    <form action={submit} className="flex flex-wrap items-center gap-3">
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
      >
        {pending ? "Sending…" : "Send Voxia's example"}
      </button>
      <p role="status" aria-live="polite" className="text-sm">
        {result?.ok ? (
          <>
            {result.duplicate ? "Already stored (the same bytes were received before): " : "Stored: "}
            <Link className="font-medium underline" href={`/calls/${encodeURIComponent(result.callId)}`}>
              open call {result.callId}
            </Link>
          </>
        ) : result ? (
          <span className="text-red-700 dark:text-red-400">{result.message}</span>
        ) : null}
      </p>
    </form>
  );
}
