import { randomBytes, randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import type { CloseCaseInput, FileCaseInput, ReferCaseInput } from "@/lib/domain/inputs";
import type { Role } from "@/lib/domain/roles";
import { prisma } from "@/tests/support/owner-db";
import { dayFromNow } from "@/tests/support/days";

/**
 * Test people and cases. Reference data (real gemeenten and regions) comes
 * from the template database; every user is new, so tests never share one.
 */
export async function makeActor(role: Role, scope: { gemeente?: string; region?: string } = {}): Promise<Actor> {
  const gemeente = scope.gemeente ? await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: scope.gemeente } }) : null;
  const region = scope.region ? await prisma.region.findUniqueOrThrow({ where: { code: scope.region } }) : null;
  const tag = randomBytes(4).toString("hex");
  const user = await prisma.user.create({
    data: {
      email: `${role.toLowerCase()}-${tag}@test.doorbraak.nl`,
      name: `${role} ${tag}`,
      passwordHash: "not-used-in-service-tests",
      memberships: { create: { role, gemeenteId: gemeente?.id ?? null, regionId: region?.id ?? null } },
    },
  });
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    organisation: null,
    memberships: [{ role, gemeenteId: gemeente?.id ?? null, regionId: region?.id ?? null }],
    request: { ip: "127.0.0.1", userAgent: "vitest", requestId: `test-${tag}` },
  };
}

export function caseInput(overrides: Partial<FileCaseInput> = {}): FileCaseInput {
  return {
    filerRole: "PARENT",
    organisation: null,
    childName: "Test Kind",
    childBirthDate: "2014-02-03",
    submissionId: randomUUID(),
    livingSituation: "OWN_ADDRESS",
    ownGemeenteCode: "GM0518",
    previousGemeenteCode: null,
    motherGemeenteCode: null,
    childBsn: null,
    domains: ["JEUGDHULP"],
    stuckSince: undefined,
    schoolSituation: "ATTENDING",
    outOfSchoolSince: undefined,
    stuckDescription: "Er is al maanden geen passende hulp voor ons kind.",
    refusedBy: "De zorgaanbieder en de gemeente.",
    risks: null,
    triedDescription: "Gebeld met iedereen.",
    needDescription: "Passende hulp.",
    childWish: null,
    clientSupporterName: null,
    urgency: "NORMAL",
    contactPhone: null,
    contactPreference: "EMAIL",
    consent: true,
    ...overrides,
  };
}

/** CBS jeugdregio code of Haaglanden (prisma/data/jeugdregios-2026.csv) */
export const HAAGLANDEN = "JZ24";
export const DEN_HAAG = "GM0518";
export const DELFT = "GM0503";

/** What an aanspreekpunt records about the impasse when referring a case. */
export function referralFacts(): Pick<ReferCaseInput, "causes" | "organisationKinds"> {
  return { causes: ["NO_COOPERATION", "FUNDING"], organisationKinds: ["SCHOOL", "JEUGDHULPAANBIEDER"] };
}

/** A complete closing of a case as solved, with its evaluation; the help started on the day given (default: today in UTC). */
export function closingInput(caseId: string, overrides: Partial<Omit<CloseCaseInput, "caseId">> = {}): CloseCaseInput {
  return {
    caseId,
    result: "RESOLVED",
    closingNote: "De hulp is geregeld.",
    causes: ["WAITING_LIST", "FUNDING"],
    organisationKinds: ["SCHOOL", "SAMENWERKINGSVERBAND"],
    outcome: "DECISION",
    helpStartedOn: dayFromNow(),
    blockedNote: null,
    breakthroughNote: "Het besluit legde vast wie betaalt.",
    ...overrides,
  };
}
