// /settings/users – the people who sign in and their roles, their API tokens (admin only)
import { requireViewer } from "@/lib/auth/require-viewer";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords";
import { pagesNeedSignIn } from "@/lib/auth/auth-settings";
import { listUsers, ROLES } from "@/lib/users/users";
import { LocalTime } from "@/components/local-time";
import { NewTokenForm } from "@/components/users/new-token-form";
import { AddUserForm, NewLinkForm } from "@/components/users/sign-in-link-forms";
import { addUserAction, changeRoleAction, createTokenAction, newSignInLinkAction, removeUserAction, resetPasswordAction, revokeTokenAction, setDisabledAction } from "./actions";

export const metadata = { title: "Users" };

const card = "rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900";
const small = "rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";
const danger = "rounded-md border border-red-300 px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950";

const ROLE_MEANING: Record<string, string> = {
  admin: "users and settings, and everything a member does",
  member: "works the follow-up queues; sees phone numbers in full",
  viewer: "reads only; phone numbers masked on pages, in the API and in CSV",
};

export default async function UsersPage({ searchParams }: PageProps<"/settings/users">) {
  const viewer = await requireViewer("admin");
  const params = await searchParams;
  const notice = typeof params.notice === "string" ? params.notice.slice(0, 300) : null;
  const error = typeof params.error === "string" ? params.error.slice(0, 300) : null;
  const [users, tokens] = await Promise.all([listUsers(), listApiTokens()]);
  const names = new Map(users.map((user) => [user.id, user.name]));

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Users</h1>
        <ul className="mt-2 space-y-0.5 text-sm text-slate-600 dark:text-slate-400">
          {ROLES.map((role) => (
            <li key={role}><strong className="text-slate-800 dark:text-slate-200">{role}</strong>: {ROLE_MEANING[role]}</li>
          ))}
        </ul>
        {!pagesNeedSignIn() && (
          <p className="mt-2 text-sm text-amber-800 dark:text-amber-300">DASHBOARD_PASSWORD is not set: the dashboard is open to anyone, and users cannot sign in until it is.</p>
        )}
      </div>

      {notice && <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">{notice}</p>}
      {error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">{error}</p>}

      <section className={card} aria-labelledby="people-heading">
        <h2 id="people-heading" className="mb-3 font-semibold">People ({users.length})</h2>
        {users.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No users yet: everyone signs in with the dashboard password, as admin. Add people below.</p>
        ) : (
          // Focusable: on a phone the table scrolls sideways, and a keyboard user must be able to scroll it.
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="People">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-slate-500 dark:text-slate-400">
                <tr><th className="py-2 pr-4">Name</th><th className="py-2 pr-4">Email</th><th className="py-2 pr-4">Role</th><th className="py-2 pr-4">Status</th><th className="py-2 pr-4">Added</th><th className="py-2"><span className="sr-only">Actions</span></th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {users.map((user) => (
                  <tr key={user.id} data-testid="user-row">
                    <td className="py-2 pr-4 font-medium">{user.name}{user.id === viewer.userId && <span className="ml-1 text-xs text-slate-500">(you)</span>}</td>
                    <td className="py-2 pr-4">{user.email}</td>
                    <td className="py-2 pr-4">
                      <form action={changeRoleAction} className="flex items-center gap-2">
                        <input type="hidden" name="userId" value={user.id} />
                        <label htmlFor={`role-${user.id}`} className="sr-only">Role of {user.name}</label>
                        <select id={`role-${user.id}`} name="role" defaultValue={user.role} className="rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950">
                          {ROLES.map((role) => <option key={role} value={role}>{role}</option>)}
                        </select>
                        <button type="submit" className={small} aria-label={`Save role of ${user.name}`}>Save</button>
                      </form>
                    </td>
                    <td className="py-2 pr-4 text-slate-600 dark:text-slate-400">{user.disabled ? <strong className="font-medium text-red-700 dark:text-red-300">Disabled</strong> : user.mustChangePassword ? "Has not chosen a password yet" : "Active"}</td>
                    <td className="py-2 pr-4 text-slate-600 dark:text-slate-400"><LocalTime iso={user.createdAt} /></td>
                    <td className="py-2 text-right">
                      {user.id !== viewer.userId && (
                        <div className="flex items-start justify-end gap-2">
                          {!user.disabled && <NewLinkForm action={newSignInLinkAction} userId={user.id} userName={user.name} />}
                          <details className="text-left">
                            <summary className={`${small} cursor-pointer list-none`}>Reset password</summary>
                            <form action={resetPasswordAction} className="mt-2 flex items-center gap-2">
                              <input type="hidden" name="userId" value={user.id} />
                              <label htmlFor={`reset-${user.id}`} className="sr-only">New initial password for {user.name}</label>
                              <input id={`reset-${user.id}`} name="password" type="text" required minLength={MIN_PASSWORD_LENGTH} autoComplete="off" spellCheck={false} placeholder="new initial password" className="w-44 rounded-md border border-slate-300 px-2 py-1 font-mono text-xs dark:border-slate-700 dark:bg-slate-950" />
                              <button type="submit" className={small}>Set</button>
                            </form>
                          </details>
                          <form action={setDisabledAction}>
                            <input type="hidden" name="userId" value={user.id} />
                            <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
                            <button type="submit" className={user.disabled ? small : danger} aria-label={`${user.disabled ? "Re-enable" : "Disable"} ${user.name}`}>{user.disabled ? "Re-enable" : "Disable"}</button>
                          </form>
                          <form action={removeUserAction}>
                            <input type="hidden" name="userId" value={user.id} />
                            <button type="submit" className={danger} aria-label={`Remove ${user.name}`}>Remove</button>
                          </form>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className={card} aria-labelledby="add-heading">
        <h2 id="add-heading" className="mb-1 font-semibold">Add a user</h2>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          Give them a one-time sign-in link (it works once, for 72 hours, and lets them choose their password), or an
          initial password they must replace at their first sign-in, by a channel of your choice.
        </p>
        <AddUserForm action={addUserAction} roles={ROLES} minPasswordLength={MIN_PASSWORD_LENGTH} />
      </section>

      <section className={card} aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="mb-1 font-semibold">API tokens</h2>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          A token acts as its user, with their role (a viewer&apos;s token reads masked numbers). Removing the user revokes it.
        </p>
        {tokens.length > 0 && (
          <table className="mb-4 w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500 dark:text-slate-400">
              <tr><th className="py-2 pr-4">Token</th><th className="py-2 pr-4">Acts as</th><th className="py-2 pr-4">Created</th><th className="py-2 pr-4">Last used</th><th className="py-2"><span className="sr-only">Actions</span></th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {tokens.filter((token) => names.has(token.userId)).map((token) => (
                <tr key={token.id} data-testid="token-row">
                  <td className="py-2 pr-4 font-medium">{token.name}</td>
                  <td className="py-2 pr-4">{names.get(token.userId)}</td>
                  <td className="py-2 pr-4 text-slate-600 dark:text-slate-400"><LocalTime iso={token.createdAt} /></td>
                  <td className="py-2 pr-4 text-slate-600 dark:text-slate-400">{token.lastUsedAt ? <LocalTime iso={token.lastUsedAt} /> : "never"}</td>
                  <td className="py-2 text-right">
                    <form action={revokeTokenAction}>
                      <input type="hidden" name="tokenId" value={token.id} />
                      <button type="submit" className={danger} aria-label={`Revoke ${token.name}`}>Revoke</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {users.length > 0 ? (
          <NewTokenForm action={createTokenAction} users={users.map(({ id, name, role }) => ({ id, name, role }))} />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">Add a user first: a token acts as one. (API_TOKEN in the environment is the bootstrap admin&apos;s token.)</p>
        )}
      </section>
    </div>
  );
}
