import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/require-viewer";

export default async function Home() {
  await requireViewer();
  redirect("/calls");
}
