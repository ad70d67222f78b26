// GET /api/contacts – contacts matching the filters (q, status, flag, campaign), most recently called
// first, keyset-paginated, with how many match
import { apiError } from "@/lib/http/api-error";
import { readPageParams } from "@/lib/http/page-params";
import { pageTotal } from "@/lib/db/bounded-count";
import { authorizeApiRequest } from "@/lib/auth/authorize-api-request";
import { phoneViewFor, searchFor } from "@/lib/calls/phone-view";
import { parseContactFilters } from "@/lib/contacts/contact-filters";
import { countContacts, decodeContactCursor, DEFAULT_CONTACTS_PAGE, listContacts, MAX_CONTACTS_PAGE } from "@/lib/contacts/list-contacts";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const viewer = await authorizeApiRequest(request);
  if (viewer instanceof Response) return viewer;
  const params = new URL(request.url).searchParams;
  const parsed = parseContactFilters(params);
  if (!parsed.ok) return apiError(400, "invalid_query", parsed.problem.message, { param: parsed.problem.param });
  const page = readPageParams(params, { defaultLimit: DEFAULT_CONTACTS_PAGE, maxLimit: MAX_CONTACTS_PAGE, decode: decodeContactCursor });
  if (page instanceof Response) return page;

  const filters = searchFor(parsed.filters, viewer);
  const [list, count] = await Promise.all([
    listContacts(filters, page, phoneViewFor(viewer)),
    countContacts(filters),
  ]);
  return Response.json({ contacts: list.contacts, nextCursor: list.nextCursor, ...pageTotal(count, list.contacts.length, list.nextCursor !== null) });
}
