"use client";
// The forms of /settings/users that can answer with a one-time sign-in link, shown this once (only
// its hash is stored): adding a user, and a new link for an existing one.
import { useActionState, useState } from "react";
import type { SignInLinkResult } from "@/app/settings/users/actions";
import { CopyButton } from "@/components/connect/copy-button";
import { LocalTime } from "@/components/local-time";

type Action = (previous: SignInLinkResult, form: FormData) => Promise<SignInLinkResult>;

const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950";
const primary = "rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60 dark:bg-slate-100 dark:text-slate-900";
const small = "rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";

function LinkResult({ result }: { result: SignInLinkResult }) {
  if (!result) return null;
  if (!result.ok) return <p role="alert" className="text-sm text-red-700 dark:text-red-400">{result.message}</p>;
  return (
    <div role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-left text-sm text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100">
      <p className="mb-2">{result.message}</p>
      {result.url && (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <code data-testid="sign-in-link" className="break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900 dark:bg-slate-900 dark:text-slate-100">{result.url}</code>
            <CopyButton text={result.url} />
          </div>
          <p className="mt-2 text-xs">Copy it now: it is not shown again. It works once, until <LocalTime iso={result.expiresAt!} />.</p>
        </>
      )}
    </div>
  );
}

export function AddUserForm({ action, roles, minPasswordLength }: { action: Action; roles: readonly string[]; minPasswordLength: number }) {
  const [result, submit, pending] = useActionState<SignInLinkResult, FormData>(action, null);
  const [firstSignIn, setFirstSignIn] = useState<"link" | "password">("link");
  return (
    <div className="space-y-3">
      <form action={submit} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_10rem_1fr_auto] lg:items-end">
        <div><label htmlFor="new-name" className="block text-sm font-medium">Name</label><input id="new-name" name="name" required maxLength={100} className={input} /></div>
        <div><label htmlFor="new-email" className="block text-sm font-medium">Email</label><input id="new-email" name="email" type="email" required className={input} /></div>
        <div>
          <label htmlFor="new-role" className="block text-sm font-medium">Role</label>
          <select id="new-role" name="role" defaultValue="member" className={input}>{roles.map((role) => <option key={role} value={role}>{role}</option>)}</select>
        </div>
        <fieldset>
          <legend className="block text-sm font-medium">First sign-in</legend>
          <div className="mt-1 flex gap-3 text-sm">
            <label className="flex items-center gap-1"><input type="radio" name="firstSignIn" value="link" checked={firstSignIn === "link"} onChange={() => setFirstSignIn("link")} /> One-time link</label>
            <label className="flex items-center gap-1"><input type="radio" name="firstSignIn" value="password" checked={firstSignIn === "password"} onChange={() => setFirstSignIn("password")} /> Initial password</label>
          </div>
          {firstSignIn === "password" && (
            <>
              <label htmlFor="new-password" className="sr-only">Initial password</label>
              <input id="new-password" name="password" type="text" required minLength={minPasswordLength} autoComplete="off" spellCheck={false} placeholder="initial password" className={`${input} font-mono`} />
            </>
          )}
        </fieldset>
        <button type="submit" disabled={pending} className={primary}>{pending ? "Adding…" : "Add user"}</button>
      </form>
      <div aria-live="polite"><LinkResult result={result} /></div>
    </div>
  );
}

export function NewLinkForm({ action, userId, userName }: { action: Action; userId: string; userName: string }) {
  const [result, submit, pending] = useActionState<SignInLinkResult, FormData>(action, null);
  return (
    <div className="max-w-md space-y-2">
      <form action={submit}>
        <input type="hidden" name="userId" value={userId} />
        <button type="submit" disabled={pending} className={small} aria-label={`New sign-in link for ${userName}`}>{pending ? "Making…" : "New sign-in link"}</button>
      </form>
      <div aria-live="polite"><LinkResult result={result} /></div>
    </div>
  );
}
