// Browsers and Node list time zones under ICU's names, some of which IANA has since renamed
// ("Asia/Calcutta" for Asia/Kolkata). The picker and the detected zone use the current IANA names;
// both names work in Intl and in Postgres.
const RENAMED: Record<string, string> = {
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Europe/Kiev": "Europe/Kyiv",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "America/Godthab": "America/Nuuk",
  "Pacific/Truk": "Pacific/Chuuk",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Enderbury": "Pacific/Kanton",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Mendoza": "America/Argentina/Mendoza",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Louisville": "America/Kentucky/Louisville",
};

/** The current IANA name of `zone`; UTC's other names ("Etc/UTC", "GMT", "Zulu"…) are "UTC". */
export function ianaName(zone: string): string {
  if (/^(Etc\/)?(UTC|UCT|GMT|GMT0|Universal|Zulu|Greenwich)$/i.test(zone)) return "UTC";
  return RENAMED[zone] ?? zone;
}

/** The name the zone had before IANA renamed it, for searching by either. */
export function formerName(zone: string): string | null {
  return Object.entries(RENAMED).find(([, current]) => current === zone)?.[0] ?? null;
}
