// One keyset page of a list other than the calls (contacts, follow-up items, suppressed numbers, alerts),
// read with LIMIT limit + 1: forwards from a `cursor` (or the start), or backwards from a `before`
// cursor (read in the reverse order, shown in the list's), with the cursors of its neighbours.

/** The page's rows in the list's order, the cursor of the page after it and of the page before it. */
export function keysetPage<Row>(
  rows: Row[],
  { limit, backwards, fromCursor }: { limit: number; backwards: boolean; fromCursor: boolean },
  cursorOf: (row: Row) => string,
): { rows: Row[]; nextCursor: string | null; prevCursor: string | null } {
  const hasMore = rows.length > limit;
  const read = hasMore ? rows.slice(0, limit) : rows;
  const shown = backwards ? read.reverse() : read;
  const first = shown[0];
  const last = shown[shown.length - 1];
  return {
    rows: shown,
    // Read backwards, there is always the page it came from after it; forwards, only if more were read.
    nextCursor: last !== undefined && (backwards || hasMore) ? cursorOf(last) : null,
    prevCursor: first !== undefined && (backwards ? hasMore : fromCursor) ? cursorOf(first) : null,
  };
}

/** The cursor of a list ordered by a time and a bigint id (follow-up items, alerts). */
export type TimeIdCursor = { at: Date; id: string };

export function encodeTimeIdCursor(cursor: TimeIdCursor): string {
  return Buffer.from(`${cursor.at.toISOString()}|${cursor.id}`).toString("base64url");
}

/** Null for anything encodeTimeIdCursor did not make (an id that is not a bigint included). */
export function decodeTimeIdCursor(value: string): TimeIdCursor | null {
  const [at, id, ...rest] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const date = new Date(at ?? "");
  if (rest.length > 0 || Number.isNaN(date.getTime()) || !/^[0-9]{1,18}$/.test(id ?? "")) return null;
  return { at: date, id: id! };
}
