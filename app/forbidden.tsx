import Link from "next/link";

// Shown by forbidden() (lib/auth/require-viewer.ts): signed in, but the role does not allow this page.
export default function Forbidden() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-medium text-slate-500 dark:text-slate-400">403</p>
      <h1 className="mt-1 text-xl font-semibold">Not allowed</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Your role does not allow this page. An admin can change your role under Settings → Users.
      </p>
      <p className="mt-4 flex justify-center gap-4">
        <Link className="underline" href="/">Overview</Link>
        <Link className="underline" href="/calls">Calls</Link>
      </p>
    </div>
  );
}
