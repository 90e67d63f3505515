/**
 * Demo data: reference data, one account per role, and a few cases in
 * different steps, created through the real services so that they carry real
 * timelines and audit trails. Run with the react-server condition
 * (`tsx --conditions=react-server`), because the services are server-only.
 *
 * The demo password exists only here. Never run this against production.
 */
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/actor";
import type { CauseKey, OrganisationKindKey, CaseOutcomeKey } from "@/lib/domain/causes";
import { amsterdamDay } from "@/lib/domain/deadlines";
import type { FileCaseInput } from "@/lib/domain/inputs";
import { isRole, staffRoles } from "@/lib/domain/roles";
import { prisma } from "@/lib/db/client";
import { claimCase } from "@/lib/server/cases/claim-case";
import { closeCase } from "@/lib/server/cases/close-case";
import { confirmHelpStart } from "@/lib/server/cases/confirm-help-start";
import { fileCase } from "@/lib/server/cases/file-case";
import { logIntervention } from "@/lib/server/cases/log-intervention";
import { proposeDecision } from "@/lib/server/cases/propose-decision";
import { recordDecision } from "@/lib/server/cases/record-decision";
import { referCase } from "@/lib/server/cases/refer-case";
import { startLocal } from "@/lib/server/cases/start-local";
import { settleAssignment } from "@/lib/server/monitoring/settle-assignment";
import { runOverdueScan } from "@/lib/server/deadlines/overdue-scan";
import { sealSecret } from "@/lib/server/sign-in/secret-box";
import { rebuildCaseStatistics } from "@/lib/server/statistics/rebuild";
import { publishFigures } from "@/lib/server/statistics/publish-figures";
import { detectSignals } from "@/lib/server/statistics/signals";
import { makeQuarterlyReports } from "@/lib/server/statistics/make-quarterly-reports";
import { lastCompletedQuarter } from "@/lib/domain/quarterly-report";
import { seedStatisticsHistory } from "./statistics-history";
import type { Role as DbRole } from "@/lib/generated/prisma/client";
import { importReferenceData } from "./reference";

export const DEMO_PASSWORD = "doorbraak-demo-2026";
/**
 * The authenticator secret of every demo staff account (base 32, as apps expect it), so
 * that the demo and the tests can compute the codes. README.md says how to add it to an app.
 */
export const DEMO_TOTP_SECRET = "DEMODOORBRAAKTWEESTAPSCODEGEHEIM";

type DemoUser = {
  email: string;
  name: string;
  organisation?: string;
  role: DbRole;
  gemeente?: string;
  region?: string;
};

/** One account per role; the gemeente is Den Haag (GM0518) in jeugdregio Haaglanden. */
export const demoUsers: DemoUser[] = [
  { email: "ouder@demo.doorbraak.nl", name: "Sanne de Vries", role: "FAMILY" },
  { email: "professional@demo.doorbraak.nl", name: "Karim El Amrani", organisation: "Leerplicht Den Haag", role: "PROFESSIONAL" },
  { email: "aanspreekpunt@demo.doorbraak.nl", name: "Mirjam Jansen", organisation: "Gemeente Den Haag", role: "AANSPREEKPUNT", gemeente: "GM0518" },
  { email: "aanspreekpunt.collega@demo.doorbraak.nl", name: "Bram de Groot", organisation: "Gemeente Den Haag", role: "AANSPREEKPUNT", gemeente: "GM0518" },
  { email: "beslisser@demo.doorbraak.nl", name: "Peter Bakker", organisation: "Gemeente Den Haag", role: "DECISION_HOLDER", gemeente: "GM0518" },
  { email: "expert@demo.doorbraak.nl", name: "Ayşe Yılmaz", organisation: "Expertteam Haaglanden", role: "EXPERT", region: "JZ24" },
  { email: "regiocoordinator@demo.doorbraak.nl", name: "Hanna Kuipers", organisation: "Expertteam Haaglanden", role: "REGION_COORDINATOR", region: "JZ24" },
  { email: "ombudsman@demo.doorbraak.nl", name: "Johan de Wit", organisation: "Kinderombudsman", role: "OMBUDSMAN" },
  { email: "beheer.gemeente@demo.doorbraak.nl", name: "Femke Visser", organisation: "Gemeente Den Haag", role: "GEMEENTE_ADMIN", gemeente: "GM0518" },
  { email: "beheer@demo.doorbraak.nl", name: "Rob Smit", organisation: "Doorbraak", role: "PLATFORM_ADMIN" },
  { email: "aanspreekpunt.delft@demo.doorbraak.nl", name: "Lotte Mulder", organisation: "Gemeente Delft", role: "AANSPREEKPUNT", gemeente: "GM0503" },
  { email: "beslisser.delft@demo.doorbraak.nl", name: "Noah Smits", organisation: "Gemeente Delft", role: "DECISION_HOLDER", gemeente: "GM0503" },
  { email: "ouder.delft@demo.doorbraak.nl", name: "Daan Vermeer", role: "FAMILY" },
  { email: "ouder.wacht@demo.doorbraak.nl", name: "Yara Bos", role: "FAMILY" },
];

