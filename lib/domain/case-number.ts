/** Human-readable case numbers such as DB-2026-000123. */
export function formatCaseNumber(year: number, serial: number): string {
  return `DB-${year}-${String(serial).padStart(6, "0")}`;
}

export const caseNumberPattern = /^DB-\d{4}-\d{6}$/;
