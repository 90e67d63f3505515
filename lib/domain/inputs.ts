import { z } from "@/lib/domain/zod";
import { MAX_THRESHOLD, MIN_THRESHOLD } from "./disclosure";
import { MAX_SIGNAL_THRESHOLD, MIN_SIGNAL_THRESHOLD, signalMarks } from "./signals";
import { isValidBsn, normaliseBsn } from "./bsn";
import { heardAnswers, supporterAnswers } from "./child-voice";
import { leerplichtConsentAnswers, schoolAnswers } from "./school-facts";
import { consentGiver, consentMethods } from "./consent";
import { hasControlCharacters, hasLoneSurrogates, isoDay, optionalText, recordId, storableText, text } from "./fields";
import { RETENTION_MAX_MONTHS, RETENTION_MIN_MONTHS } from "./retention";
import { livingSituations, requiredAnswer } from "./woonplaats";
import { caseOutcomeKeys, causeKeys, NOT_SOLVED, organisationKindKeys } from "./causes";

/**
 * Input schemas shared by forms and server actions. Error messages are keys of
 * the `errors` section of the message catalogs, so that the UI can show them
 * in the reader's language.
 */

export const domains = ["JEUGDHULP", "ONDERWIJS", "WMO", "WLZ", "ZVW_GGZ"] as const;
export const urgencies = ["NORMAL", "HIGH", "CRISIS"] as const;
export const filerRoles = ["PARENT", "YOUTH", "PROFESSIONAL"] as const;
export const contactPreferences = ["EMAIL", "PHONE"] as const;
/** NONE: the child is a thuiszitter, at home without any school */
export const schoolSituations = ["ATTENDING", "PARTLY", "NONE", "NOT_APPLICABLE"] as const;
export const interventionTypes = [
  "CONSULTATION",
  "CASE_CONFERENCE",
  "ANALYSIS",
  "PROVIDER_ARRANGEMENT",
  "TAILORED_FUNDING",
  "OTHER",
] as const;

// Made once: a date format is costly to build, and every date field of a form asks for today.
const amsterdamDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" });

/** Today in Amsterdam, as "YYYY-MM-DD". */
export function todayIso(): string {
  return amsterdamDay.format(new Date());
}

const pastDay = isoDay.refine((d) => d <= todayIso(), { error: "dateInFuture" });
const futureDay = isoDay.refine((d) => d >= todayIso(), { error: "dateInPast" });

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

const gemeenteCode = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .pipe(z.string().regex(/^GM\d{4}$/, { error: "unknownGemeente" }).nullable())
  .optional()
  .transform((v) => v ?? null);

/** The filing form's single-value fields, as the browser sends them. */
export const filingTextFields = [
  "submissionId",
  "filerRole",
  "organisation",
  "childName",
  "childBirthDate",
  "childBsn",
  "schoolSituation",
  "outOfSchoolSince",
  "schoolName",
  "samenwerkingsverbandName",
  "leerplichtInformed",
  "leerplichtInformedOn",
  "leerplichtExemption",
  "onderwijsconsulent",
  "leerplichtConsent",
  "livingSituation",
  "ownGemeenteCode",
  "previousGemeenteCode",
  "motherGemeenteCode",
  "stuckSince",
  "stuckDescription",
  "refusedBy",
  "triedDescription",
  "needDescription",
  "childWish",
  "childWantsToBeHeard",
  "urgency",
  "risks",
  "contactPhone",
  "contactPreference",
  "clientSupporterInvolved",
  "clientSupporterName",
  "consentMethod",
  "consent",
] as const;

/** A draft of the filing form: only its own fields, each no longer than the form allows. */
const draftText = z
  .string()
  .max(4000)
  // A draft keeps what it can: what PostgreSQL cannot store is left out or replaced.
  .transform(storableText)
  .optional();
export const caseDraftInput = z
  .object({
    ...(Object.fromEntries(filingTextFields.map((f) => [f, draftText])) as Record<
      (typeof filingTextFields)[number],
      typeof draftText
    >),
    domains: z.array(z.enum(domains)).max(domains.length).optional(),
  })
  .strict();
export type CaseDraftInput = z.infer<typeof caseDraftInput>;

/** The filing form's fields as a plain object, read the same way in the browser and on the server. */
export function filingInputFromForm(formData: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = { domains: formData.getAll("domains") };
  for (const field of filingTextFields) {
    const value = formData.get(field);
    if (typeof value === "string") input[field] = value;
  }
  return input;
}

