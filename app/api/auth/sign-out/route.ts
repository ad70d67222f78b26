// POST /api/auth/sign-out – end this session (with `everywhere=1`: every session of the same person)
// and return to the sign-in page (public: without a session there is nothing to end)
import { seeOther } from "@/lib/auth/sign-in";
import { clearedSessionCookieHeaders, isHttpsRequest } from "@/lib/auth/session-cookie";
import { signOut } from "@/lib/auth/sign-out";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const everywhere = new URLSearchParams((await request.text().catch(() => "")).slice(0, 1000)).get("everywhere") === "1";
  const ended = await signOut(request.headers.get("cookie"), { everywhere });
  const response = seeOther(everywhere && ended > 0 ? "/sign-in?signed_out=everywhere" : "/sign-in");
  for (const cookie of clearedSessionCookieHeaders(isHttpsRequest(request.headers, request.url))) response.headers.append("Set-Cookie", cookie);
  return response;
}
