"use client";
// An alert's buttons for members: acknowledge (someone is on it) and resolve (it is dealt with).
import { useState } from "react";
import { useRouter } from "next/navigation";

const buttonClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700";

export function AlertActions({ id, state, title }: { id: string; state: string; title: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function change(next: "acknowledged" | "resolved") {
    setBusy(true);
    setError(null);
    const response = await fetch(`/api/alerts/${encodeURIComponent(id)}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ state: next }),
    });
    setBusy(false);
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(body?.error?.message ?? `The change failed (HTTP ${response.status}).`);
    }
    router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {state === "open" && (
        <button type="button" className={buttonClass} disabled={busy} onClick={() => void change("acknowledged")}>
          Acknowledge<span className="sr-only">: {title}</span>
        </button>
      )}
      {state !== "resolved" && (
        <button type="button" className={buttonClass} disabled={busy} onClick={() => void change("resolved")}>
          Resolve<span className="sr-only">: {title}</span>
        </button>
      )}
      {error && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{error}</p>}
    </div>
  );
}