async function ensureUser(u: DemoUser, passwordHash: string): Promise<void> {
  const gemeente = u.gemeente ? await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: u.gemeente } }) : null;
  const region = u.region ? await prisma.region.findUniqueOrThrow({ where: { code: u.region } }) : null;
  const user = await prisma.user.upsert({
    where: { email: u.email },
    create: { email: u.email, name: u.name, organisation: u.organisation ?? null, passwordHash },
    update: {},
  });
  const existing = await prisma.membership.findFirst({
    where: { userId: user.id, role: u.role, gemeenteId: gemeente?.id ?? null, regionId: region?.id ?? null },
  });
  if (!existing) {
    await prisma.membership.create({
      data: { userId: user.id, role: u.role, gemeenteId: gemeente?.id ?? null, regionId: region?.id ?? null },
    });
  }
}

async function actorFor(email: string): Promise<Actor> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    organisation: user.organisation,
    memberships: user.memberships.flatMap((m) => (isRole(m.role) ? [{ role: m.role, gemeenteId: m.gemeenteId, regionId: m.regionId }] : [])),
    request: { ip: "127.0.0.1", userAgent: "demo-seed", requestId: "demo-seed" },
  };
}

/** What most demo filings share: a parent, the child's own address, contact by e-mail, consent given. */
function demoCaseBase() {
  return {
    filerRole: "PARENT",
    organisation: null,
    livingSituation: "OWN_ADDRESS",
    previousGemeenteCode: null,
    motherGemeenteCode: null,
    childBsn: null,
    submissionId: randomUUID(),
    contactPhone: null,
    contactPreference: "EMAIL",
    consent: true,
  } as const satisfies Partial<FileCaseInput>;
}

function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}

