// POST /api/auth/sign-in – the sign-in form: password in, session cookie out (public, throttled)
import { signIn } from "@/lib/auth/sign-in";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return signIn(request);
}
