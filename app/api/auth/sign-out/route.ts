// POST /api/auth/sign-out – forget the session cookie and return to the sign-in page (public)
import { seeOther } from "@/lib/auth/sign-in";
import { clearedSessionCookieHeaders, isHttpsRequest } from "@/lib/auth/session-cookie";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const response = seeOther("/sign-in");
  for (const cookie of clearedSessionCookieHeaders(isHttpsRequest(request.headers, request.url))) response.headers.append("Set-Cookie", cookie);
  return response;
}
