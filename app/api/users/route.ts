// GET /api/users – the users (admin); POST /api/users {"name","email","role","password"} – add a user
// whose initial password must be changed at first sign-in, or {"name","email","role","signInLink":true}:
// a user who chooses their password through the one-time link in the answer's "signInLink" (admin)
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { createUser, listUsers } from "@/lib/users/users";
import { createSignInLink } from "@/lib/users/sign-in-links";
import { signInLinkJson } from "@/lib/users/user-response";
import { userProblemResponse } from "@/lib/users/user-response";
import { readJsonObject } from "@/lib/http/read-json-object";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const viewer = await authorizeApiRequest(request, "admin");
  if (viewer instanceof Response) return viewer;
  return Response.json({ users: await listUsers() }, { headers: { "Cache-Control": "no-store" } });
}

export async function POST(request: Request): Promise<Response> {
  const viewer = await authorizeApiRequest(request, "admin");
  if (viewer instanceof Response) return viewer;
  const body = await readJsonObject(request, `{"name":"Ada","email":"ada@example.com","role":"member","password":"…"}`);
  if (body instanceof Response) return body;
  const created = await createUser(body);
  if (!created.ok) return userProblemResponse(created.problem);
  const link = body.signInLink === true ? await createSignInLink(created.value.id) : null;
  const json = link ? { ...created.value, signInLink: signInLinkJson(request, link) } : created.value;
  return Response.json(json, { status: 201, headers: { Location: `/api/users/${created.value.id}`, "Cache-Control": "no-store" } });
}
