import { keptSchoolFacts, leerplichtConsentOf } from "@/lib/domain/school-facts";
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorRoles } from "@/lib/auth/actor";
import { formatCaseNumber } from "@/lib/domain/case-number";
import { deadlineFor } from "@/lib/domain/deadlines";
import { loadNorms } from "@/lib/server/deadlines/norms";
import { heardAnswerFor } from "@/lib/domain/child-voice";
import { consentGiver } from "@/lib/domain/consent";
import { todayIso, type FileCaseInput } from "@/lib/domain/inputs";
import { may } from "@/lib/domain/permissions";
import type { TimelineKind } from "@/lib/domain/timeline";
import { requiredAnswer, responsibleGemeente } from "@/lib/domain/woonplaats";
import { prisma, type Tx } from "@/lib/db/client";
import { asActor } from "@/lib/db/acting";
import { caseScope } from "@/lib/db/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { deleteDraft } from "@/lib/server/drafts/case-draft";
import { DomainError, ForbiddenError } from "@/lib/server/errors";
import { notifyStaff, staffWithRole } from "@/lib/server/notifications/staff";
import { routeFor } from "@/lib/domain/coverage";
import { gemeenteFacts } from "@/lib/server/coverage/facts";
import { handCaseTo } from "@/lib/server/coverage/hand-case";
import { refreshCaseStatistic } from "@/lib/server/statistics/case-statistic";
import { storeDocument } from "@/lib/server/documents/add-document";
import type { FilingDocument } from "@/lib/server/documents/filing-documents";
import { actingRole } from "./transition";
import { notifyLeerplicht } from "./leerplicht-notice";

/**
 * Takes the year's next case number in a statement of its own, so that the counter's
 * row is locked for that statement only and filings do not queue behind each other
 * (decision 018). A filing that fails afterwards leaves its number unused: numbers can
 * have gaps, never doubles.
 */
async function reserveCaseNumber(now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const [row] = await prisma.$queryRaw<{ last: number }[]>`
    INSERT INTO "CaseNumberCounter" (year, last) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last = "CaseNumberCounter".last + 1
    RETURNING last`;
  return formatCaseNumber(year, Number(row?.last));
}

const partyRoleOf = { PARENT: "PARENT", YOUTH: "YOUTH", PROFESSIONAL: "PROFESSIONAL" } as const;

const filedCaseSelect = {
  id: true,
  number: true,
  deadlineAt: true,
  routing: true,
  gemeente: { select: { name: true, commonName: true, contactName: true, contactEmail: true, contactPhone: true } },
} as const;

/**
 * A parent, youth or professional files a new escalation with the gemeente the
 * woonplaatsbeginsel makes responsible, with any documents already checked by
 * inspectFilingDocuments. Submitting the same form twice files
 * one case: the second submit gets the first one back.
 */
export async function fileCase(actor: Actor, input: FileCaseInput, documents: readonly FilingDocument[] = []) {
  const roles = actorRoles(actor);
  if (!may(roles, "case.file")) throw new ForbiddenError();
  if (input.filerRole === "PROFESSIONAL" && !roles.includes("PROFESSIONAL")) throw new ForbiddenError();
  const residence = responsibleGemeente(input);
  if (!residence) throw new DomainError("checkFields", { [requiredAnswer[input.livingSituation]]: "unknownGemeente" });

  try {
    return await createCase(actor, roles, input, residence, documents);
  } catch (error) {
    // Two submits at the same moment: the unique submissionId lets one through.
    const raced = isUniqueViolation(error) ? await asActor(actor, (tx) => filedEarlier(tx, actor, input.submissionId)) : null;
    if (raced) return raced;
    throw error;
  }
}

