// Who is looking, and what they may do. Every page and route handler gets one from its own check
// (requireViewer, authorizeApiRequest) and asks it before acting.
//
// Roles, each allowing what the one below it does:
// - admin: users and settings;
// - member: works the follow-up queues;
// - viewer: reads only, phone numbers masked.
export type Role = "admin" | "member" | "viewer";

export type Viewer = {
  /** The signed-in user's id; null for the bootstrap admin (DASHBOARD_PASSWORD, API_TOKEN) and an open dashboard. */
  userId: string | null;
  /** Shown as who did something ("done by"). */
  name: string;
  role: Role;
};

const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2 };

export function hasRole(viewer: Viewer, needed: Role): boolean {
  return RANK[viewer.role] >= RANK[needed];
}

/** Viewers read numbers masked; members and admins see them in full. */
export function seesFullNumbers(viewer: Viewer): boolean {
  return hasRole(viewer, "member");
}

/** The dashboard with no password set (development, a private network), and the bootstrap credentials. */
export const BOOTSTRAP_ADMIN: Viewer = { userId: null, name: "Admin", role: "admin" };
