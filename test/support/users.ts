// Users made and signed in over HTTP, as an admin and the person would: POST /api/users with the
// bootstrap admin's token, the sign-in form with email and password, the /account password form.
import assert from "node:assert/strict";

export type TestUser = { id: string; name: string; email: string; role: "admin" | "member" | "viewer"; password: string };

let made = 0;

function send(baseUrl: string, path: string, init: RequestInit = {}) {
  return fetch(`${baseUrl}${path}`, { redirect: "manual", ...init });
}

export async function addUser(baseUrl: string, adminAuth: Record<string, string>, role: TestUser["role"], name = `Test ${role} ${++made}`): Promise<TestUser> {
  const email = `${role}-${made}-${Date.now()}@example.com`;
  const password = `initial-${role}-password-${made}`;
  const res = await send(baseUrl, "/api/users", {
    method: "POST",
    headers: { "content-type": "application/json", ...adminAuth },
    body: JSON.stringify({ name, email, role, password }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  const user = (await res.json()) as { id: string };
  return { id: user.id, name, email, role, password };
}

/** Signs in with email and password; returns the response (303 and a cookie when it worked). */
export function signInAs(baseUrl: string, email: string, password: string, headers: Record<string, string> = {}) {
  const form = new URLSearchParams({ email, password });
  return send(baseUrl, "/api/auth/sign-in", { method: "POST", body: form, headers: { "content-type": "application/x-www-form-urlencoded", ...headers } });
}

export function cookieOf(response: Response): string {
  const setCookie = response.headers.get("set-cookie");
  assert.ok(setCookie, `a session cookie is set (status ${response.status}, location ${response.headers.get("location")})`);
  return setCookie.split(";")[0]!;
}

export function changePassword(baseUrl: string, cookie: string, currentPassword: string, password: string, confirm = password) {
  const form = new URLSearchParams({ currentPassword, password, confirm });
  return send(baseUrl, "/api/account/password", { method: "POST", body: form, headers: { "content-type": "application/x-www-form-urlencoded", cookie } });
}

/** A user's session that has passed the first-sign-in password change; the user's password becomes `newPassword`. */
export async function readySession(baseUrl: string, user: TestUser): Promise<string> {
  const cookie = cookieOf(await signInAs(baseUrl, user.email, user.password));
  const newPassword = `${user.password}-chosen`;
  const changed = await changePassword(baseUrl, cookie, user.password, newPassword);
  assert.equal(changed.status, 303);
  assert.equal(changed.headers.get("location"), "/account?changed=1");
  user.password = newPassword;
  return cookie;
}

export async function tokenFor(baseUrl: string, adminAuth: Record<string, string>, userId: string, name = "script"): Promise<{ id: string; token: string }> {
  const res = await send(baseUrl, `/api/users/${userId}/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", ...adminAuth },
    body: JSON.stringify({ name }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as { id: string; token: string };
}
