// How phone numbers are written for one reader: in full, or masked ("+1 ••• ••• 7890") for the
// viewer role. Decided once per request from the viewer (seesFullNumbers) and passed to every
// formatter that writes a number — the list and detail JSON, the call page, the CSV — so no output
// path can forget it.
import { seesFullNumbers, type Viewer } from "@/lib/auth/viewer";
import { maskPhone } from "@/lib/ui/mask-phone";

export type PhoneView = { maskPhones: boolean };

export const phoneViewFor = (viewer: Viewer): PhoneView => ({ maskPhones: !seesFullNumbers(viewer) });

/**
 * The filters as this viewer may search with them: a viewer's `q` matches no phone number (they
 * would learn that a number they only see masked is in the data). Every reader of `q` applies it.
 */
export const searchFor = <F extends { maskedSearch?: boolean }>(filters: F, viewer: Viewer): F =>
  seesFullNumbers(viewer) ? filters : { ...filters, maskedSearch: true };

/** Lists mask numbers for everyone (a screen of numbers over a shoulder); the call page and APIs follow the role. */
export const LIST_PHONE_VIEW: PhoneView = { maskPhones: true };

export function shownPhone(phone: string | null, view: PhoneView): string | null {
  return view.maskPhones ? maskPhone(phone) : phone;
}

// Keys whose text is a phone number inside Voxia's free-form objects: an SMS event's to/from, a
// forwarded call's phoneNumber, a phone in contact.data.
const PHONE_KEY = /^(to|from|sentTo|sentFrom|phone|phoneNumber|phone_number|mobile|phoneFrom|phoneTo)$/i;

/** A Voxia object (event data, contact data) with its phone-number texts masked for a masked view. */
export function withPhonesShown(data: unknown, view: PhoneView): unknown {
  if (!view.maskPhones || data === null || typeof data !== "object" || Array.isArray(data) || Object.getPrototypeOf(data) !== Object.prototype) return data;
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [key, PHONE_KEY.test(key) && typeof value === "string" ? maskPhone(value) : value]),
  );
}
