/**
 * What the filing form asks about school (decision 036): the school and the
 * samenwerkingsverband passend onderwijs, whether leerplicht knows, whether
 * there is an exemption, and whether an onderwijsconsulent helps. Every
 * question may be left open: a parent does not always know.
 */
export const schoolAnswers = ["YES", "NO", "UNSURE"] as const;
export type SchoolAnswer = (typeof schoolAnswers)[number];

export type SchoolFacts = {
  schoolName: string | null;
  samenwerkingsverbandName: string | null;
  leerplichtInformed: SchoolAnswer | null;
  leerplichtInformedOn: string | null;
  leerplichtExemption: SchoolAnswer | null;
  onderwijsconsulent: SchoolAnswer | null;
};

/** Nothing known about school: for a child not of school age, and after the retention period. */
export const noSchoolFacts: SchoolFacts = {
  schoolName: null,
  samenwerkingsverbandName: null,
  leerplichtInformed: null,
  leerplichtInformedOn: null,
  leerplichtExemption: null,
  onderwijsconsulent: null,
};

/**
 * The school facts kept for a case: none for a child who is not of school age,
 * whatever the form sent; the day leerplicht was told only when it was told.
 */
export function keptSchoolFacts(schoolSituation: string, sent: Partial<Record<keyof SchoolFacts, string | null | undefined>>): SchoolFacts {
  if (schoolSituation === "NOT_APPLICABLE") return noSchoolFacts;
  const answer = (v: string | null | undefined): SchoolAnswer | null => (schoolAnswers.includes(v as SchoolAnswer) ? (v as SchoolAnswer) : null);
  const informed = answer(sent.leerplichtInformed);
  return {
    schoolName: sent.schoolName ?? null,
    samenwerkingsverbandName: sent.samenwerkingsverbandName ?? null,
    leerplichtInformed: informed,
    leerplichtInformedOn: informed === "YES" ? (sent.leerplichtInformedOn ?? null) : null,
    leerplichtExemption: answer(sent.leerplichtExemption),
    onderwijsconsulent: answer(sent.onderwijsconsulent),
  };
}

/** A child without school, or with only part of it: a thuiszitter. */
export function isThuiszitter(schoolSituation: string | null): boolean {
  return schoolSituation === "NONE" || schoolSituation === "PARTLY";
}

/** The family's answer to "may the gemeente tell leerplicht about this case?" (decision 038). */
export const leerplichtConsentAnswers = ["YES", "NO"] as const;

/**
 * Whether the family agreed that leerplicht is told: asked for a thuiszitter
 * (no school, or only part of the time); for any other child nothing is kept.
 */
export function leerplichtConsentOf(schoolSituation: string, sent: string | null | undefined): boolean | null {
  if (!isThuiszitter(schoolSituation)) return null;
  return sent === "YES" ? true : sent === "NO" ? false : null;
}

/**
 * Whether leerplicht is told about a case now (decision 038): a thuiszitter's
 * case, with the family's consent, not told before.
 */
export function shouldTellLeerplicht(c: { schoolSituation: string | null; leerplichtConsent: boolean | null; leerplichtNotifiedAt: Date | null }): boolean {
  return isThuiszitter(c.schoolSituation) && c.leerplichtConsent === true && c.leerplichtNotifiedAt === null;
}