/** An answer to a question about school that may be left open (lib/domain/school-facts.ts). */
const schoolAnswer = z
  .enum(schoolAnswers, { error: "invalid" })
  .optional()
  .or(z.literal("").transform(() => undefined));

export const fileCaseInput = z
  .object({
    /** One per rendering of the form, so that a double submit files one case */
    submissionId: z.uuid({ error: "invalid" }),
    filerRole: z.enum(filerRoles, { error: "required" }),
    organisation: optionalText(200),
    childName: text(2, 120),
    childBirthDate: pastDay.refine((d) => d >= `${new Date().getUTCFullYear() - 23}-01-01`, {
      error: "childTooOld",
    }),
    childBsn: z
      .string()
      .optional()
      .transform((v) => normaliseBsn(v ?? ""))
      .refine((v) => v === "" || isValidBsn(v), { error: "invalidBsn" })
      .transform((v) => (v === "" ? null : v)),
    schoolSituation: z.enum(schoolSituations, { error: "required" }),
    outOfSchoolSince: pastDay.optional().or(z.literal("").transform(() => undefined)),
    schoolName: optionalText(200).optional(),
    samenwerkingsverbandName: optionalText(200).optional(),
    leerplichtInformed: schoolAnswer,
    leerplichtInformedOn: pastDay.optional().or(z.literal("").transform(() => undefined)),
    leerplichtExemption: schoolAnswer,
    onderwijsconsulent: schoolAnswer,
    leerplichtConsent: z.enum(leerplichtConsentAnswers).optional().or(z.literal("").transform(() => undefined)),
    livingSituation: z.enum(livingSituations, { error: "required" }),
    ownGemeenteCode: gemeenteCode,
    previousGemeenteCode: gemeenteCode,
    motherGemeenteCode: gemeenteCode,
    domains: z.array(z.enum(domains), { error: "pickOne" }).min(1, { error: "pickOne" }),
    stuckSince: pastDay.optional().or(z.literal("").transform(() => undefined)),
    stuckDescription: text(20, 4000),
    refusedBy: text(2, 2000),
    triedDescription: text(1, 4000),
    needDescription: text(1, 2000),
    childWish: optionalText(2000),
    childWantsToBeHeard: z
      .enum(heardAnswers, { error: "invalid" })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    urgency: z.enum(urgencies, { error: "required" }),
    risks: optionalText(2000),
    contactPhone: optionalText(30).refine((v) => v === null || /^\+?[0-9][0-9 ()\-.]{5,}$/.test(v), {
      error: "invalidPhone",
    }),
    contactPreference: z.enum(contactPreferences, { error: "required" }),
    clientSupporterInvolved: z
      .enum(supporterAnswers, { error: "invalid" })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    clientSupporterName: optionalText(200),
    consent: checkbox.refine((v) => v, { error: "consentRequired" }),
    consentMethod: z
      .enum(consentMethods, { error: "required" })
      .optional()
      .or(z.literal("").transform(() => undefined)),
  })
  .strict()
  .superRefine(
    (v, ctx) => {
      if (v.filerRole === "PROFESSIONAL" && (v.organisation ?? "").length === 0) {
        ctx.addIssue({ code: "custom", path: ["organisation"], message: "required" });
      }
      if (v.schoolSituation === "NONE" && !v.outOfSchoolSince) {
        ctx.addIssue({ code: "custom", path: ["outOfSchoolSince"], message: "required" });
      }
      if (v.contactPreference === "PHONE" && !v.contactPhone) {
        ctx.addIssue({ code: "custom", path: ["contactPhone"], message: "phoneForCalls" });
      }
      if (v.filerRole === "PROFESSIONAL" && !v.consentMethod) {
        ctx.addIssue({ code: "custom", path: ["consentMethod"], message: "required" });
      }
      const birthDate = typeof v.childBirthDate === "string" ? v.childBirthDate : "";
      if (v.filerRole === "YOUTH" && /^\d{4}-\d{2}-\d{2}$/.test(birthDate) && consentGiver(birthDate, todayIso()) !== "YOUTH") {
        ctx.addIssue({ code: "custom", path: ["filerRole"], message: "youthTooYoung" });
      }
      const needed = requiredAnswer[v.livingSituation];
      if (!v[needed]) ctx.addIssue({ code: "custom", path: [needed], message: "unknownGemeente" });
    },
    {
      // Run even when other fields have errors, so the person sees every message at once.
      when: ({ value }) => {
        const v = value as Record<string, unknown>;
        return livingSituations.includes(v.livingSituation as never) && filerRoles.includes(v.filerRole as never);
      },
    },
  );
