// The /account form's POST: the current password, then the new one twice. On success the user's
// other sessions end and they go where they were heading; otherwise back to the form saying why.
import { seeOther } from "@/lib/auth/sign-in";
import { safeReturnTo } from "@/lib/auth/return-to";
import { apiError } from "@/lib/http/api-error";
import { sessionTokenFromCookieHeader } from "@/lib/auth/session-cookie";
import { sessionFromCookie } from "@/lib/auth/viewer-session";
import { changePassword } from "./users";

export async function changePasswordForm(request: Request): Promise<Response> {
  const form = new URLSearchParams((await request.text().catch(() => "")).slice(0, 10_000));
  const next = safeReturnTo(form.get("next"));
  const cookie = request.headers.get("cookie");
  const session = await sessionFromCookie(cookie);
  if (!session) return apiError(401, "unauthorized", "sign in at /sign-in first");
  const back = (error: string) => seeOther(`/account?error=${encodeURIComponent(error)}${next === "/" ? "" : `&next=${encodeURIComponent(next)}`}`);
  if (!session.viewer.userId) return back("The dashboard password is the server's DASHBOARD_PASSWORD; it cannot be changed here.");
  const password = form.get("password") ?? "";
  if (password !== (form.get("confirm") ?? "")) return back("The two new passwords differ.");
  const changed = await changePassword(session.viewer.userId, form.get("currentPassword") ?? "", password, sessionTokenFromCookieHeader(cookie));
  if (!changed.ok) return back(changed.problem.message.charAt(0).toUpperCase() + changed.problem.message.slice(1) + ".");
  return seeOther(next === "/" ? "/account?changed=1" : next);
}
