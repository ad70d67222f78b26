import Link from "next/link";

export default function CampaignNotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-xl font-semibold">Campaign not found</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        No call received so far names this campaign. Campaigns appear with their first call.
      </p>
      <p className="mt-4">
        <Link className="underline" href="/campaigns">All campaigns</Link>
      </p>
    </div>
  );
}
