// /account – who is signed in and with which role, change one's password (required at first sign-in),
// sign out everywhere (any signed-in person)
import { requireSession } from "@/lib/auth/require-session";
import { pagesNeedSignIn } from "@/lib/auth/auth-settings";
import { safeReturnTo } from "@/lib/auth/return-to";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords";
import { getUser } from "@/lib/users/users";

export const metadata = { title: "Your account" };

const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 dark:border-slate-700 dark:bg-slate-950";
const button = "rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900";
const card = "rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900";

export default async function AccountPage({ searchParams }: PageProps<"/account">) {
  const session = await requireSession();
  const params = await searchParams;
  const error = typeof params.error === "string" ? params.error.slice(0, 300) : null;
  const next = safeReturnTo(typeof params.next === "string" ? params.next : null);
  const { viewer, mustChangePassword } = session;
  const user = viewer.userId ? await getUser(viewer.userId) : null;

  return (
    <div className="mx-auto max-w-lg space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Your account</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Signed in as <strong>{viewer.name}</strong>
          {user && <> ({user.email})</>} with the role <strong>{viewer.role}</strong>
          {!viewer.userId && " — the bootstrap admin of DASHBOARD_PASSWORD and API_TOKEN"}.
        </p>
      </div>

      {mustChangePassword && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          Choose a new password to continue: the one you signed in with was set by an administrator.
        </p>
      )}
      {params.changed === "1" && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
          Your password is changed. Your other sessions were signed out.
        </p>
      )}

      {viewer.userId && (
        <section className={card} aria-labelledby="password-heading">
          <h2 id="password-heading" className="mb-4 font-semibold">Change password</h2>
          <form method="post" action="/api/account/password" className="space-y-4">
            <input type="hidden" name="next" value={next} />
            <div>
              <label className="block text-sm font-medium" htmlFor="currentPassword">Current password</label>
              <input id="currentPassword" name="currentPassword" type="password" required autoComplete="current-password" className={input} />
            </div>
            <div>
              <label className="block text-sm font-medium" htmlFor="password">New password</label>
              <input id="password" name="password" type="password" required minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" aria-describedby="password-hint" className={input} />
              <p id="password-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">At least {MIN_PASSWORD_LENGTH} characters.</p>
            </div>
            <div>
              <label className="block text-sm font-medium" htmlFor="confirm">New password again</label>
              <input id="confirm" name="confirm" type="password" required minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" className={input} />
            </div>
            {error && <p role="alert" id="account-error" className="text-sm text-red-700 dark:text-red-400">{error}</p>}
            <button type="submit" className={button}>Change password</button>
          </form>
        </section>
      )}

      {pagesNeedSignIn() && (
        <section className={card} aria-labelledby="sessions-heading">
          <h2 id="sessions-heading" className="mb-2 font-semibold">Sessions</h2>
          <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
            {viewer.userId
              ? "Signs you out in every browser where you are signed in, this one included."
              : "Signs out every browser signed in with the dashboard password, this one included."}
          </p>
          <form method="post" action="/api/auth/sign-out">
            <input type="hidden" name="everywhere" value="1" />
            <button type="submit" className={button}>Sign out everywhere</button>
          </form>
        </section>
      )}
    </div>
  );
}
