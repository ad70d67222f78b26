// The viewer's preferred locale from Accept-Language, for numbers formatted on the server (dates are
// formatted in the browser by components/local-time.tsx, which also knows the time zone).
import { headers } from "next/headers";

export async function requestLocale(): Promise<string | undefined> {
  const accept = (await headers()).get("accept-language") ?? "";
  for (const part of accept.split(",")) {
    const tag = part.split(";")[0]?.trim();
    if (!tag || tag === "*") continue;
    try {
      if (Intl.NumberFormat.supportedLocalesOf([tag]).length > 0) return tag;
    } catch {
      // not a valid language tag: try the next one
    }
  }
  return undefined;
}
