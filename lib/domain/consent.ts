/**
 * Who may consent to an escalation about a child (Jeugdwet, WGBO): under 16 a
 * parent with authority, from 16 the young person. A professional records
 * how the consent was obtained.
 */
export const consentMethods = ["IN_PERSON", "PHONE", "IN_WRITING"] as const;
export type ConsentMethod = (typeof consentMethods)[number];
export type ConsentGiver = "PARENT" | "YOUTH";

/** Full years between a birth date and a day, both "YYYY-MM-DD". */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export const YOUTH_CONSENT_AGE = 16;

export function consentGiver(birthDate: string, today: string): ConsentGiver {
  return ageOn(birthDate, today) >= YOUTH_CONSENT_AGE ? "YOUTH" : "PARENT";
}
