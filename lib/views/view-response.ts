// The HTTP answers of the saved-views API: a view, or the problem named by its field.
import { apiError } from "@/lib/http/api-error";
import type { ViewProblem } from "./saved-views";

export function viewProblemResponse(problem: ViewProblem): Response {
  const { status, field, message, ...extra } = problem;
  const code = status === 404 ? "not_found" : status === 409 ? "conflict" : "invalid_request";
  return apiError(status, code, message, { field, ...extra });
}

/** The request's JSON object body, or a 400 saying what is wrong with it. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | Response> {
  let body: unknown = null;
  try {
    body = JSON.parse(await request.text());
  } catch {
    // Not JSON: answered below like JSON that is not an object.
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return apiError(400, "invalid_json", `the body must be a JSON object such as {"name":"Hot leads","query":"status=INTERESTED"}`);
  }
  return body as Record<string, unknown>;
}
