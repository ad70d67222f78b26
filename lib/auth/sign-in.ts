// The sign-in form's POST: an email and password sign in that user; the password alone (no email)
// is DASHBOARD_PASSWORD, the bootstrap admin. Both are slowed down per client (in Postgres, shared by
// every instance); then a session row is made, its token set as the cookie, and the viewer goes back
// where they were heading (a user who must choose a new password goes to /account first). Form
// posts get redirects; a throttled client or account gets 429 with Retry-After (lib/auth/sign-in-throttle.ts).
import { sameSecret } from "@/lib/security/same-secret";
import { apiError } from "@/lib/http/api-error";
import { checkUserPassword } from "@/lib/users/users";
import { dashboardPassword } from "./auth-settings";
import { isHttpsRequest, sessionCookieHeader } from "./session-cookie";
import { createSession } from "./sessions";
import { safeReturnTo } from "./return-to";
import {
  clientKey,
  recordFailedAccountSignIn,
  recordFailedSignIn,
  recordSuccessfulSignIn,
  secondsUntilAccountAllowed,
  secondsUntilAllowed,
} from "./sign-in-throttle";

export async function signIn(request: Request): Promise<Response> {
  const form = await readForm(request);
  const returnTo = safeReturnTo(form.get("next"));
  const password = dashboardPassword();
  if (!password) return seeOther(returnTo);
  const email = form.get("email")?.trim() ?? "";

  const client = clientKey(request.headers);
  const wait = await secondsUntilAllowed(client);
  if (wait > 0) return tooManyAttempts(request, wait, returnTo, "from your address");
  const accountWait = email ? await secondsUntilAccountAllowed(email) : 0;
  if (accountWait > 0) return tooManyAttempts(request, accountWait, returnTo, "for this account");

  const presented = form.get("password") ?? "";
  const user = email ? await checkUserPassword(email, presented) : null;
  const bootstrap = !email && sameSecret(presented, password);
  if (!user && !bootstrap) {
    await recordFailedSignIn(client);
    if (email) await recordFailedAccountSignIn(email);
    console.warn(`[auth] a sign-in failed: ${email ? "wrong email or password" : "wrong password"}`);
    const error = email ? "wrong_email_or_password" : "wrong_password";
    return seeOther(`/sign-in?error=${error}${returnTo === "/" ? "" : `&next=${encodeURIComponent(returnTo)}`}`);
  }

  await recordSuccessfulSignIn(client);
  const token = await createSession(user?.id ?? null);
  const https = isHttpsRequest(request.headers, request.url);
  const location = user?.mustChangePassword ? `/account${returnTo === "/" ? "" : `?next=${encodeURIComponent(returnTo)}`}` : returnTo;
  return seeOther(location, { "Set-Cookie": sessionCookieHeader(token, https) });
}

async function readForm(request: Request): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  try {
    const text = (await request.text()).slice(0, 10_000);
    for (const [name, value] of new URLSearchParams(text)) values.set(name, value);
  } catch {
    // an unreadable body is the same as an empty form: a wrong password
  }
  return values;
}

export function seeOther(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store", ...headers } });
}

const retryText = (seconds: number) => (seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`);

function tooManyAttempts(request: Request, seconds: number, returnTo: string, whose: "from your address" | "for this account"): Response {
  const message = `too many wrong passwords ${whose}: try again in ${seconds} s`;
  if (!(request.headers.get("accept") ?? "").includes("text/html")) {
    const response = apiError(429, "too_many_attempts", message, { retryAfterSeconds: seconds });
    response.headers.set("Retry-After", String(seconds));
    return response;
  }
  const back = `/sign-in${returnTo === "/" ? "" : `?next=${encodeURIComponent(returnTo)}`}`;
  const html = `<!doctype html><meta charset="utf-8"><title>Too many attempts · Callboard</title>
<p>Too many wrong passwords ${whose}. Try again in ${retryText(seconds)}.</p><p><a href="${back.replaceAll("&", "&amp;").replaceAll('"', "&quot;")}">Back to sign in</a></p>`;
  return new Response(html, {
    status: 429,
    headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(seconds), "Cache-Control": "no-store" },
  });
}
