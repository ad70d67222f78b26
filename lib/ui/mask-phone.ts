// Phone numbers in lists show only the country code and last four digits ("+1 ••• ••• 7890"):
// enough to tell calls apart over a shoulder or in a screenshot, not enough to dial.
// Lists show numbers masked to everyone; the viewer role sees them masked everywhere (lib/calls/phone-view.ts).

const THREE_DIGIT_CODE = /^(21|22|23|24|25|26|29|35|37|38|42|50|59|67|68|69|80|85|87|88|96|97|99)/;

export function maskPhone(phone: string | null | undefined): string | null {
  if (phone === null || phone === undefined || phone.trim() === "") return null;
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 7) return "•••";
  const last = digits.slice(-4);
  if (!phone.trim().startsWith("+")) return `••• ••• ${last}`;
  const codeLength = /^[17]/.test(digits) ? 1 : THREE_DIGIT_CODE.test(digits) ? 3 : 2;
  return `+${digits.slice(0, codeLength)} ••• ••• ${last}`;
}
