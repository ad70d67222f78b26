// /sign-in – email and password for users, or the dashboard password alone (the bootstrap admin)
// (public). `?next=` is where to return afterwards.
import { redirect } from "next/navigation";
import { pagesNeedSignIn } from "@/lib/auth/auth-settings";
import { isSignedIn } from "@/lib/auth/require-viewer";
import { safeReturnTo } from "@/lib/auth/return-to";

export const metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  wrong_password: "That password is not right. Try again.",
  wrong_email_or_password: "That email and password do not match. Try again.",
};

const NOTICES: Record<string, string> = {
  everywhere: "You are signed out on every device.",
};

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const next = safeReturnTo(typeof params.next === "string" ? params.next : null);
  const error = typeof params.error === "string" ? (ERRORS[params.error] ?? null) : null;
  const notice = typeof params.signed_out === "string" ? (NOTICES[params.signed_out] ?? null) : null;
  if (!pagesNeedSignIn() || (await isSignedIn())) redirect(next);

  return (
    <div className="mx-auto mt-16 max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h1 className="mb-1 text-xl font-semibold">Sign in to Callboard</h1>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        Use the email and password your administrator gave you, or the dashboard password alone.
      </p>
      {notice && (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">{notice}</p>
      )}
      <form method="post" action="/api/auth/sign-in" className="space-y-4">
        <input type="hidden" name="next" value={next} />
        <div>
          <label className="block text-sm font-medium" htmlFor="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            autoFocus
            autoComplete="username"
            aria-describedby="email-hint"
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 dark:border-slate-700 dark:bg-slate-950"
          />
          <p id="email-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">Leave empty to use the dashboard password.</p>
        </div>
        <div>
        <label className="block text-sm font-medium" htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          required
          autoComplete="current-password"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "sign-in-error" : undefined}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 dark:border-slate-700 dark:bg-slate-950"
        />
        </div>
        {error && (
          <p id="sign-in-error" role="alert" className="text-sm text-red-700 dark:text-red-400">{error}</p>
        )}
        <button type="submit" className="w-full rounded-md bg-slate-900 px-3 py-2 font-medium text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900">
          Sign in
        </button>
      </form>
    </div>
  );
}
