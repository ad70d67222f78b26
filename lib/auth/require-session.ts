// For /account only: the signed-in person even when they must still choose a new password (every
// other page sends them here through requireViewer).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentSession } from "./require-viewer";
import { signInPath } from "./return-to";
import { REQUEST_PATH_HEADER } from "./request-path-header";
import type { SignedIn } from "./sessions";

export async function requireSession(): Promise<SignedIn> {
  const session = await currentSession();
  if (!session) redirect(signInPath((await headers()).get(REQUEST_PATH_HEADER) ?? "/account"));
  return session;
}