export type FileCaseInput = z.infer<typeof fileCaseInput>;

export const caseRef = z.object({ caseId: recordId() });

export const claimCaseInput = caseRef.strict();
export type ClaimCaseInput = z.infer<typeof claimCaseInput>;

export const startLocalInput = caseRef.extend({ note: text(5, 4000) }).strict();
export type StartLocalInput = z.infer<typeof startLocalInput>;

/**
 * Referring records what blocks the case and who is involved, as the aanspreekpunt
 * sees it then; closing starts from these.
 */
export const referCaseInput = caseRef
  .extend({ question: text(10, 4000), causes: keyList(causeKeys), organisationKinds: keyList(organisationKindKeys) })
  .strict();
export type ReferCaseInput = z.infer<typeof referCaseInput>;

export const logInterventionInput = caseRef
  .extend({
    type: z.enum(interventionTypes, { error: "required" }),
    occurredOn: pastDay,
    participants: text(2, 1000),
    /** Whether a parent took part */
    familyInvolved: checkbox,
    /** Whether the child or young person took part */
    childInvolved: checkbox,
    /** How the parent and the child were involved; shown to the family */
    involvementNote: optionalText(2000),
    outcome: text(5, 4000),
    nextStep: optionalText(2000),
    /** For staff only: never shown to the family, never written into the audit trail */
    internalNote: optionalText(4000),
  })
  .strict();
export type LogInterventionInput = z.infer<typeof logInterventionInput>;

export const proposeDecisionInput = caseRef
  .extend({ proposal: text(10, 4000), rationale: text(10, 4000) })
  .strict();
export type ProposeDecisionInput = z.infer<typeof proposeDecisionInput>;

export const requestInfoInput = caseRef.extend({ familyQuestion: text(10, 2000) }).strict();
export type RequestInfoInput = z.infer<typeof requestInfoInput>;

export const answerInfoInput = caseRef.extend({ answer: text(2, 4000) }).strict();
export type AnswerInfoInput = z.infer<typeof answerInfoInput>;

/** Staff take their open question to the family back, with a reason the family reads. */
export const withdrawQuestionInput = caseRef.extend({ withdrawReason: text(5, 2000) }).strict();
export type WithdrawQuestionInput = z.infer<typeof withdrawQuestionInput>;

/** Staff change how urgent a case is; the reason stays with staff, the family sees the new urgency. */
export const setUrgencyInput = caseRef.extend({ urgency: z.enum(urgencies, { error: "required" }), urgencyReason: text(5, 2000) }).strict();
export type SetUrgencyInput = z.infer<typeof setUrgencyInput>;

export const withdrawCaseInput = caseRef.extend({ reason: text(5, 2000) }).strict();
export type WithdrawCaseInput = z.infer<typeof withdrawCaseInput>;

/**
 * One task of a decision. The party is an organisation named in the case
 * (which then gets its own link, decision 037) or a name typed in words; with
 * an organisation picked, a typed name is not needed.
 */
export const assignmentInput = z
  .object({
    caseOrganisationId: z.preprocess((v) => (v === "" || v === null ? undefined : v), recordId().optional()),
    party: optionalText(200),
    description: text(5, 2000),
    dueOn: futureDay,
    payer: text(2, 200),
  })
  .superRefine((row, ctx) => {
    if (row.caseOrganisationId) return;
    if (row.party === null) ctx.addIssue({ code: "custom", path: ["party"], message: "required" });
    else if (row.party.length < 2) ctx.addIssue({ code: "custom", path: ["party"], message: "tooShort" });
  });
export type AssignmentInput = z.infer<typeof assignmentInput>;

export const recordDecisionInput = caseRef
  .extend({
    legalBasis: text(5, 1000),
    rationale: text(10, 4000),
    assignments: z.array(assignmentInput).min(1, { error: "assignmentRequired" }).max(10, { error: "tooMany" }),
  })
  .strict();
export type RecordDecisionInput = z.infer<typeof recordDecisionInput>;

/**
 * The decision holder's "yes, I know": a decision under doorzettingsmacht binds
 * the parties and cannot be changed after saving, only corrected by a new one.
 * Asked by the forms, not by the services, which other code calls too.
 */
