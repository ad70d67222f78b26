// The sign-in form's POST: check the password (slowed down per client), then set the session
// cookie and go back where the viewer was heading. Form posts get redirects; a throttled client
// gets 429 with Retry-After.
import { sameSecret } from "@/lib/security/same-secret";
import { apiError } from "@/lib/http/api-error";
import { dashboardPassword, sessionKey } from "./auth-settings";
import { isHttpsRequest, sessionCookieHeader } from "./session-cookie";
import { createSessionToken } from "./session-token";
import { safeReturnTo } from "./return-to";
import { clientKey, recordFailedSignIn, recordSuccessfulSignIn, secondsUntilAllowed } from "./sign-in-throttle";

export async function signIn(request: Request): Promise<Response> {
  const form = await readForm(request);
  const returnTo = safeReturnTo(form.get("next"));
  const password = dashboardPassword();
  const key = sessionKey();
  if (!password || !key) return seeOther(returnTo);

  const client = clientKey(request.headers);
  const wait = secondsUntilAllowed(client);
  if (wait > 0) return tooManyAttempts(request, wait, returnTo);

  if (!sameSecret(form.get("password") ?? "", password)) {
    recordFailedSignIn(client);
    console.warn("[auth] a sign-in failed: wrong password");
    return seeOther(`/sign-in?error=wrong_password${returnTo === "/" ? "" : `&next=${encodeURIComponent(returnTo)}`}`);
  }

  recordSuccessfulSignIn(client);
  const https = isHttpsRequest(request.headers, request.url);
  return seeOther(returnTo, { "Set-Cookie": sessionCookieHeader(createSessionToken(key), https) });
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

function tooManyAttempts(request: Request, seconds: number, returnTo: string): Response {
  const message = `too many wrong passwords from your address: try again in ${seconds} s`;
  if (!(request.headers.get("accept") ?? "").includes("text/html")) {
    const response = apiError(429, "too_many_attempts", message, { retryAfterSeconds: seconds });
    response.headers.set("Retry-After", String(seconds));
    return response;
  }
  const back = `/sign-in${returnTo === "/" ? "" : `?next=${encodeURIComponent(returnTo)}`}`;
  const html = `<!doctype html><meta charset="utf-8"><title>Too many attempts · Callboard</title>
<p>Too many wrong passwords from your address. Try again in ${seconds} seconds.</p><p><a href="${back.replaceAll("&", "&amp;").replaceAll('"', "&quot;")}">Back to sign in</a></p>`;
  return new Response(html, {
    status: 429,
    headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(seconds), "Cache-Control": "no-store" },
  });
}
