// POST /api/auth/sign-in-link – the one-time sign-in link's form (public: the link's token is the
// credential): sets the chosen password, uses up the link and signs in (form post; redirects)
import { signInLinkForm } from "@/lib/users/sign-in-link-form";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return signInLinkForm(request);
}
