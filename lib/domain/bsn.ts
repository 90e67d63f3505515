/**
 * Burgerservicenummer: nine digits that pass the 11-proef
 * (9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11, and not 0).
 */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.reduce((acc, d, i) => acc + d * (i === 8 ? -1 : 9 - i), 0);
  return sum !== 0 && sum % 11 === 0;
}

/** Spaces and dots people type in a BSN are not part of it. */
export function normaliseBsn(value: string): string {
  return value.replace(/[\s.]/g, "");
}

/** Only the last three digits are ever shown. */
export function maskBsn(bsn: string): string {
  return `******${bsn.slice(-3)}`;
}
