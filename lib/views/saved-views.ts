// Saved views: a name for a calls filter, shared by everyone on this Callboard. The query is stored as
// serializeCallFilters writes it, so a view opens exactly the calls its filter names, today and later
// (a date-only day stays a day of the viewer's zone unless the query names one with `tz`).
import { db } from "@/lib/db/client";
import { serializeCallFilters } from "@/lib/calls/call-filters";
import { readCallFilters } from "@/lib/calls/check-call-filters";

export type SavedView = { id: string; name: string; query: string; createdAt: string; updatedAt: string };
export type ViewProblem = { status: 400 | 404 | 409; field: string; message: string };
type Result<T> = { ok: true; value: T } | { ok: false; problem: ViewProblem };

export const MAX_VIEW_NAME = 100;
// Parameters of the list's position, not of its filter: a view opens at the top.
const PAGING_PARAMS = ["cursor", "before", "limit"];

type Row = { id: string; name: string; query: string; created_at: Date; updated_at: Date };
const COLUMNS = `id::text, name, query, created_at, updated_at`;

function toView(row: Row): SavedView {
  return { id: row.id, name: row.name, query: row.query, createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString() };
}

function checkName(name: unknown): Result<string> {
  if (typeof name !== "string") return fail(400, "name", `"name" must be a string`);
  const trimmed = name.trim();
  if (!trimmed) return fail(400, "name", `"name" must not be empty`);
  if (trimmed.length > MAX_VIEW_NAME) return fail(400, "name", `"name" must be at most ${MAX_VIEW_NAME} characters`);
  return { ok: true, value: trimmed };
}

/** The filter of a calls URL query ("?status=INTERESTED&…" or without the "?"), normalised. */
export async function normaliseViewQuery(query: unknown): Promise<Result<string>> {
  if (typeof query !== "string") return fail(400, "query", `"query" must be a string: the calls list's URL query, e.g. "status=INTERESTED"`);
  const params = new URLSearchParams(query.trim().replace(/^\?/, ""));
  for (const name of PAGING_PARAMS) params.delete(name);
  const parsed = await readCallFilters(params);
  if (!parsed.ok) return fail(400, "query", `"query": ${parsed.problem.message}`, { param: parsed.problem.param });
  return { ok: true, value: serializeCallFilters(parsed.filters).toString() };
}

function fail(status: ViewProblem["status"], field: string, message: string, extra: Record<string, string> = {}): { ok: false; problem: ViewProblem } {
  return { ok: false, problem: { status, field, message, ...extra } };
}

const isDuplicate = (error: unknown) => (error as { code?: string }).code === "23505";
const duplicate = (name: string) => fail(409, "name", `a view named "${name}" already exists`);
/** Ids are bigints as text; anything else names no view. */
const isId = (id: string) => /^[1-9]\d{0,18}$/.test(id);

export async function listViews(): Promise<SavedView[]> {
  const { rows } = await db().pool.query<Row>(`SELECT ${COLUMNS} FROM saved_views ORDER BY lower(name), id`);
  return rows.map(toView);
}

export async function createView(input: { name?: unknown; query?: unknown }): Promise<Result<SavedView>> {
  const name = checkName(input.name);
  if (!name.ok) return name;
  const query = await normaliseViewQuery(input.query ?? "");
  if (!query.ok) return query;
  try {
    const { rows } = await db().pool.query<Row>(`INSERT INTO saved_views (name, query) VALUES ($1, $2) RETURNING ${COLUMNS}`, [name.value, query.value]);
    return { ok: true, value: toView(rows[0]!) };
  } catch (error) {
    if (isDuplicate(error)) return duplicate(name.value);
    throw error;
  }
}

export async function renameView(id: string, input: { name?: unknown }): Promise<Result<SavedView>> {
  const name = checkName(input.name);
  if (!name.ok) return name;
  if (!isId(id)) return fail(404, "id", `no view ${id}`);
  try {
    const { rows } = await db().pool.query<Row>(
      `UPDATE saved_views SET name = $2, updated_at = now() WHERE id = $1::bigint RETURNING ${COLUMNS}`,
      [id, name.value],
    );
    return rows[0] ? { ok: true, value: toView(rows[0]) } : fail(404, "id", `no view ${id}`);
  } catch (error) {
    if (isDuplicate(error)) return duplicate(name.value);
    throw error;
  }
}

export async function deleteView(id: string): Promise<Result<null>> {
  if (!isId(id)) return fail(404, "id", `no view ${id}`);
  const { rowCount } = await db().pool.query(`DELETE FROM saved_views WHERE id = $1::bigint`, [id]);
  return rowCount ? { ok: true, value: null } : fail(404, "id", `no view ${id}`);
}
