import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-medium text-slate-500 dark:text-slate-400">404</p>
      <h1 className="mt-1 text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        There is nothing at this address: no page, or no call or campaign with this id (campaigns and calls appear with their
        first webhook).
      </p>
      <p className="mt-4 flex justify-center gap-4">
        <Link className="underline" href="/">Overview</Link>
        <Link className="underline" href="/calls">Calls</Link>
        <Link className="underline" href="/campaigns">Campaigns</Link>
      </p>
    </div>
  );
}
