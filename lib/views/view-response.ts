// The HTTP answers of the saved-views API: a view, or the problem named by its field.
import { apiError } from "@/lib/http/api-error";
import type { ViewProblem } from "./saved-views";

export function viewProblemResponse(problem: ViewProblem): Response {
  const { status, field, message, ...extra } = problem;
  const code = status === 404 ? "not_found" : status === 409 ? "conflict" : "invalid_request";
  return apiError(status, code, message, { field, ...extra });
}
