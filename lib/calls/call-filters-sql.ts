// callWhere (call-filters.ts) as a Prisma.sql fragment, for the aggregate queries Prisma's query API
// cannot express (per-day buckets, FILTER aggregates, joins from call_answers). Each condition
// mirrors one line of callWhere; test/integration/call-filters-sql.test.ts checks both select the
// same calls, so the two cannot drift apart unnoticed.
import { Prisma } from "@/lib/generated/prisma/client";
import { escapeLike, type CallFilters } from "./call-filters";

/** The WHERE condition (without the keyword) over the `calls` table aliased as `alias`. */
export function callWhereSql(filters: CallFilters, alias = "c"): Prisma.Sql {
  const c = Prisma.raw(`"${alias.replaceAll('"', "")}"`);
  const and: Prisma.Sql[] = [];
  if (filters.campaign.length > 0) and.push(Prisma.sql`${c}.campaign_id IN (${Prisma.join(filters.campaign)})`);
  if (filters.status.length > 0) and.push(Prisma.sql`${c}.status IN (${Prisma.join(filters.status)})`);
  if (filters.callStatus.length > 0) and.push(Prisma.sql`${c}.call_status IN (${Prisma.join(filters.callStatus)})`);
  if (filters.from) and.push(Prisma.sql`${c}.created_at >= ${filters.from}`);
  if (filters.to) and.push(Prisma.sql`${c}.created_at < ${filters.to}`);
  if (filters.test === "exclude") and.push(Prisma.sql`${c}.is_test_call = false`);
  if (filters.test === "only") and.push(Prisma.sql`${c}.is_test_call = true`);
  if (filters.q) {
    // "contains": the search text is matched literally, so % and _ typed by a user are escaped.
    const pattern = `%${escapeLike(filters.q)}%`;
    and.push(
      Prisma.sql`(${c}.contact_name ILIKE ${pattern} OR ${c}.contact_phone ILIKE ${pattern} OR ${c}.transcript_text ILIKE ${pattern})`,
    );
  }
  return and.length > 0 ? Prisma.join(and, " AND ") : Prisma.sql`TRUE`;
}
