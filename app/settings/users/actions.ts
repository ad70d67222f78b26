"use server";
// The forms of /settings/users (admin only, checked in each action: a server action is reachable by
// POST from anywhere). Each goes back to the page saying what happened.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/require-viewer";
import { createApiToken, MAX_TOKEN_NAME, revokeApiToken } from "@/lib/auth/api-tokens";
import { createSignInLink, type NewSignInLink } from "@/lib/users/sign-in-links";
import { publicOrigin } from "@/lib/users/user-response";
import { createUser, getUser, removeUser, resetPassword, setUserDisabled, updateUser } from "@/lib/users/users";

const PAGE = "/settings/users";
const back = (kind: "notice" | "error", text: string): never => redirect(`${PAGE}?${kind}=${encodeURIComponent(text)}`);
const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** What the add-user and new-link forms show: a one-time link (this once: only its hash is kept), or why not. */
export type SignInLinkResult = { ok: true; message: string; url?: string; expiresAt?: string } | { ok: false; message: string } | null;

async function linkUrl(link: NewSignInLink): Promise<{ url: string; expiresAt: string }> {
  return { url: new URL(link.path, publicOrigin(await headers())).toString(), expiresAt: link.expiresAt };
}

export async function addUserAction(_previous: SignInLinkResult, form: FormData): Promise<SignInLinkResult> {
  await requireViewer("admin");
  const byLink = field(form, "firstSignIn") === "link";
  const input = { name: field(form, "name"), email: field(form, "email"), role: field(form, "role") };
  const created = await createUser(byLink ? { ...input, signInLink: true } : { ...input, password: field(form, "password") });
  if (!created.ok) return { ok: false, message: `Not added: ${created.problem.message}.` };
  revalidatePath(PAGE);
  const added = `${created.value.name} was added as ${created.value.role}.`;
  if (!byLink) return { ok: true, message: `${added} They choose their own password at first sign-in.` };
  const link = await createSignInLink(created.value.id);
  return link ? { ok: true, message: `${added} Give them this sign-in link:`, ...(await linkUrl(link)) } : { ok: false, message: `${added} No link could be made.` };
}

export async function newSignInLinkAction(_previous: SignInLinkResult, form: FormData): Promise<SignInLinkResult> {
  await requireViewer("admin");
  const user = await getUser(field(form, "userId"));
  const link = user && !user.disabled ? await createSignInLink(user.id) : null;
  if (!user || !link) return { ok: false, message: "No link: the user is gone or disabled." };
  return { ok: true, message: `New sign-in link for ${user.name} (their older links stop working):`, ...(await linkUrl(link)) };
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
