// The /sign-in/link/<token> form's POST: the password the person chose, twice. On success the link
// is used up, they are signed in and go to the dashboard; otherwise back to the link's page saying why
// (a link that no longer works shows the page that says so).
import { dashboardPassword } from "@/lib/auth/auth-settings";
import { isHttpsRequest, sessionCookieHeader } from "@/lib/auth/session-cookie";
import { createSession } from "@/lib/auth/sessions";
import { seeOther } from "@/lib/auth/sign-in";
import { signInLinkPath, useSignInLink } from "./sign-in-links";

export async function signInLinkForm(request: Request): Promise<Response> {
  const form = new URLSearchParams((await request.text().catch(() => "")).slice(0, 10_000));
  if (!dashboardPassword()) return seeOther("/");
  const token = form.get("token") ?? "";
  const page = /^[A-Za-z0-9_-]{43}$/.test(token) ? signInLinkPath(token) : "/sign-in/link/invalid";
  const used = await useSignInLink(token, form.get("password") ?? "", form.get("confirm") ?? "");
  if (!used.ok) return seeOther(used.problem === "link" ? page : `${page}?error=${used.problem}`);
  const session = await createSession(used.userId);
  return seeOther("/", { "Set-Cookie": sessionCookieHeader(session, isHttpsRequest(request.headers, request.url)) });
}
