// /sign-in/link/<token> – a one-time sign-in link (public: the token is the credential): the person
// chooses their password, which signs them in; a used, expired or unknown link says so.
import Link from "next/link";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords";
import { signInLinkState, SIGN_IN_LINK_HOURS } from "@/lib/users/sign-in-links";

export const metadata = { title: "Choose your password", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

const card = "mx-auto mt-16 max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900";
const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 dark:border-slate-700 dark:bg-slate-950";

const GONE = {
  used: { title: "This sign-in link was already used", text: "A sign-in link works once. If you chose your password with it, sign in with your email and that password." },
  expired: { title: "This sign-in link has expired", text: `A sign-in link works for ${SIGN_IN_LINK_HOURS} hours.` },
  unknown: { title: "This sign-in link does not work", text: "It may have been replaced by a newer link, or mistyped." },
};

const ERRORS: Record<string, string> = {
  password: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters (and at most 72 bytes).`,
  confirm: "The two passwords are not the same. Type them again.",
};

export default async function SignInLinkPage({ params, searchParams }: PageProps<"/sign-in/link/[token]">) {
  const { token } = await params;
  const query = await searchParams;
  const state = await signInLinkState(token);
  if (!state.ok) {
    const gone = GONE[state.reason];
    return (
      <div className={card}>
        <h1 className="mb-2 text-xl font-semibold">{gone.title}</h1>
        <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">{gone.text}</p>
        <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">Ask an administrator for a new link.</p>
        <Link href="/sign-in" className="text-sm font-medium text-blue-700 underline dark:text-blue-300">Go to sign in</Link>
      </div>
    );
  }
  const error = typeof query.error === "string" ? (ERRORS[query.error] ?? null) : null;
  return (
    <div className={card}>
      <h1 className="mb-1 text-xl font-semibold">Choose your password</h1>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        Welcome, {state.name}. Choose the password you will sign in with as <strong>{state.email}</strong>. This link then stops working.
      </p>
      {error && <p role="alert" id="link-error" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">{error}</p>}
      <form method="post" action="/api/auth/sign-in-link" className="space-y-4">
        <input type="hidden" name="token" value={token} />
        <div>
          <label className="block text-sm font-medium" htmlFor="password">New password</label>
          <input id="password" name="password" type="password" required minLength={MIN_PASSWORD_LENGTH} autoFocus autoComplete="new-password" aria-describedby={error ? "link-error password-hint" : "password-hint"} className={input} />
          <p id="password-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">At least {MIN_PASSWORD_LENGTH} characters.</p>
        </div>
        <div>
          <label className="block text-sm font-medium" htmlFor="confirm">New password again</label>
          <input id="confirm" name="confirm" type="password" required minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" className={input} />
        </div>
        <button type="submit" className="w-full rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900">Set password and sign in</button>
      </form>
    </div>
  );
}
