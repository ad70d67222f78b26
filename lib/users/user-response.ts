// The HTTP answers of the users API: a user, or the problem named by its field.
import { apiError } from "@/lib/http/api-error";
import type { UserProblem } from "./users";

export function userProblemResponse(problem: UserProblem): Response {
  const { status, field, message } = problem;
  const code = status === 404 ? "not_found" : status === 409 ? "conflict" : "invalid_request";
  return apiError(status, code, message, { field });
}

/** The request's JSON object body, or a 400 saying what is wrong with it. */
export async function readUserBody(request: Request): Promise<Record<string, unknown> | Response> {
  let body: unknown = null;
  try {
    body = JSON.parse((await request.text()).slice(0, 10_000));
  } catch {
    // Not JSON: answered below like JSON that is not an object.
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return apiError(400, "invalid_json", `the body must be a JSON object such as {"name":"Ada","email":"ada@example.com","role":"member","password":"…"}`);
  }
  return body as Record<string, unknown>;
}