function daysAhead(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

async function seedCases(): Promise<void> {
  const parent = await actorFor("ouder@demo.doorbraak.nl");
  const professional = await actorFor("professional@demo.doorbraak.nl");
  const aanspreekpunt = await actorFor("aanspreekpunt@demo.doorbraak.nl");
  const expert = await actorFor("expert@demo.doorbraak.nl");
  const beslisser = await actorFor("beslisser@demo.doorbraak.nl");
  const parentDelft = await actorFor("ouder.delft@demo.doorbraak.nl");

  // A case that went the whole way to a decision.
  const decided = await fileCase(parent, {
    ...demoCaseBase(),
    childName: "Noah de Vries",
    childBirthDate: "2013-03-14",
    ownGemeenteCode: "GM0518",
    domains: ["JEUGDHULP", "ONDERWIJS"],
    stuckSince: daysAgo(200),
    stuckDescription: "Noah zit sinds de zomer thuis. De school kan hem niet de zorg geven die hij nodig heeft. De zorgaanbieder heeft een wachtlijst van een jaar.",
    schoolSituation: "NONE",
    outOfSchoolSince: daysAgo(140),
    refusedBy: "De school van Noah, het samenwerkingsverband en de zorgaanbieder (wachtlijst).",
    risks: "Noah trekt zich terug en komt zijn kamer bijna niet meer uit.",
    triedDescription: "Gesprekken met school, het samenwerkingsverband en twee zorgaanbieders.",
    needDescription: "Een plek op een school met zorg, en begeleiding thuis.",
    childWish: null,
    clientSupporterName: null,
    urgency: "HIGH",
    contactPhone: "0612345678",
    contactPreference: "PHONE",
  });
  await claimCase(aanspreekpunt, { caseId: decided.id });
  await referCase(aanspreekpunt, {
    caseId: decided.id,
    question: "School en zorgaanbieder wijzen naar elkaar. Kan het expertteam een casusoverleg leiden en een plan maken?",
    causes: ["NO_COOPERATION", "BOUNDARY_EDUCATION", "WAITING_LIST"],
    organisationKinds: ["SCHOOL", "SAMENWERKINGSVERBAND", "JEUGDHULPAANBIEDER"],
  });
  await logIntervention(expert, {
    caseId: decided.id,
    type: "CASE_CONFERENCE",
    occurredOn: daysAgo(3),
    participants: "Ouders, school, samenwerkingsverband, zorgaanbieder, leerplicht",
    familyInvolved: true,
    outcome: "Alle partijen zijn het eens dat Noah een plek met onderwijs en zorg nodig heeft. Niemand wil de kosten dragen.",
    nextStep: "Voorstel voor een besluit met doorzettingsmacht.",
  });
  await proposeDecision(expert, {
    caseId: decided.id,
    proposal: "De gemeente zet door: het samenwerkingsverband regelt een plek, de gemeente betaalt de zorg.",
    rationale: "Na het casusoverleg is er geen andere weg. Noah zit al maanden thuis.",
  });
  await recordDecision(beslisser, {
    caseId: decided.id,
    legalBasis: "Jeugdwet art. 2.3 en de afspraken over doorzettingsmacht in de jeugdregio Haaglanden",
    rationale: "Noah heeft recht op passende hulp en onderwijs. De partijen komen er samen niet uit.",
    assignments: [
      { party: "Samenwerkingsverband", description: "Een plek op een school met zorg voor Noah", dueOn: daysAhead(30), payer: "Samenwerkingsverband" },
      { party: "Gemeente Den Haag", description: "Begeleiding thuis, twee dagdelen per week", dueOn: daysAhead(14), payer: "Gemeente Den Haag" },
    ],
  });

  // A new case waiting in the queue.
  await fileCase(parent, {
    ...demoCaseBase(),
    childName: "Emma de Vries",
    childBirthDate: "2016-09-02",
    ownGemeenteCode: "GM0518",
    domains: ["ZVW_GGZ"],
    stuckSince: daysAgo(90),
    stuckDescription: "Emma heeft een diagnose nodig. De ggz-aanbieder zegt dat de gemeente moet betalen, de gemeente verwijst naar de zorgverzekeraar.",
    schoolSituation: "ATTENDING",
    outOfSchoolSince: undefined,
    refusedBy: "De ggz-aanbieder en de zorgverzekeraar.",
    risks: null,
    triedDescription: "Gebeld met de huisarts, de gemeente en de zorgverzekeraar.",
    needDescription: "Een afspraak voor onderzoek.",
    childWish: null,
    clientSupporterName: null,
    urgency: "NORMAL",
  });

  // A professional's case, in a local breakthrough attempt.
  const local = await fileCase(professional, {
    ...demoCaseBase(),
    filerRole: "PROFESSIONAL",
    organisation: "Leerplicht Den Haag",
    consentMethod: "IN_PERSON",
    childName: "Milan Jacobs",
    childBirthDate: "2010-01-22",
    ownGemeenteCode: "GM0518",
    domains: ["ONDERWIJS", "JEUGDHULP"],
    stuckSince: daysAgo(150),
    stuckDescription: "Milan is thuiszitter sinds vorig schooljaar. Er is geen school die hem aanneemt zolang er geen zorg is.",
    schoolSituation: "NONE",
    outOfSchoolSince: daysAgo(300),
    refusedBy: "Drie scholen en het wijkteam.",
    risks: "Milan raakt steeds verder achter en heeft geen vrienden meer om zich heen.",
    triedDescription: "Overleg met drie scholen en het wijkteam.",
    needDescription: "Een school en jeugdhulp tegelijk.",
    childWish: null,
    clientSupporterName: null,
    urgency: "HIGH",
  });
  await claimCase(aanspreekpunt, { caseId: local.id });
  await startLocal(aanspreekpunt, { caseId: local.id, note: "Overleg gepland met school en wijkteam." });

  // A case of another gemeente, which Den Haag staff must never see.
  await fileCase(parentDelft, {
    ...demoCaseBase(),
    childName: "Sem Vermeer",
    childBirthDate: "2012-05-30",
    ownGemeenteCode: "GM0503",
    domains: ["WLZ"],
    stuckSince: daysAgo(60),
    stuckDescription: "Sem heeft een indicatie nodig voor langdurige zorg. Het CIZ en de gemeente verwijzen naar elkaar.",
    schoolSituation: "PARTLY",
    outOfSchoolSince: undefined,
    refusedBy: "Het CIZ en de gemeente Delft.",
    risks: null,
    triedDescription: "Aanvraag bij het CIZ en bij de gemeente.",
    needDescription: "Duidelijkheid over wie de zorg regelt.",
    childWish: null,
    clientSupporterName: null,
    urgency: "NORMAL",
  });
}

type ClosedCase = {
  filer: "ouder@demo.doorbraak.nl" | "professional@demo.doorbraak.nl" | "ouder.delft@demo.doorbraak.nl";
  gemeente: "GM0518" | "GM0503";
  childName: string;
  childBirthDate: string;
  domains: FileCaseInput["domains"];
  stuck: string;
  /** local: solved in a local breakthrough; referred: through the expert team and a decision that carried out the solution */
  route: "local" | "referred";
  causes: CauseKey[];
  organisationKinds: OrganisationKindKey[];
  outcome: CaseOutcomeKey;
  breakthrough: string;
  /** Whether the family confirms the day the help started (only a family filer can) */
  familyConfirms: boolean;
};

/**
 * Closed cases with their evaluation, so that the causes, organisations, outcomes and
 * start-of-help days have something to show: each through the real services, closed
 * on the day it is seeded (so the help started that day too). One case of the demo
 * parent waits for the family to confirm that day.
 */
const closedCases: ClosedCase[] = [
  {
    filer: "ouder@demo.doorbraak.nl", gemeente: "GM0518", childName: "Lotte Verbeek", childBirthDate: "2014-06-11", domains: ["JEUGDHULP", "ONDERWIJS"],
    stuck: "Lotte kan niet naar school zonder begeleiding in de klas. School en wijkteam wachten op elkaar.",
    route: "local", causes: ["NO_COOPERATION", "BOUNDARY_EDUCATION"], organisationKinds: ["SCHOOL", "WIJKTEAM"], outcome: "LOCAL_AGREEMENT",
    breakthrough: "Een gesprek met school, wijkteam en ouders samen aan één tafel.", familyConfirms: false,
  },
  {
    filer: "ouder@demo.doorbraak.nl", gemeente: "GM0518", childName: "Jesse Verbeek", childBirthDate: "2011-02-19", domains: ["JEUGDHULP"],
    stuck: "Jesse heeft intensieve hulp nodig. Drie aanbieders hebben een wachtlijst en niemand neemt de regie.",
    route: "referred", causes: ["NO_MANDATE", "WAITING_LIST", "FUNDING"], organisationKinds: ["JEUGDHULPAANBIEDER", "GEMEENTE"], outcome: "DECISION",
    breakthrough: "Het besluit met doorzettingsmacht legde vast welke aanbieder start en wie betaalt.", familyConfirms: true,
  },
  {
    filer: "professional@demo.doorbraak.nl", gemeente: "GM0518", childName: "Ravi Doekhie", childBirthDate: "2009-10-03", domains: ["ONDERWIJS", "ZVW_GGZ"],
    stuck: "Ravi is thuiszitter. De ggz wacht op school, school wacht op een diagnose.",
    route: "referred", causes: ["BOUNDARY_ZVW", "NO_ASSESSMENT", "WAITING_LIST"], organisationKinds: ["GGZ", "SCHOOL", "LEERPLICHT_RMC"], outcome: "EXPERT_ADVICE",
    breakthrough: "Het expertteam adviseerde een onderzoek op school, betaald door de gemeente.", familyConfirms: false,
  },
  {
    filer: "professional@demo.doorbraak.nl", gemeente: "GM0518", childName: "Fenna Kok", childBirthDate: "2012-12-24", domains: ["JEUGDHULP", "WLZ"],
    stuck: "Fenna heeft langdurige zorg nodig. Gemeente en zorgkantoor zijn het niet eens over de wet.",
    route: "referred", causes: ["BOUNDARY_WLZ", "FUNDING"], organisationKinds: ["ZORGKANTOOR", "GEMEENTE"], outcome: "MAATWERK",
    breakthrough: "Maatwerk: de gemeente betaalt tot de Wlz-indicatie er is.", familyConfirms: false,
  },
  {
    filer: "professional@demo.doorbraak.nl", gemeente: "GM0518", childName: "Mees Dekker", childBirthDate: "2010-04-08", domains: ["ONDERWIJS"],
    stuck: "Mees zit thuis. Geen school in de regio heeft een plek met zorg.",
    route: "local", causes: ["NO_SCHOOL_PLACE", "WAITING_LIST"], organisationKinds: ["SAMENWERKINGSVERBAND", "SCHOOL"], outcome: "NOT_SOLVED",
    breakthrough: "Nog geen doorbraak: er is geen plek. Mees staat op de lijst van twee scholen.", familyConfirms: false,
  },
  {
    filer: "ouder.delft@demo.doorbraak.nl", gemeente: "GM0503", childName: "Isa Vermeer", childBirthDate: "2015-08-15", domains: ["JEUGDHULP"],
    stuck: "Isa woonde in een pleeggezin in een andere gemeente. Geen gemeente wil de hulp regelen.",
    route: "local", causes: ["WOONPLAATSBEGINSEL", "NO_MANDATE"], organisationKinds: ["GEMEENTE", "GECERTIFICEERDE_INSTELLING"], outcome: "LOCAL_AGREEMENT",
    breakthrough: "De gemeenten spraken af dat Delft de hulp regelt en de kosten later verrekent.", familyConfirms: true,
  },
];

async function seedClosedCases(): Promise<void> {
  const today = amsterdamDay(new Date());
  for (const c of closedCases) {
    const filer = await actorFor(c.filer);
    const professional = c.filer === "professional@demo.doorbraak.nl";
    const delft = c.gemeente === "GM0503";
    const aanspreekpunt = await actorFor(delft ? "aanspreekpunt.delft@demo.doorbraak.nl" : "aanspreekpunt@demo.doorbraak.nl");
    const filed = await fileCase(filer, {
      ...demoCaseBase(),
      ...(professional ? { filerRole: "PROFESSIONAL", organisation: "Leerplicht Den Haag", consentMethod: "IN_PERSON" } : {}),
      submissionId: randomUUID(),
      childName: c.childName,
      childBirthDate: c.childBirthDate,
      ownGemeenteCode: c.gemeente,
      domains: c.domains,
      stuckSince: daysAgo(120),
      stuckDescription: c.stuck,
      schoolSituation: c.domains.includes("ONDERWIJS") ? "NONE" : "ATTENDING",
      outOfSchoolSince: c.domains.includes("ONDERWIJS") ? daysAgo(90) : undefined,
      refusedBy: "De partijen die in de evaluatie staan.",
      risks: null,
      triedDescription: "Gesprekken met alle partijen.",
      needDescription: "Hulp die past, zo snel mogelijk.",
      childWish: null,
      clientSupporterName: null,
      urgency: "NORMAL",
    });
    await claimCase(aanspreekpunt, { caseId: filed.id });
    await startLocal(aanspreekpunt, { caseId: filed.id, note: "Overleg met alle partijen gepland." });
    if (c.route !== "local") {
      await referCase(aanspreekpunt, {
        caseId: filed.id,
        question: "De partijen komen er samen niet uit. Wil het expertteam meedenken?",
        causes: c.causes.slice(0, 2),
        organisationKinds: c.organisationKinds,
      });
    }
    // A referred case closes after a decision: the expert team's advice or a maatwerk exception is then carried out through one.
    if (c.route !== "local") {
      await proposeDecision(await actorFor("expert@demo.doorbraak.nl"), {
        caseId: filed.id,
        proposal: "De gemeente zet door: één aanbieder start, de gemeente betaalt.",
        rationale: "Niemand neemt de regie en het kind wacht al maanden.",
      });
      const { decisionId } = await recordDecision(await actorFor("beslisser@demo.doorbraak.nl"), {
        caseId: filed.id,
        legalBasis: "Jeugdwet art. 2.3 en de afspraken over doorzettingsmacht in de jeugdregio Haaglanden",
        rationale: "Het kind heeft recht op passende hulp. De partijen komen er samen niet uit.",
        assignments: [{ party: "Jeugdhulpaanbieder De Linde", description: "Intensieve hulp thuis, vier dagdelen per week", dueOn: daysAhead(14), payer: "Gemeente Den Haag" }],
      });
      const assignments = await prisma.assignment.findMany({ where: { decisionId }, select: { id: true } });
      for (const a of assignments) {
        await settleAssignment(aanspreekpunt, { caseId: filed.id, assignmentId: a.id, outcome: "DONE", statusNote: "De hulp is gestart. De aanbieder heeft het bevestigd." });
      }
    }
    await closeCase(aanspreekpunt, {
      caseId: filed.id,
      result: c.outcome === "NOT_SOLVED" ? "NO_LONGER_NEEDED" : "RESOLVED",
      closingNote: c.outcome === "NOT_SOLVED" ? "De melding is gesloten. Wij blijven zoeken naar een plek." : "De hulp is begonnen. Daarmee is de melding klaar.",
      causes: c.causes,
      organisationKinds: c.organisationKinds,
      outcome: c.outcome,
      helpStartedOn: c.outcome === "NOT_SOLVED" ? null : today,
      blockedNote: null,
      breakthroughNote: c.breakthrough,
    });
    if (c.familyConfirms) await confirmHelpStart(filer, { caseId: filed.id, answer: "CONFIRM", helpStartedOn: null });
  }
}

/**
 * An urgent case whose triage ran past its deadline, so the queue's "over de
 * termijn" list and the escalation have something to show. Filing goes through
 * the service; only the deadline is moved back, as if the case waited a week.
 */
async function seedOverdueCase(): Promise<void> {
  const parent = await actorFor("ouder.wacht@demo.doorbraak.nl");
  const aanspreekpunt = await actorFor("aanspreekpunt@demo.doorbraak.nl");
  const overdue = await fileCase(parent, {
    ...demoCaseBase(),
    childName: "Finn Bos",
    childBirthDate: "2012-11-08",
    ownGemeenteCode: "GM0518",
    domains: ["JEUGDHULP", "ONDERWIJS"],
    stuckSince: daysAgo(120),
    schoolSituation: "NONE",
    outOfSchoolSince: daysAgo(100),
    stuckDescription: "Finn heeft angstklachten en gaat al maanden niet naar school. De ggz heeft een wachtlijst, de school wacht op de ggz.",
    refusedBy: "De ggz-aanbieder (wachtlijst) en het samenwerkingsverband.",
    risks: "Finn komt bijna niet meer buiten.",
    triedDescription: "Gesprekken met school, de huisarts en het wijkteam.",
    needDescription: "Snel hulp bij de angst, en een plek op school die daarbij past.",
    childWish: null,
    clientSupporterName: null,
    urgency: "HIGH",
  });
  await claimCase(aanspreekpunt, { caseId: overdue.id });
  await prisma.case.update({ where: { id: overdue.id }, data: { deadlineAt: new Date(Date.now() - 2 * 86_400_000) } });
  await runOverdueScan();
}

type PublicContact = {
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  contactHours: string;
  clientSupportName: string;
  clientSupportPhone: string;
  clientSupportUrl: string;
};

/**
 * Public details of the demo gemeenten, as their admin would keep them. The
 * 14+netnummer lines are the gemeenten's real general numbers; everything else
 * is an example (demo.doorbraak.nl addresses, made-up direct numbers).
 */
const demoContacts: Record<string, PublicContact> = {
  GM0518: {
    contactName: "Aanspreekpunt Jeugd Den Haag",
    contactEmail: "aanspreekpunt.jeugd@demo.doorbraak.nl",
    contactPhone: "14 070",
    contactHours: "Maandag tot en met vrijdag van 9.00 tot 17.00 uur",
    clientSupportName: "Cliëntondersteuning Den Haag (voorbeeld)",
    clientSupportPhone: "070 123 45 67",
    clientSupportUrl: "https://clientondersteuning.demo.doorbraak.nl/den-haag",
  },
  GM0503: {
    contactName: "Aanspreekpunt Jeugd Delft",
    contactEmail: "jeugd.delft@demo.doorbraak.nl",
    contactPhone: "14 015",
    contactHours: "Maandag tot en met donderdag van 8.30 tot 16.30 uur",
    clientSupportName: "Cliëntondersteuning Delft (voorbeeld)",
    clientSupportPhone: "015 123 45 67",
    clientSupportUrl: "https://clientondersteuning.demo.doorbraak.nl/delft",
  },
};

/**
 * Den Haag's directory of organisations (decision 034): made-up examples, with
 * demo.doorbraak.nl addresses, of the kinds a case about a thuiszitter involves.
 */
const demoOrganisations: { kind: string; sector?: "PO" | "VO"; name: string; contactName: string; email: string; phone: string }[] = [
  { kind: "SCHOOL", sector: "PO", name: "Basisschool De Linde (voorbeeld)", contactName: "Jan de Boer", email: "directie.delinde@demo.doorbraak.nl", phone: "070 111 22 33" },
  { kind: "SCHOOL", sector: "VO", name: "Het Duin College (voorbeeld)", contactName: "Fatima El Amrani", email: "zorgcoordinator.duincollege@demo.doorbraak.nl", phone: "070 111 22 44" },
  { kind: "SAMENWERKINGSVERBAND", sector: "VO", name: "Samenwerkingsverband VO Den Haag (voorbeeld)", contactName: "Ayla Yilmaz", email: "loket.swv-vo@demo.doorbraak.nl", phone: "070 111 22 55" },
  { kind: "LEERPLICHT_RMC", name: "Leerplicht Den Haag (voorbeeld)", contactName: "Sven de Wit", email: "leerplicht@demo.doorbraak.nl", phone: "070 111 22 66" },
  { kind: "JEUGDHULPAANBIEDER", name: "Jeugdhulp Zuid (voorbeeld)", contactName: "Noor Bakker", email: "aanmelding.jeugdhulpzuid@demo.doorbraak.nl", phone: "070 111 22 77" },
];

/** Haaglanden's directory (decision 039): organisations that work for every gemeente of the region. */
const demoRegionOrganisations: typeof demoOrganisations = [
  { kind: "LEERPLICHT_RMC", name: "RMC Haaglanden (voorbeeld)", contactName: "Priya Ramdin", email: "rmc.haaglanden@demo.doorbraak.nl", phone: "070 111 33 11" },
  { kind: "SAMENWERKINGSVERBAND", sector: "PO", name: "Samenwerkingsverband PO Haaglanden (voorbeeld)", contactName: "Tom Verbeek", email: "loket.swv-po@demo.doorbraak.nl", phone: "070 111 33 22" },
];

/** Fills Den Haag's and Haaglanden's directories when empty, so that an admin's own changes survive the seed at every start. */
async function fillDemoOrganisations(): Promise<void> {
  const haaglanden = await prisma.region.findUniqueOrThrow({ where: { code: "JZ24" }, select: { id: true } });
  if ((await prisma.organisation.count({ where: { regionId: haaglanden.id } })) === 0) {
    await prisma.organisation.createMany({ data: demoRegionOrganisations.map((o) => ({ regionId: haaglanden.id, sector: null, ...o })) });
  }
  const denHaag = await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: "GM0518" }, select: { id: true } });
  if ((await prisma.organisation.count({ where: { gemeenteId: denHaag.id } })) > 0) return;
  await prisma.organisation.createMany({ data: demoOrganisations.map((o) => ({ gemeenteId: denHaag.id, sector: null, ...o })) });
  // Den Haag tells its leerplicht contact of thuiszitters' cases, when the family agrees (decision 038).
  const leerplicht = await prisma.organisation.findFirstOrThrow({ where: { gemeenteId: denHaag.id, kind: "LEERPLICHT_RMC" }, select: { id: true } });
  await prisma.gemeente.update({ where: { id: denHaag.id }, data: { leerplichtContactId: leerplicht.id } });
}

