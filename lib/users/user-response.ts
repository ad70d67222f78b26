// The HTTP answers of the users API: a user, or the problem named by its field.
import { apiError } from "@/lib/http/api-error";
import type { UserProblem } from "./users";

export function userProblemResponse(problem: UserProblem): Response {
  const { status, field, message } = problem;
  const code = status === 404 ? "not_found" : status === 409 ? "conflict" : "invalid_request";
  return apiError(status, code, message, { field });
}
