// Shown in the nav when the dashboard has a password: a plain form, works without JavaScript.
import { pagesNeedSignIn } from "@/lib/auth/auth-settings";
import { isSignedIn } from "@/lib/auth/require-viewer";

export async function SignOutButton() {
  if (!pagesNeedSignIn() || !(await isSignedIn())) return null;
  return (
    <form method="post" action="/api/auth/sign-out">
      <button type="submit" className="text-sm text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white">
        Sign out
      </button>
    </form>
  );
}
