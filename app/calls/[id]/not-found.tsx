import Link from "next/link";

export default function CallNotFound() {
  return (
    <div className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-center dark:border-slate-800 dark:bg-slate-900">
      <h1 className="text-xl font-semibold">Call not found</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        No call with this id has been received. It may belong to another Callboard, or Voxia has not sent it yet.
      </p>
      <Link href="/calls" className="mt-4 inline-block text-blue-700 underline dark:text-blue-300">Back to all calls</Link>
    </div>
  );
}
