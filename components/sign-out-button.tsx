// Shown in the nav when the dashboard has a password: who is signed in and their role (a link to
// /account), and a plain sign-out form that works without JavaScript.
import Link from "next/link";
import { pagesNeedSignIn } from "@/lib/auth/auth-settings";
import { currentSession } from "@/lib/auth/require-viewer";

export async function SignOutButton() {
  const session = pagesNeedSignIn() ? await currentSession() : null;
  if (!session) return null;
  const { viewer } = session;
  return (
    <>
      <Link href="/account" className="text-sm text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white" data-testid="signed-in-as">
        <span className="font-medium text-slate-900 dark:text-slate-100">{viewer.name}</span>{" "}
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">{viewer.role}</span>
      </Link>
      <form method="post" action="/api/auth/sign-out">
        <button type="submit" className="text-sm text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white">
          Sign out
        </button>
      </form>
    </>
  );
}
