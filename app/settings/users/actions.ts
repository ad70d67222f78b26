"use server";
// The forms of /settings/users (admin only, checked in each action: a server action is reachable by
// POST from anywhere). Each goes back to the page saying what happened.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/require-viewer";
import { createApiToken, MAX_TOKEN_NAME, revokeApiToken } from "@/lib/auth/api-tokens";
import { createUser, getUser, removeUser, resetPassword, setUserDisabled, updateUser } from "@/lib/users/users";

const PAGE = "/settings/users";
const back = (kind: "notice" | "error", text: string): never => redirect(`${PAGE}?${kind}=${encodeURIComponent(text)}`);
const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export async function addUserAction(form: FormData): Promise<void> {
  await requireViewer("admin");
  const created = await createUser({ name: field(form, "name"), email: field(form, "email"), role: field(form, "role"), password: field(form, "password") });
  if (!created.ok) back("error", `Not added: ${created.problem.message}.`);
  else back("notice", `${created.value.name} was added as ${created.value.role}. They choose their own password at first sign-in.`);
}

export async function changeRoleAction(form: FormData): Promise<void> {
  const viewer = await requireViewer("admin");
  const updated = await updateUser(field(form, "userId"), { role: field(form, "role") }, viewer.userId);
  if (!updated.ok) back("error", `Not changed: ${updated.problem.message}.`);
  else back("notice", `${updated.value.name} is now ${updated.value.role}.`);
}

export async function resetPasswordAction(form: FormData): Promise<void> {
  await requireViewer("admin");
  const reset = await resetPassword(field(form, "userId"), field(form, "password"));
  if (!reset.ok) back("error", `Not reset: ${reset.problem.message}.`);
  else back("notice", `${reset.value.name} was signed out and must choose a new password at their next sign-in.`);
}

export async function removeUserAction(form: FormData): Promise<void> {
  const viewer = await requireViewer("admin");
  const user = await getUser(field(form, "userId"));
  const removed = await removeUser(field(form, "userId"), viewer.userId);
  if (!removed.ok) back("error", `Not removed: ${removed.problem.message}.`);
  else back("notice", `${user?.name ?? "The user"} was removed and signed out everywhere.`);
}

export async function setDisabledAction(form: FormData): Promise<void> {
  const viewer = await requireViewer("admin");
  const disable = field(form, "disabled") === "true";
  const changed = await setUserDisabled(field(form, "userId"), disable, viewer.userId);
  if (!changed.ok) back("error", `Not ${disable ? "disabled" : "re-enabled"}: ${changed.problem.message}.`);
  else back("notice", disable ? `${changed.value.name} was disabled and signed out everywhere; their API tokens stop working.` : `${changed.value.name} can sign in again.`);
}

export type NewTokenResult = { ok: true; token: string; name: string; userName: string } | { ok: false; message: string } | null;

/** Returns the token itself: it is shown this once and never stored. */
export async function createTokenAction(_previous: NewTokenResult, form: FormData): Promise<NewTokenResult> {
  await requireViewer("admin");
  const user = await getUser(field(form, "userId"));
  const name = field(form, "name").trim();
  if (!user) return { ok: false, message: "Choose whose token it is." };
  if (!name || name.length > MAX_TOKEN_NAME) return { ok: false, message: `Name the token (at most ${MAX_TOKEN_NAME} characters), e.g. after the script that uses it.` };
  const { token } = await createApiToken(user.id, name);
  revalidatePath(PAGE);
  return { ok: true, token, name, userName: user.name };
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  await requireViewer("admin");
  const revoked = await revokeApiToken(field(form, "tokenId"));
  back(revoked ? "notice" : "error", revoked ? "The token was revoked: it no longer works." : "No such token.");
}