/** By CBS jeugdregio code: JZ24 is Haaglanden. */
const demoExpertTeams: Record<string, { email: string; phone: string }> = {
  JZ24: { email: "expertteam.haaglanden@demo.doorbraak.nl", phone: "070 765 43 21" },
};

/**
 * Fills only what is still empty, so that what a demo admin changed survives
 * the seed that runs at every demo start.
 */
async function fillDemoContactDetails(): Promise<void> {
  const onlyEmpty = <T extends object>(current: Record<string, unknown>, wanted: T): Partial<T> =>
    Object.fromEntries(Object.entries(wanted).filter(([field]) => current[field] == null)) as Partial<T>;
  for (const [cbsCode, contact] of Object.entries(demoContacts)) {
    const gemeente = await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode } });
    await prisma.gemeente.update({ where: { cbsCode }, data: onlyEmpty(gemeente, contact) });
  }
  for (const [code, details] of Object.entries(demoExpertTeams)) {
    const team = await prisma.expertTeam.findFirstOrThrow({ where: { region: { code } } });
    await prisma.expertTeam.update({ where: { id: team.id }, data: onlyEmpty(team, details) });
  }
}

/**
 * Demo staff accounts sign in with the demo's authenticator secret. Also for a demo
 * database seeded before two-step verification existed; an account that set up an app
 * of its own keeps it. Sealed with this installation's AUTH_SECRET.
 */
