import { fileCaseInput, type filingTextFields } from "./inputs";

type FilingField = (typeof filingTextFields)[number] | "domains" | "documents";

/**
 * The filing form as a series of short steps, one question (or a few that
 * belong together) per screen. The last step shows everything for review.
 * Every field of the form belongs to exactly one step (a unit test holds this).
 */
export const filingSteps = [
  // First, so that a family whose gemeente does not work with the portal yet hears so,
  // and where to go instead, before they write anything.
  { key: "where", fields: ["livingSituation", "ownGemeenteCode", "previousGemeenteCode", "motherGemeenteCode"] },
  { key: "who", fields: ["filerRole", "organisation"] },
  { key: "child", fields: ["childName", "childBirthDate", "childBsn"] },
  {
    key: "school",
    fields: [
      "schoolSituation",
      "outOfSchoolSince",
      "schoolName",
      "samenwerkingsverbandName",
      "leerplichtInformed",
      "leerplichtInformedOn",
      "leerplichtExemption",
      "onderwijsconsulent",
      "leerplichtConsent",
    ],
  },
  { key: "stuck", fields: ["stuckDescription", "domains", "stuckSince"] },
  { key: "refused", fields: ["refusedBy"] },
  { key: "tried", fields: ["triedDescription"] },
  { key: "need", fields: ["needDescription", "childWish", "childWantsToBeHeard"] },
  { key: "urgency", fields: ["urgency", "risks"] },
  { key: "consent", fields: ["consentMethod", "consent"] },
  { key: "contact", fields: ["contactPreference", "contactPhone", "clientSupporterInvolved", "clientSupporterName"] },
  // Optional: files sent with the filing itself (they can be added later too).
  { key: "documents", fields: ["documents"] },
  { key: "review", fields: [] },
] as const satisfies readonly { key: string; fields: readonly FilingField[] }[];

export type FilingStepKey = (typeof filingSteps)[number]["key"];

export const reviewStep = filingSteps.length - 1;

export function stepIndex(key: string | null | undefined): number | null {
  const i = filingSteps.findIndex((s) => s.key === key);
  return i >= 0 ? i : null;
}

/** The step that asks for a field; fields not in any step (the submission id) belong to none. */
export function stepOfField(field: string): number | null {
  const i = filingSteps.findIndex((s) => (s.fields as readonly string[]).includes(field));
  return i >= 0 ? i : null;
}

/** Field → error key for every field the schema refuses, first message per field. */
export function filingErrors(input: Record<string, unknown>): Record<string, string> {
  const parsed = fileCaseInput.safeParse(input);
  const errors: Record<string, string> = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join(".");
    errors[field] ??= /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalid";
  }
  return errors;
}

/** Only the errors of one step's fields, so a person is never told about questions still to come. */
export function stepErrors(errors: Record<string, string>, step: number): Record<string, string> {
  const fields: readonly string[] = filingSteps[step]?.fields ?? [];
  return Object.fromEntries(Object.entries(errors).filter(([field]) => fields.includes(field)));
}

/** Where to continue a saved draft: the first step that still has an error, or the review. */
export function firstIncompleteStep(errors: Record<string, string>): number {
  const steps = Object.keys(errors).flatMap((field) => {
    const step = stepOfField(field);
    return step === null ? [] : [step];
  });
  return steps.length > 0 ? Math.min(...steps) : reviewStep;
}
