// Alerts as the API and the page show them, newest first per state.
import { db } from "@/lib/db/client";
import { decodeTimeIdCursor, encodeTimeIdCursor, keysetPage, type TimeIdCursor } from "@/lib/db/keyset-page";
import { inTransaction } from "@/lib/db/pg-transaction";
import { appendLiveEvents, announceCommitted } from "@/lib/live/live-events";
import type { Viewer } from "@/lib/auth/viewer";
import type { AlertState } from "./alert-kinds";

export type AlertJson = {
  id: string;
  kind: string;
  state: string;
  title: string;
  details: Record<string, unknown>;
  callId: string | null;
  campaignId: string | null;
  openedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  /** null with resolvedAt set: it resolved itself. */
  resolvedBy: string | null;
};

type AlertRow = {
  id: string; kind: string; state: string; title: string; details: Record<string, unknown>; call_id: string | null; campaign_id: string | null;
  opened_at: Date; acknowledged_at: Date | null; acknowledged_by: string | null; resolved_at: Date | null; resolved_by: string | null;
};

const COLUMNS = `id::text, kind, state, title, details, call_id, campaign_id, opened_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by`;

function toJson(r: AlertRow): AlertJson {
  return {
    id: r.id, kind: r.kind, state: r.state, title: r.title, details: r.details, callId: r.call_id, campaignId: r.campaign_id,
    openedAt: r.opened_at.toISOString(), acknowledgedAt: r.acknowledged_at?.toISOString() ?? null, acknowledgedBy: r.acknowledged_by,
    resolvedAt: r.resolved_at?.toISOString() ?? null, resolvedBy: r.resolved_by,
  };
}

type AlertCursor = TimeIdCursor;
export const DEFAULT_ALERTS_PAGE = 100;
export const MAX_ALERTS_PAGE = 500;
export const decodeAlertCursor = decodeTimeIdCursor;

/** One keyset page of the alerts in a state, newest first (opened, or resolved for resolved ones). `before` pages back. */
export async function listAlerts(
  state: AlertState,
  page: { cursor?: AlertCursor | null; before?: AlertCursor | null; limit?: number } = {},
): Promise<{ alerts: AlertJson[]; nextCursor: string | null; prevCursor: string | null }> {
  const limit = Math.min(Math.max(page.limit ?? DEFAULT_ALERTS_PAGE, 1), MAX_ALERTS_PAGE);
  const column = state === "resolved" ? "resolved_at" : "opened_at";
  const backwards = !page.cursor && !!page.before;
  const bound = page.cursor ?? page.before;
  const values: unknown[] = [state, limit + 1];
  let after = "";
  if (bound) {
    values.push(bound.at, bound.id);
    after = `AND (alerts.${column}, alerts.id) ${backwards ? ">" : "<"} ($3, $4::bigint)`;
  }
  // Table-qualified: a bare "id" would be the text id of the select list, ordered as text ("9" > "11").
  const order = backwards ? `alerts.${column}, alerts.id` : `alerts.${column} DESC, alerts.id DESC`;
  const rows = await db().pool.query<AlertRow>(`SELECT ${COLUMNS} FROM alerts WHERE state = $1 ${after} ORDER BY ${order} LIMIT $2`, values);
  const paged = keysetPage(rows.rows, { limit, backwards, fromCursor: !!page.cursor }, (r) =>
    encodeTimeIdCursor({ at: (state === "resolved" ? r.resolved_at : r.opened_at) ?? r.opened_at, id: r.id }),
  );
  return { alerts: paged.rows.map(toJson), nextCursor: paged.nextCursor, prevCursor: paged.prevCursor };
}

/** How many alerts are in a state: the tabs, the API's `total` and (open) the nav badge, served by the partial index alerts_open_idx. */
export async function countAlerts(state: AlertState): Promise<number> {
  const result = await db().pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM alerts WHERE state = $1`, [state]);
  return result.rows[0]!.n;
}

export type UpdateResult = { ok: true; alert: AlertJson } | { ok: false; status: 404 | 409; message: string };

/**
 * A person acknowledges or resolves an alert. Acknowledging a resolved alert is refused (409); resolving
 * again changes nothing and answers with the alert as it is.
 */
export async function updateAlertState(id: string, state: "acknowledged" | "resolved", viewer: Viewer): Promise<UpdateResult> {
  if (!/^\d{1,18}$/.test(id)) return { ok: false, status: 404, message: `no alert with id "${id}"` };
  const result = await inTransaction(async (sql): Promise<UpdateResult> => {
    const [current] = await sql.query<AlertRow>(`SELECT ${COLUMNS} FROM alerts WHERE id = $1 FOR UPDATE`, [id]);
    if (!current) return { ok: false, status: 404, message: `no alert with id "${id}"` };
    if (current.state === state) return { ok: true, alert: toJson(current) };
    if (current.state === "resolved") return { ok: false, status: 409, message: `alert ${id} is already resolved` };
    const [row] = state === "acknowledged"
      ? await sql.query<AlertRow>(`UPDATE alerts SET state = 'acknowledged', acknowledged_at = now(), acknowledged_by = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [id, viewer.name])
      : await sql.query<AlertRow>(`UPDATE alerts SET state = 'resolved', resolved_at = now(), resolved_by = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [id, viewer.name]);
    await appendLiveEvents(sql, [{ type: "alert.changed", alertId: row!.id, kind: row!.kind, state: row!.state }]);
    return { ok: true, alert: toJson(row!) };
  });
  if (result.ok && result.alert) announceCommitted();
  return result;
}

export type DeliveryJson = { id: string; alertId: string; at: string; host: string | null; outcome: string; httpStatus: number | null; error: string | null };

export async function listDeliveries(limit = 50): Promise<DeliveryJson[]> {
  const result = await db().pool.query<{ id: string; alert_id: string; at: Date; host: string | null; outcome: string; http_status: number | null; error: string | null }>(
    `SELECT id::text, alert_id::text, at, host, outcome, http_status, error FROM alert_delivery_attempts d ORDER BY d.at DESC, d.id DESC LIMIT $1`,
    [limit],
  );
  return result.rows.map((r) => ({ id: r.id, alertId: r.alert_id, at: r.at.toISOString(), host: r.host, outcome: r.outcome, httpStatus: r.http_status, error: r.error }));
}