async function ensureDemoSecondFactors(): Promise<void> {
  for (const u of demoUsers) {
    if (!staffRoles.includes(u.role)) continue;
    const user = await prisma.user.findUnique({ where: { email: u.email }, select: { id: true, twoFactor: { select: { userId: true } } } });
    if (!user || user.twoFactor) continue;
    await prisma.twoFactorCredential.create({ data: { userId: user.id, secret: sealSecret(DEMO_TOTP_SECRET), confirmedAt: new Date() } });
  }
}

/**
 * The gemeenten and expert teams that get demo staff work with the portal from
 * the seed on; every other one is left for a platform admin to activate.
 */
async function activateStaffedDemoUnits(seededAt: Date): Promise<void> {
  const gemeenten = [...new Set(demoUsers.flatMap((u) => (u.gemeente && staffRoles.includes(u.role) ? [u.gemeente] : [])))];
  const regions = [...new Set(demoUsers.flatMap((u) => (u.region && u.role === "EXPERT" ? [u.region] : [])))];
  await prisma.gemeente.updateMany({ where: { cbsCode: { in: gemeenten } }, data: { activatedAt: seededAt } });
  await prisma.expertTeam.updateMany({ where: { region: { code: { in: regions } } }, data: { activatedAt: seededAt } });
}

