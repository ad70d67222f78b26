// The nav's link to /settings/users, for admins of a dashboard that has sign-in.
import Link from "next/link";
import { pagesNeedSignIn } from "@/lib/auth/auth-settings";
import { currentSession } from "@/lib/auth/require-viewer";
import { hasRole } from "@/lib/auth/viewer";

export async function AdminNavLink({ className }: { className: string }) {
  const session = pagesNeedSignIn() ? await currentSession() : null;
  if (!session || !hasRole(session.viewer, "admin")) return null;
  return <Link href="/settings/users" className={className}>Users</Link>;
}
