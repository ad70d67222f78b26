// A request's JSON object body, or a 400 saying what is wrong with it (with an example of one that works).
import { apiError } from "./api-error";

export async function readJsonObject(request: Request, example: string): Promise<Record<string, unknown> | Response> {
  let body: unknown = null;
  try {
    body = JSON.parse(await request.text());
  } catch {
    // Not JSON: answered below like JSON that is not an object.
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return apiError(400, "invalid_json", `the body must be a JSON object such as ${example}`);
  }
  return body as Record<string, unknown>;
}