/**
 * Where a case goes in the demo when neither its gemeente nor its region works with the
 * portal (decision 021): an example a platform admin can change at /beheer/dekking.
 */
export const demoFallback = {
  name: "Landelijk meldpunt vastgelopen jeugdhulp",
  email: "meldpunt@demo.doorbraak.nl",
  phone: "0800 123 45 67",
  url: null,
  hours: "Maandag tot en met vrijdag van 9.00 tot 17.00 uur",
};

async function ensureDemoFallback(): Promise<void> {
  if (await prisma.nationalFallback.findUnique({ where: { id: 1 } })) return;
  await prisma.nationalFallback.create({ data: { id: 1, ...demoFallback } });
}

/**
 * The reports the statistics job makes after a quarter ends (decision 031), for the last
 * quarter that ended: a demo shows what a gemeenteraad would have been sent, without
 * making a year's worth of PDFs each time it starts.
 */
async function seedQuarterlyReports(now = new Date()): Promise<void> {
  await makeQuarterlyReports({ now, quarter: lastCompletedQuarter(now), limit: Number.POSITIVE_INFINITY });
}

/** Idempotent: a database that already has users keeps its data. */
export async function seedDemo(): Promise<"seeded" | "already-seeded"> {
  const reference = await importReferenceData(prisma);
  if (reference.unlistedRegions.length > 0) {
    // A demo database from before the CBS jeugdregio's: its staff and cases stay in the old regions.
    console.warn(
      `Regions ${reference.unlistedRegions.join(", ")} are not in the jeugdregio list; their staff and cases stay there. Delete .data/ to start the demo over.`,
    );
  }
  await fillDemoContactDetails();
  await fillDemoOrganisations();
  await ensureDemoFallback();
  if ((await prisma.user.count()) > 0) {
    await ensureDemoSecondFactors();
    // A demo database from before statistics were kept gets them now.
    await rebuildCaseStatistics();
    await seedStatisticsHistory(prisma);
    await publishFigures();
    await detectSignals();
    await seedQuarterlyReports();
    return "already-seeded";
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of demoUsers) await ensureUser(u, passwordHash);
  await activateStaffedDemoUnits(new Date());
  await ensureDemoSecondFactors();
  await seedCases();
  await seedClosedCases();
  await seedOverdueCase();
  // The services kept each case's statistic; the seed also moved some dates by hand afterwards.
  await rebuildCaseStatistics();
  // Two years of history, and the figures and signals the statistics job would make of it.
  await seedStatisticsHistory(prisma);
  await publishFigures({ force: true });
  await detectSignals();
  await seedQuarterlyReports();
  return "seeded";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  seedDemo()
    .then((result) => console.log(`Demo data: ${result}`))
    .finally(() => prisma.$disconnect())
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