/** The case this form already filed, when it was submitted before. */
function filedEarlier(tx: Tx, actor: Actor, submissionId: string) {
  return tx.case.findFirst({
    where: { AND: [{ submissionId }, caseScope(actor, "case.follow")] },
    select: filedCaseSelect,
  });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

async function createCase(
  actor: Actor,
  roles: ReturnType<typeof actorRoles>,
  input: FileCaseInput,
  residence: NonNullable<ReturnType<typeof responsibleGemeente>>,
  documents: readonly FilingDocument[],
) {
  const now = new Date();
  // A form submitted again after its case was filed takes a number it does not use:
  // numbers may have gaps, and the usual submit needs one transaction instead of two.
  const number = await reserveCaseNumber(now);
  return asActor(actor, async (tx) => {
    const existing = await filedEarlier(tx, actor, input.submissionId);
    if (existing) return existing;
    const gemeente = await tx.gemeente.findUnique({ where: { cbsCode: residence.gemeenteCode } });
    // A gemeente that merged into another is no longer offered; a form from before the merger chooses again.
    if (!gemeente || gemeente.endedOn) throw new DomainError("checkFields", { [requiredAnswer[input.livingSituation]]: "unknownGemeente" });

    const role = actingRole(roles, "case.file");
    const created = await tx.case.create({
      data: {
        number,
        gemeenteId: gemeente.id,
        regionId: gemeente.regionId,
        status: "SUBMITTED",
        filedById: actor.userId,
        urgency: input.urgency,
        domains: input.domains,
        childName: input.childName,
        childBirthDate: new Date(`${input.childBirthDate}T00:00:00Z`),
        childBsn: input.childBsn,
        residenceRule: residence.rule,
        consentGivenBy: consentGiver(input.childBirthDate, todayIso()),
        consentMethod: input.filerRole === "PROFESSIONAL" ? (input.consentMethod ?? null) : null,
        submissionId: input.submissionId,
        stuckSince: input.stuckSince ? new Date(`${input.stuckSince}T00:00:00Z`) : null,
        stuckDescription: input.stuckDescription,
        schoolSituation: input.schoolSituation,
        outOfSchoolSince:
          input.schoolSituation === "NONE" || input.schoolSituation === "PARTLY"
            ? input.outOfSchoolSince
              ? new Date(`${input.outOfSchoolSince}T00:00:00Z`)
              : null
            : null,
        ...schoolFactsData(input),
        leerplichtConsent: leerplichtConsentOf(input.schoolSituation, input.leerplichtConsent),
        refusedBy: input.refusedBy,
        risks: input.risks,
        triedDescription: input.triedDescription,
        needDescription: input.needDescription,
        childWish: input.childWish,
        childWantsToBeHeard: heardAnswerFor(input.childBirthDate, input.childWantsToBeHeard, todayIso()),
        clientSupporterInvolved: input.clientSupporterInvolved === undefined ? null : input.clientSupporterInvolved === "YES",
        clientSupporterName: input.clientSupporterInvolved === "YES" ? input.clientSupporterName : null,
        deadlineAt: deadlineFor("SUBMITTED", now, await loadNorms(tx, gemeente.id)),
        createdAt: now,
        parties: {
          create: {
            gemeenteId: gemeente.id,
            userId: actor.userId,
            role: partyRoleOf[input.filerRole],
            name: actor.name,
            email: actor.email,
            phone: input.contactPhone,
            contactPreference: input.contactPreference,
            organisation: input.filerRole === "PROFESSIONAL" ? input.organisation : null,
          },
        },
        timeline: {
          create: { gemeenteId: gemeente.id, kind: "filed" satisfies TimelineKind, actorId: actor.userId, actorRole: role, createdAt: now },
        },
      },
    });
    const caseRef = { id: created.id, number, gemeenteId: gemeente.id };
    await writeAudit(tx, actor, {
      action: "case.file",
      role,
      case: caseRef,
      changes: {
        status: { old: null, new: "SUBMITTED" },
        childName: { old: null, new: input.childName },
        childBirthDate: { old: null, new: input.childBirthDate },
        bsn: { old: null, new: input.childBsn },
        residenceRule: { old: null, new: residence.rule },
        consentGivenBy: { old: null, new: consentGiver(input.childBirthDate, todayIso()) },
        urgency: { old: null, new: input.urgency },
        domains: { old: null, new: input.domains },
      },
    });
    // Documents sent with the form belong to the filing: stored with it, or not at all.
    for (const document of documents) await storeDocument(tx, actor, caseRef, role, document);
    await deleteDraft(tx, actor);
    // A millisecond after the filing, so that the family's timeline lists the filing first.
    await notifyLeerplicht(tx, actor, role, created.id, new Date(now.getTime() + 1));
    // An aanspreekpunt sees the case in the queue even while the gemeente is not live.
    await notifyStaff(tx, await staffWithRole(tx, { role: "AANSPREEKPUNT", gemeenteId: gemeente.id }), { kind: "caseNew", caseId: created.id, caseNumber: number, gemeenteId: gemeente.id });
    // A gemeente that does not work with the portal yet would never see the case:
    // it goes to the region's expert team, or to the national fallback.
    const facts = (await gemeenteFacts(tx, [gemeente.id])).get(gemeente.id);
    const route = facts ? routeFor(facts) : "FALLBACK";
    if (route !== "GEMEENTE") {
      // A millisecond later, so that the family's timeline lists the filing first.
      await handCaseTo(tx, actor, { ...created, routing: "GEMEENTE" }, route, new Date(now.getTime() + 1));
      const routed = await tx.case.findUniqueOrThrow({ where: { id: created.id }, select: { deadlineAt: true } });
      created.deadlineAt = routed.deadlineAt;
    }
    await refreshCaseStatistic(tx, created.id);
    return {
      id: created.id,
      number,
      routing: route,
      deadlineAt: created.deadlineAt,
      gemeente: { name: gemeente.name, commonName: gemeente.commonName, contactName: gemeente.contactName, contactEmail: gemeente.contactEmail, contactPhone: gemeente.contactPhone },
    };
  });
}

/** The school facts as stored: none for a child not of school age, days as dates. */
function schoolFactsData(input: FileCaseInput) {
  const facts = keptSchoolFacts(input.schoolSituation, input);
  return { ...facts, leerplichtInformedOn: facts.leerplichtInformedOn ? new Date(`${facts.leerplichtInformedOn}T00:00:00Z`) : null };
}
