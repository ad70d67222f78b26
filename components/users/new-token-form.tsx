"use client";
// Makes an API token for a user and shows it this once (it is not stored, only its hash).
import { useActionState } from "react";
import type { NewTokenResult } from "@/app/settings/users/actions";
import { CopyButton } from "@/components/connect/copy-button";

type Props = {
  action: (previous: NewTokenResult, form: FormData) => Promise<NewTokenResult>;
  users: { id: string; name: string; role: string }[];
};

const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950";

export function NewTokenForm({ action, users }: Props) {
  const [result, submit, pending] = useActionState<NewTokenResult, FormData>(action, null);
  return (
    <div className="space-y-3">
      <form action={submit} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <div>
          <label htmlFor="token-user" className="block text-sm font-medium">Acts as</label>
          <select id="token-user" name="userId" required className={input} defaultValue="">
            <option value="" disabled>Choose a user…</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>{user.name} ({user.role})</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="token-name" className="block text-sm font-medium">Token name</label>
          <input id="token-name" name="name" required maxLength={100} placeholder="e.g. nightly CRM sync" className={input} />
        </div>
        <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60 dark:bg-slate-100 dark:text-slate-900">
          {pending ? "Creating…" : "Create token"}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {result?.ok ? (
          <div className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100">
            <p className="mb-2">
              Token “{result.name}” for {result.userName}. Copy it now: it is not shown again. Scripts send it as{" "}
              <code>Authorization: Bearer …</code>.
            </p>
            <div className="flex flex-wrap items-center gap-2">
              <code data-testid="new-token" className="break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900 dark:bg-slate-900 dark:text-slate-100">{result.token}</code>
              <CopyButton text={result.token} />
            </div>
          </div>
        ) : result ? (
          <p className="text-sm text-red-700 dark:text-red-400">{result.message}</p>
        ) : null}
      </div>
    </div>
  );
}
