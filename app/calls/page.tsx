import Link from "next/link";
import { requireViewer } from "@/lib/auth/require-viewer";
import { maskPhone } from "@/lib/ui/mask-phone";
import { parseCallFiltersLeniently } from "@/lib/calls/call-filters";
import { listCalls } from "@/lib/calls/list-calls";

export const dynamic = "force-dynamic";
export const metadata = { title: "Calls" };

export default async function CallsPage({ searchParams }: PageProps<"/calls">) {
  await requireViewer();
  const filters = parseCallFiltersLeniently(await searchParams);
  const { calls } = await listCalls(filters);
  return (
    <div>
      <h1 className="mb-4 text-xl font-semibold">Calls</h1>
      {calls.length === 0 ? (
        <p>No calls received yet.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead>
            <tr><th>Time</th><th>Contact</th><th>Campaign</th><th>Status</th></tr>
          </thead>
          <tbody>
            {calls.map((call) => (
              <tr key={call.id} className="border-t border-slate-200 dark:border-slate-800">
                <td className="py-2"><Link className="underline" href={`/calls/${encodeURIComponent(call.id)}`}>{call.createdAt}</Link></td>
                <td>{call.contact.name} {maskPhone(call.contact.phoneNumber)}</td>
                <td>{call.campaign?.name ?? call.campaign?.id}</td>
                <td>{call.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
