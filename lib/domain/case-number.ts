/** Human-readable case numbers such as DB-2026-000123. */
export function formatCaseNumber(year: number, serial: number): string {
  return `DB-${year}-${String(serial).padStart(6, "0")}`;
}

export const caseNumberPattern = /^DB-\d{4}-\d{6}$/;

/** The shape every case number has: D, B and "-" as they are; # is any digit. */
const numberShape = "DB-####-######";

/**
 * Whether a text could be part of some case number (compared in upper case): it fits
 * somewhere in DB-####-###### with a digit wherever # is. "2024-01" and "db-2" can;
 * "Amsterdam" cannot, so a search for it need not read every case number.
 */
export function couldBeInCaseNumber(text: string): boolean {
  const part = text.toUpperCase();
  if (part.length === 0 || part.length > numberShape.length) return false;
  for (let offset = 0; offset + part.length <= numberShape.length; offset++) {
    let fits = true;
    for (let i = 0; i < part.length && fits; i++) {
      const shape = numberShape[offset + i]!;
      const c = part[i]!;
      fits = shape === "#" ? c >= "0" && c <= "9" : c === shape;
    }
    if (fits) return true;
  }
  return false;
}
