// ISO 8601 timestamps read strictly and the same on every machine: `new Date(text)` rolls
// 2024-02-30 over to March 1st and reads a time without an offset in the server's own zone. Here a
// time without an offset is UTC (README, "Webhook contract"), and a date or time that cannot exist
// is no date at all.
const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

export function parseIsoTimestamp(text: string): Date | null {
  const m = ISO_TIMESTAMP.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = "", , sign, offsetHours = "0", offsetMinutes = "0"] = m;
  const year = Number(y), month = Number(mo), day = Number(d), hour = Number(h), minute = Number(mi), second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const oh = Number(offsetHours), om = Number(offsetMinutes);
  if (oh > 23 || om > 59) return null;
  const ms = Number(fraction.slice(0, 3).padEnd(3, "0"));
  const offset = (sign === "-" ? -1 : 1) * (oh * 60 + om);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // years 0-99 too, which Date.UTC would shift to 19xx
  date.setUTCHours(hour, minute - offset, second, ms);
  return date;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
