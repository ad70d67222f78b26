"use client";
// Saved views on the calls page: links to the named filters everyone on this Callboard shares, a form
// that names the current filter, and rename/delete. Changes go through /api/views, then the server
// page re-renders with the new list.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { SavedView } from "@/lib/views/saved-views";
import { useHydrated } from "./use-hydrated";

type Props = {
  views: SavedView[];
  /** The current filter as URL parameters (serializeCallFilters). */
  query: string;
  /** Members and admins save, rename and delete views; viewers only open them. */
  canEdit: boolean;
};

const inputClass =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";
const buttonClass =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800";

function textField(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === "string" ? value : "";
}

async function send(method: "POST" | "PATCH" | "DELETE", url: string, body?: object): Promise<string | null> {
  const response = await fetch(url, {
    method,
    headers: body ? { "content-type": "application/json" } : undefined,
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.ok) return null;
  const error = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return error?.error?.message ?? `the server answered ${response.status}`;
}

export function SavedViews({ views, query, canEdit }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const current = views.find((v) => v.query === query);

  function run(action: () => Promise<string | null>, done?: () => void) {
    startTransition(async () => {
      const failure = await action();
      setProblem(failure);
      if (!failure) {
        done?.();
        router.refresh();
      }
    });
  }

  return (
    <section aria-label="Saved views" className="flex flex-wrap items-center gap-2 text-sm" aria-busy={pending}>
      <h2 className="text-xs font-medium text-slate-600 dark:text-slate-400">Views</h2>
      {views.length === 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">{canEdit ? "none yet: filter the list, then save it as a view" : "none yet"}</p>
      ) : (
        <ul className="flex flex-wrap gap-1.5">
          {views.map((view) => (
            <li key={view.id}>
              <Link
                href={view.query ? `/calls?${view.query}` : "/calls"}
                aria-current={view === current ? "page" : undefined}
                className="inline-block rounded-full border border-slate-300 px-2.5 py-0.5 hover:bg-slate-100 aria-[current=page]:border-blue-700 aria-[current=page]:bg-blue-50 aria-[current=page]:text-blue-900 dark:border-slate-700 dark:hover:bg-slate-800 dark:aria-[current=page]:border-blue-400 dark:aria-[current=page]:bg-blue-950 dark:aria-[current=page]:text-blue-100"
              >
                {view.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {!canEdit ? null : saving ? (
        <form
          className="flex items-center gap-1.5"
          onSubmit={(e) => {
            e.preventDefault();
            const name = textField(e.currentTarget, "name");
            run(() => send("POST", "/api/views", { name, query }), () => setSaving(false));
          }}
        >
          <label className="flex items-center gap-1.5">
            <span className="text-xs font-medium text-slate-600 dark:text-slate-400">View name</span>
            <input name="name" required maxLength={100} autoFocus className={inputClass} placeholder="e.g. Hot leads this week" />
          </label>
          <button type="submit" disabled={pending} className={buttonClass}>
            Save
          </button>
          <button type="button" className={buttonClass} onClick={() => (setSaving(false), setProblem(null))}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" disabled={!hydrated} className={buttonClass} onClick={() => setSaving(true)}>
          Save view
        </button>
      )}
      {canEdit && views.length > 0 && <ManageViews views={views} pending={pending} run={run} />}
      {problem && (
        <p role="alert" className="basis-full text-xs text-red-700 dark:text-red-300">
          {problem}
        </p>
      )}
    </section>
  );
}

function ManageViews({ views, pending, run }: { views: SavedView[]; pending: boolean; run: (action: () => Promise<string | null>) => void }) {
  return (
    <details className="relative">
      <summary className={`${buttonClass} cursor-pointer list-none`}>Manage views</summary>
      <ul className="absolute z-10 mt-1 w-96 space-y-2 rounded-md border border-slate-300 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        {views.map((view) => (
          <li key={`${view.id}:${view.name}`}>
            <form
              className="flex items-center gap-1.5"
              onSubmit={(e) => {
                e.preventDefault();
                const name = textField(e.currentTarget, "name");
                run(() => send("PATCH", `/api/views/${view.id}`, { name }));
              }}
            >
              <input name="name" required maxLength={100} defaultValue={view.name} aria-label={`Name of view ${view.name}`} className={`${inputClass} min-w-0 flex-1`} />
              <button type="submit" disabled={pending} className={buttonClass}>
                Rename
              </button>
              <button
                type="button"
                disabled={pending}
                className={`${buttonClass} text-red-700 dark:text-red-300`}
                aria-label={`Delete view ${view.name}`}
                onClick={() => {
                  if (window.confirm(`Delete the view "${view.name}"? Everyone on this Callboard shares it.`)) {
                    run(() => send("DELETE", `/api/views/${view.id}`));
                  }
                }}
              >
                Delete
              </button>
            </form>
          </li>
        ))}
      </ul>
    </details>
  );
}
