// Answers /campaigns/{unknown id} with a real 404 status. The page itself cannot: the root
// loading.tsx starts streaming (status 200) before the page learns the campaign does not exist, as
// Next.js documents (file-conventions/loading, "Status codes"), so the existence check runs here,
// before rendering, and an unknown id is rewritten to a path no route matches (the app's 404 page).
import { NextResponse, type NextRequest } from "next/server";
import { getCampaign } from "@/lib/dashboard/get-campaign";

export const config = { matcher: "/campaigns/:id" };

export async function proxy(request: NextRequest) {
  const notFound = NextResponse.rewrite(new URL("/campaigns-not-found", request.url));
  let id: string;
  try {
    id = decodeURIComponent(request.nextUrl.pathname.slice("/campaigns/".length));
  } catch {
    return notFound; // malformed %-escapes name no campaign
  }
  try {
    if (await getCampaign(id)) return NextResponse.next();
  } catch {
    // The database is unreachable: let the page render and show its error state.
    return NextResponse.next();
  }
  return notFound;
}
