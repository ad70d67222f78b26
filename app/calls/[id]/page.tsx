import { notFound } from "next/navigation";
import { getCall } from "@/lib/calls/get-call";
import { requireViewer } from "@/lib/auth/require-viewer";

export const dynamic = "force-dynamic";

export default async function CallPage({ params }: PageProps<"/calls/[id]">) {
  await requireViewer();
  const { id } = await params;
  const call = await getCall(decodeURIComponent(id));
  if (!call) notFound();
  const transcript = Array.isArray(call.transcript) ? (call.transcript as { role?: string; content?: string }[]) : [];
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{call.contact.name ?? call.contact.phoneNumber ?? call.id}</h1>
      <p>Status: {call.status}</p>
      <ol className="space-y-2">
        {transcript.map((line, i) => (
          <li key={i}><strong>{line.role}</strong>: {line.content}</li>
        ))}
      </ol>
    </div>
  );
}