export const bindingConfirmation = {
  bindingConfirmed: checkbox.refine((v) => v, { error: "bindingConfirmRequired" }),
};

/** The same for an action that ends a case for good, such as declaring it not admissible. */
export const closingConfirmation = {
  closingConfirmed: checkbox.refine((v) => v, { error: "closingConfirmRequired" }),
};

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().email({ error: "invalidEmail" }).max(254),
  password: z.string().min(1, { error: "required" }).max(200, { error: "tooLong" }),
});
export type SignInInput = z.infer<typeof signInInput>;

/** A public web address: http(s) only, so a stored link can never run script (javascript:, data:). */
function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".") && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** "www.example.nl" as people type it becomes "https://www.example.nl"; anything with a scheme is kept as typed. */
const optionalWebAddress = z
  .string()
  .trim()
  .max(500, { error: "tooLong" })
  // The URL parser would accept (and encode) what the database cannot hold; the address is kept as typed.
  .refine((v) => !hasControlCharacters(v), { error: "controlCharacters" })
  .refine((v) => !hasLoneSurrogates(v), { error: "brokenCharacters" })
  .transform((v) => (v === "" || /^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`))
  .refine((v) => v === "" || isWebAddress(v), { error: "invalidUrl" })
  .transform((v) => (v === "" ? null : v));

/** A phone number shown as a link on the public page: digits, spaces and ( ) - . only, so "14 070" too. */
export const optionalPublicPhone = optionalText(30).refine((v) => v === null || /^\+?[0-9][0-9 ()\-.]{5,}$/.test(v), {
  error: "invalidPhone",
});

export const gemeenteContactInput = z
  .object({
    gemeenteId: recordId(),
    contactName: optionalText(200),
    contactEmail: z
      .string()
      .trim()
      .max(254, { error: "tooLong" })
      .refine((v) => v === "" || z.email().safeParse(v).success, { error: "invalidEmail" })
      .transform((v) => (v === "" ? null : v)),
    contactPhone: optionalPublicPhone,
    contactHours: optionalText(300),
    clientSupportName: optionalText(200),
    clientSupportPhone: optionalPublicPhone,
    clientSupportUrl: optionalWebAddress,
    ombudsmanName: optionalText(200),
    ombudsmanUrl: optionalWebAddress,
  })
  .strict();
export type GemeenteContactInput = z.infer<typeof gemeenteContactInput>;

/**
 * The national fallback: where a case goes when neither its gemeente nor its region
 * works with the portal. Its address is told of every such case; families see its
 * name, phone, web address and hours. Error keys are in `coverage.fallback.errors`.
 */
export const fallbackInput = z
  .object({
    name: text(2, 200),
    email: z
      .string()
      .trim()
      .max(254, { error: "tooLong" })
      .refine((v) => z.email().safeParse(v).success, { error: "invalidEmail" }),
    phone: optionalPublicPhone,
    url: optionalWebAddress,
    hours: optionalText(300),
  })
  .strict();
export type FallbackInput = z.infer<typeof fallbackInput>;

/** The platform admin's threshold for the figures: counts from 1 up to it minus 1 are never shown (decision 027). */
export const statisticsThresholdInput = z
  .object({
    threshold: z
      .string()
      .trim()
      .regex(/^\d{1,3}$/, { error: "wholeNumber" })
      .transform(Number)
      .refine((n) => n >= MIN_THRESHOLD && n <= MAX_THRESHOLD, { error: "thresholdRange" }),
    /** From how many cases the same cause in a region's quarter is a structural signal (lib/domain/signals.ts) */
    signalThreshold: z
      .string()
      .trim()
      .regex(/^\d{1,3}$/, { error: "wholeNumber" })
      .transform(Number)
      .refine((n) => n >= MIN_SIGNAL_THRESHOLD && n <= MAX_SIGNAL_THRESHOLD, { error: "signalThresholdRange" }),
  })
  .strict();
export type StatisticsThresholdInput = z.infer<typeof statisticsThresholdInput>;

/**
 * A gemeente's privacy policy: how many months a closed case keeps its content
 * (empty: the default, lib/domain/retention.ts) and whether families see staff
 * names in "Wie heeft mijn dossier bekeken?". Error keys are in `admin.policy.errors`.
 */
export const gemeentePolicyInput = z
  .object({
    gemeenteId: recordId(),
    retentionMonths: z
      .string({ error: "retentionWhole" })
      .trim()
      .refine((v) => v === "" || /^\d+$/.test(v), { error: "retentionWhole" })
      .transform((v) => (v === "" ? null : Number(v)))
      .refine((v) => v === null || (v >= RETENTION_MIN_MONTHS && v <= RETENTION_MAX_MONTHS), { error: "retentionRange" }),
    familySeesStaffNames: checkbox,
  })
  .strict();
export type GemeentePolicyInput = z.infer<typeof gemeentePolicyInput>;

/** The policy form's fields as a plain object; an unticked box is simply absent. */
export function policyInputFromForm(formData: FormData): Record<string, unknown> {
  return {
    gemeenteId: formData.get("gemeenteId"),
    retentionMonths: formData.get("retentionMonths") ?? "",
    familySeesStaffNames: formData.get("familySeesStaffNames") ?? undefined,
  };
}

// ───────── the aanspreekpunt's actions on a case: assign, note, transfer, not admissible, close ─────────

export const assignCaseInput = caseRef
  .extend({ assigneeId: recordId("pickColleague") })
  .strict();
export type AssignCaseInput = z.infer<typeof assignCaseInput>;

export const addNoteInput = caseRef.extend({ staffNote: text(2, 4000) }).strict();
export type AddNoteInput = z.infer<typeof addNoteInput>;

export const transferCaseInput = caseRef
  .extend({
    /** CBS code of the gemeente that is responsible after all */
    toGemeenteCode: z.string({ error: "unknownGemeente" }).trim().regex(/^GM\d{4}$/, { error: "unknownGemeente" }),
    transferReason: text(10, 2000),
    /** Required by the transfer rules when the case moved before */
    expertAgreement: optionalText(1000),
  })
  .strict();
export type TransferCaseInput = z.infer<typeof transferCaseInput>;

export const declareInadmissibleInput = caseRef
  .extend({ inadmissibleReason: text(10, 2000), complaintRoute: text(20, 4000) })
  .strict();
export type DeclareInadmissibleInput = z.infer<typeof declareInadmissibleInput>;

/** The results an aanspreekpunt closes a case with; not admissible and withdrawn have their own actions. */
export const closingResults = ["RESOLVED", "NO_LONGER_NEEDED"] as const;

/** Several keys of one list, at least one, each once. */
function keyList<const K extends readonly [string, ...string[]]>(keys: K) {
  return z
    .array(z.enum(keys, { error: "pickOne" }), { error: "pickOne" })
    .min(1, { error: "pickOne" })
    .max(keys.length, { error: "tooMany" })
    .transform((picked) => [...new Set(picked)]);
}

/** A day that may be left empty: "" becomes null. */
const optionalPastDay = z.preprocess((v) => (v === "" || v === undefined ? null : v), pastDay.nullable());

/**
 * What was learned from a case, recorded when it closes and refinable later:
 * what blocked (the causes of causes.ts, and in words if wanted), the kinds of
 * organisation involved, how it was solved, what broke through, and the day
 * the help really started. That day is asked unless the case was not solved;
 * that it is not before the case was filed is checked by the service, which
 * knows the filing day.
 */
const evaluationFields = {
  causes: keyList(causeKeys),
  organisationKinds: keyList(organisationKindKeys),
  outcome: z.enum(caseOutcomeKeys, { error: "required" }),
  helpStartedOn: optionalPastDay,
  blockedNote: optionalText(2000),
  breakthroughNote: text(10, 4000),
};

function helpStartUnlessNotSolved(v: { outcome: string; helpStartedOn: string | null }, ctx: z.RefinementCtx): void {
  if (v.outcome !== NOT_SOLVED && v.helpStartedOn === null) {
    ctx.addIssue({ code: "custom", path: ["helpStartedOn"], message: "helpStartRequired" });
  }
}

/** Run the cross-field check even when other fields have errors, as long as the outcome was understood. */
const whenOutcomeKnown = {
  when: ({ value }: { value: unknown }) => caseOutcomeKeys.includes((value as { outcome?: never }).outcome as never),
};

const closeCaseFields = {
  result: z.enum(closingResults, { error: "required" }),
  closingNote: text(10, 4000),
  ...evaluationFields,
};

/** Closing records the evaluation too, for learning across cases. */
export const closeCaseInput = caseRef.extend(closeCaseFields).strict().superRefine(helpStartUnlessNotSolved, whenOutcomeKnown);
export type CloseCaseInput = z.infer<typeof closeCaseInput>;

/** The closing form also asks the aanspreekpunt to confirm that closing cannot be undone. */
export const closeCaseFormInput = caseRef
  .extend({ ...closeCaseFields, ...closingConfirmation })
  .strict()
  .superRefine(helpStartUnlessNotSolved, whenOutcomeKnown);

/** Staff refine the evaluation of a closed case: the same fields as at closing. */
export const refineEvaluationInput = caseRef
  .extend(evaluationFields)
  .strict()
  .superRefine(helpStartUnlessNotSolved, whenOutcomeKnown);
export type RefineEvaluationInput = z.infer<typeof refineEvaluationInput>;

/** How the family answers the day staff recorded: that is right, or it was another day. */
export const helpStartAnswers = ["CONFIRM", "CORRECT"] as const;

/** The family confirms the day the help started, or gives the right one. */
export const confirmHelpStartInput = caseRef
  .extend({
    answer: z.enum(helpStartAnswers, { error: "required" }),
    helpStartedOn: optionalPastDay,
  })
  .strict()
  .superRefine(
    (v, ctx) => {
      if (v.answer === "CORRECT" && v.helpStartedOn === null) {
        ctx.addIssue({ code: "custom", path: ["helpStartedOn"], message: "required" });
      }
    },
    { when: ({ value }) => helpStartAnswers.includes((value as { answer?: never }).answer as never) },
  );
export type ConfirmHelpStartInput = z.infer<typeof confirmHelpStartInput>;

// ───────── a correction of a recorded decision ─────────

/**
 * A decision holder corrects a recorded decision with a new one that
 * supersedes it. `decisionId` is the decision the person saw: when another
 * correction came first, the form is out of date and the service refuses.
 */
export const correctDecisionInput = caseRef
  .extend({
    decisionId: recordId(),
    correctionReason: text(10, 2000),
    legalBasis: text(5, 1000),
    rationale: text(10, 4000),
    assignments: z.array(assignmentInput).min(1, { error: "assignmentRequired" }).max(10, { error: "tooMany" }),
  })
  .strict();
export type CorrectDecisionInput = z.infer<typeof correctDecisionInput>;

// ───────── following a decision through: settling an assignment, the family's report ─────────

/** How staff settle an open assignment: done (with what shows it) or ended without being done (with why). */
export const assignmentOutcomes = ["DONE", "ENDED"] as const;

/** Staff settle an open assignment: done, with what shows it; or ended, with why. */
export const settleAssignmentInput = caseRef
  .extend({
    assignmentId: recordId(),
    outcome: z.enum(assignmentOutcomes, { error: "required" }),
    statusNote: text(5, 2000),
  })
  .strict();
export type SettleAssignmentInput = z.infer<typeof settleAssignmentInput>;

/**
 * What an organisation reports through its link (decision 037): that the task
 * arrived, that it is done (on which day, and what was done), or that it
 * cannot be done as asked (and why).
 */
export const organisationReportInput = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("RECEIVED") }),
    z.strictObject({ kind: z.literal("DONE"), doneOn: pastDay, reportNote: text(5, 2000) }),
    z.strictObject({ kind: z.literal("PROBLEM"), reportNote: text(10, 2000) }),
  ],
  { error: "required" },
);
export type OrganisationReportInput = z.infer<typeof organisationReportInput>;

/** Staff act on an organisation's link to an assignment: revoke it, or send a new one. */
export const assignmentLinkRef = caseRef.extend({ assignmentId: recordId() }).strict();
export type AssignmentLinkRef = z.infer<typeof assignmentLinkRef>;

/** The family says an assignment was not carried out, in their own words. */
export const reportAssignmentInput = caseRef
  .extend({ assignmentId: recordId(), reportNote: text(5, 2000) })
  .strict();
export type ReportAssignmentInput = z.infer<typeof reportAssignmentInput>;

/**
 * What the region's coordinator or a gemeente admin records of a structural
 * signal: raised at the regional table or passed on to the national table,
 * what was done, and on which day. That the day is not before the signal's
 * quarter is checked by the service, which knows the quarter.
 */
export const signalMarkInput = z
  .object({
    signalId: recordId("notFound"),
    status: z.enum(signalMarks, { error: "signalStatusRequired" }),
    note: text(5, 2000),
    actedOn: pastDay,
  })
  .strict();
export type SignalMarkInput = z.infer<typeof signalMarkInput>;
