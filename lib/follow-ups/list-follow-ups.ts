// A follow-up queue: one item per contact whose latest call qualifies (callbacks, leads), in a state,
// longest-waiting first, a keyset page at a time, and how many there are. A contact whose number is
// on the do-not-call list is never in a queue.
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { boundedCount, type BoundedCount } from "@/lib/db/bounded-count";
import { decodeTimeIdCursor, encodeTimeIdCursor, keysetPage, type TimeIdCursor } from "@/lib/db/keyset-page";
import type { FollowUpQueue } from "@/lib/contacts/contact-state-sql";
import { FOLLOW_UP_FROM_SQL, FOLLOW_UP_ROW_SQL, followUpJson, type FollowUpJson, type FollowUpRow } from "./follow-up-json";
import type { FollowUpState } from "./follow-up-vocabulary";

export const DEFAULT_FOLLOW_UPS_PAGE = 50;
export const MAX_FOLLOW_UPS_PAGE = 500;

export type FollowUpSelection = { queue: FollowUpQueue; state: FollowUpState; order: "oldest" | "newest" };
type Cursor = TimeIdCursor;

// Written to match the partial indexes follow_ups_waiting_idx (state <> 'done') and
// follow_ups_done_idx, which give the items of a queue in waiting order.
function whereSql({ queue, state }: FollowUpSelection): Prisma.Sql {
  const inState =
    state === "open"
      ? Prisma.sql`f.state <> 'done' AND (f.state = 'open' OR f.snooze_until <= now())`
      : state === "snoozed"
        ? Prisma.sql`f.state <> 'done' AND f.state = 'snoozed' AND f.snooze_until > now()`
        : Prisma.sql`f.state = 'done'`;
  // `active`: the latest call qualifies and the contact may be called (never asked not to be, and the
  // number is not on the do-not-call list, from another contact's call either): kept by the ingest.
  return Prisma.sql`f.queue = ${queue} AND f.active AND ${inState}`;
}

export const decodeFollowUpCursor = decodeTimeIdCursor;

export async function listFollowUps(
  selection: FollowUpSelection,
  page: { cursor?: Cursor | null; before?: Cursor | null; limit?: number },
  options: { maskPhones: boolean },
): Promise<{ followUps: FollowUpJson[]; nextCursor: string | null; prevCursor: string | null }> {
  const limit = Math.min(Math.max(page.limit ?? DEFAULT_FOLLOW_UPS_PAGE, 1), MAX_FOLLOW_UPS_PAGE);
  // `before` pages back (the page's "Previous" link): read the other way from the cursor.
  const backwards = !page.cursor && !!page.before;
  const bound = page.cursor ?? page.before;
  const descending = (selection.order === "newest") !== backwards;
  const after = bound
    ? descending
      ? Prisma.sql`AND (f.waiting_since, f.id) < (${bound.at}, ${bound.id}::bigint)`
      : Prisma.sql`AND (f.waiting_since, f.id) > (${bound.at}, ${bound.id}::bigint)`
    : Prisma.empty;
  const order = Prisma.raw(descending ? "f.waiting_since DESC, f.id DESC" : "f.waiting_since, f.id");
  const rows = await prisma().$queryRaw<FollowUpRow[]>`
    SELECT ${FOLLOW_UP_ROW_SQL} FROM ${FOLLOW_UP_FROM_SQL}
    WHERE ${whereSql(selection)} ${after}
    ORDER BY ${order}
    LIMIT ${limit + 1}`;
  const paged = keysetPage(rows, { limit, backwards, fromCursor: !!page.cursor }, (row) => encodeTimeIdCursor({ at: row.waitingSince, id: row.id }));
  return { followUps: paged.rows.map((row) => followUpJson(row, options)), nextCursor: paged.nextCursor, prevCursor: paged.prevCursor };
}

export function countFollowUps(selection: FollowUpSelection): Promise<BoundedCount> {
  return boundedCount(Prisma.sql`FROM follow_ups f WHERE ${whereSql(selection)}`);
}
