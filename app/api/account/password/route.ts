// POST /api/account/password – the /account form: a signed-in user replaces their password (form
// post; redirects back to /account, or onward once done)
import { changePasswordForm } from "@/lib/users/change-password-form";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return changePasswordForm(request);
}
