import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import type { Actor } from "@/lib/auth/actor";
import { auditHash, auditMac, chainFor, type HashedAuditFields } from "@/lib/domain/audit";
import { auditMacKey } from "@/lib/server/audit/keys";
import { amsterdamDay } from "@/lib/domain/access-log";
import { invitationToken } from "@/lib/domain/invitations";
import { gemeentePolicyInput } from "@/lib/domain/inputs";
import { isRole, type Role } from "@/lib/domain/roles";
import { prisma } from "@/tests/support/owner-db";
import { verifyCaseChain } from "@/lib/server/audit/verify-chains";
import { updateGemeentePolicy } from "@/lib/server/admin/manage-policy";
import { readAccessLog, type AccessEntry } from "@/lib/server/cases/access-log";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { followCase, listMyCases } from "@/lib/server/cases/follow-case";
import { openCase } from "@/lib/server/cases/open-case";
import { readAuditTrail } from "@/lib/server/cases/read-audit-trail";
import { referCase } from "@/lib/server/cases/refer-case";
import { proposeDecision } from "@/lib/server/cases/propose-decision";
import { recordDecision } from "@/lib/server/cases/record-decision";
import { startLocal } from "@/lib/server/cases/start-local";
import { openAssignmentLink } from "@/lib/server/assignment-links/use-link";
import { assignmentLinkFor } from "../support/case-stages";
import { runOverdueScan } from "@/lib/server/deadlines/overdue-scan";
import { addDocument } from "@/lib/server/documents/add-document";
import { NotFoundError } from "@/lib/server/errors";
import { acceptInvitation } from "@/lib/server/invitations/accept-invitation";
import { inviteToCase } from "@/lib/server/invitations/invite-to-case";
import { caseInput, DELFT, DEN_HAAG, HAAGLANDEN, makeActor, referralFacts } from "../support/factories";
import { minimalPdf as pdfBytes } from "@/tests/support/minimal-pdf";
import { dayFromNow } from "@/tests/support/days";

const DAY = 24 * 60 * 60_000;

const minimalPdf = pdfBytes();

const SECRET = "integration-test-secret-for-access-log";
process.env.AUTH_SECRET = SECRET;

function catalog(file: string): AbstractIntlMessages {
  return JSON.parse(readFileSync(path.join(process.cwd(), `lib/i18n/messages/nl/${file}.json`), "utf8")) as AbstractIntlMessages;
}

/** The sentence the family page shows for an entry, from the Dutch catalog, chosen as the page chooses. */
function sentence(entry: AccessEntry): string {
  const messages = { ...catalog("family"), ...catalog("invitations") };
  const translate = createTranslator({ locale: "nl", messages }) as unknown as (key: string, values?: Record<string, string>) => string;
  const t = (key: string, values?: Record<string, string>) => translate(`family.accessLog.${key}`, values);
  const values = { name: entry.name ?? "", organisation: entry.organisation ?? "" };
  const who = entry.you
    ? t("who.you")
    : entry.role === "FAMILY" || entry.role === "PROFESSIONAL"
      ? t("whoParty", { name: entry.name ?? "", role: translate(`invitations.partyRole.${entry.partyRole ?? "OTHER"}`) })
      : entry.name
        ? t(`whoNamed.${entry.role}`, values)
        : t(`who.${entry.role}`, values);
  return t("sentence", { who, what: t(`what.${entry.kind}`) });
}

/** The actor as the next request would see them: memberships read again from the database. */
async function reload(actor: Actor): Promise<Actor> {
  const memberships = await prisma.membership.findMany({ where: { userId: actor.userId } });
  return {
    ...actor,
    memberships: memberships.flatMap((m) => (isRole(m.role) ? [{ role: m.role, gemeenteId: m.gemeenteId, regionId: m.regionId }] : [])),
  };
}

/** Invites a new account to the case as a professional and accepts, as the invitation link would. */
async function invitedProfessional(inviter: Actor, caseId: string): Promise<Actor> {
  const invitee = await makeActor("FAMILY");
  await inviteToCase(inviter, { caseId, email: invitee.email, role: "PROFESSIONAL" });
  const message = await prisma.outboxMessage.findFirstOrThrow({
    where: { recipient: invitee.email, template: "case-invitation" },
    orderBy: { createdAt: "desc" },
  });
  await acceptInvitation(invitee, { token: invitationToken(SECRET, message.id) });
  return reload(invitee);
}

/**
 * Appends events to a case's chain as writeAudit would, with the times given,
 * in bulk: a year of reads one by one would take minutes.
 */
async function appendReads(caseId: string, reads: { actor: Actor; role: Role; at: Date }[]): Promise<void> {
  const found = await prisma.case.findUniqueOrThrow({ where: { id: caseId } });
  const chain = chainFor(caseId);
  const head = await prisma.auditChainHead.findUniqueOrThrow({ where: { chain } });
  let prevHash = head.hash;
  let seq = head.seq;
  const macKey = auditMacKey();
  const rows = reads.map(({ actor, role, at }) => {
    seq += 1;
    const fields: HashedAuditFields = {
      id: `bulk-${caseId}-${seq}`, chain, seq, occurredAt: at.toISOString(), action: "case.read", outcome: "SUCCESS",
      actorId: actor.userId, actorName: actor.name, actorRole: role, actorOrganisation: null, onBehalfOf: null,
      gemeenteId: found.gemeenteId, caseId, caseNumber: found.number, changes: null, ip: "127.0.0.1", userAgent: "vitest",
      requestId: `bulk-${seq}`, prevHash, hashVersion: 2,
    };
    prevHash = auditHash(fields);
    return { ...fields, occurredAt: at, actorRole: role, outcome: "SUCCESS" as const, changes: undefined, hash: prevHash, mac: auditMac(prevHash, macKey) };
  });
  await prisma.$transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) await tx.auditEvent.createMany({ data: rows.slice(i, i + 1000) });
    await tx.auditChainHead.update({ where: { chain }, data: { seq, hash: prevHash } });
  }, { timeout: 60_000 });
}

let parent: Actor, otherParent: Actor, aanspreekpunt: Actor, expert: Actor, ombudsman: Actor, admin: Actor, denHaagId: string;
let filed: { id: string; number: string };

beforeAll(async () => {
  parent = await makeActor("FAMILY");
  otherParent = await makeActor("FAMILY");
  aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  expert = await makeActor("EXPERT", { region: HAAGLANDEN });
  ombudsman = await makeActor("OMBUDSMAN");
  admin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
  denHaagId = admin.memberships[0]!.gemeenteId!;

  filed = await fileCase(parent, caseInput());
  // The family's own steps: filing (above) and a document.
  await addDocument(parent, { caseId: filed.id, fileName: "verslag.pdf", content: minimalPdf });
  // Staff: the aanspreekpunt opens, claims and refers; the expert team opens; the ombudsman reads the trail.
  await openCase(aanspreekpunt, filed.number);
  await claimCase(aanspreekpunt, { caseId: filed.id });
  await referCase(aanspreekpunt, { caseId: filed.id, ...referralFacts(), question: "Kan het expertteam een casusoverleg leiden?" });
  await openCase(expert, filed.number);
  await readAuditTrail(ombudsman, filed.number);
  // The system: the case goes past its deadline.
  await prisma.case.update({ where: { id: filed.id }, data: { deadlineAt: new Date(Date.now() - DAY) } });
  await runOverdueScan();
  expect(await prisma.auditEvent.count({ where: { caseId: filed.id, actorId: null, action: "case.overdue" } })).toBe(1);
});

describe("Wie heeft mijn dossier bekeken?", () => {
  it("lists every time staff opened or changed the case, newest first, with role, organisation and time but no names", async () => {
    const log = await readAccessLog(parent, filed.number);
    expect(log.namesShown).toBe(false);
    expect(log.gemeente).toBe("Den Haag");
    expect(log.nextBefore).toBeNull();
    expect(log.entries.map((e) => [e.role, e.organisation, e.kind, e.step])).toEqual([
      ["OMBUDSMAN", null, "auditRead", null],
      ["EXPERT", "Haaglanden", "read", null],
      ["AANSPREEKPUNT", "Den Haag", "change", { step: "referred" }],
      ["AANSPREEKPUNT", "Den Haag", "change", { step: "claimed" }],
      ["AANSPREEKPUNT", "Den Haag", "read", null],
    ]);
    for (const entry of log.entries) {
      expect(entry.name).toBeNull();
      expect(entry.at).toBeInstanceOf(Date);
    }
    const times = log.entries.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    expect(sentence(log.entries[4]!)).toBe("Het aanspreekpunt van de gemeente Den Haag heeft uw melding bekeken.");
    expect(sentence(log.entries[1]!)).toBe("Een lid van het expertteam Haaglanden heeft uw melding bekeken.");
    expect(sentence(log.entries[0]!)).toBe("De ombudsman heeft de controle-gegevens ingezien.");
  });

  it("leaves out the family side's own changes and the system's", async () => {
    const log = await readAccessLog(parent, filed.number);
    const familySide = await prisma.auditEvent.count({ where: { caseId: filed.id, actorRole: "FAMILY" } });
    expect(familySide).toBeGreaterThanOrEqual(2);
    expect(log.entries.every((e) => e.role !== "FAMILY" && e.role !== "PROFESSIONAL")).toBe(true);
    expect(log.entries.map((e) => e.kind)).not.toContain(undefined);
    // Five staff events, out of a trail that also holds the filing, the document and the overdue scan.
    const trail = await prisma.auditEvent.count({ where: { caseId: filed.id } });
    expect(trail).toBeGreaterThan(log.entries.length);
  });

  it("names the staff member once the gemeente's policy is on", async () => {
    await updateGemeentePolicy(admin, gemeentePolicyInput.parse({ gemeenteId: denHaagId, retentionMonths: "", familySeesStaffNames: "on" }));
    try {
      const log = await readAccessLog(parent, filed.number);
      expect(log.namesShown).toBe(true);
      expect(log.entries.map((e) => e.name)).toEqual([ombudsman.name, expert.name, aanspreekpunt.name, aanspreekpunt.name, aanspreekpunt.name]);
      expect(sentence(log.entries[4]!)).toBe(`${aanspreekpunt.name}, aanspreekpunt van de gemeente Den Haag, heeft uw melding bekeken.`);
    } finally {
      await updateGemeentePolicy(admin, gemeentePolicyInput.parse({ gemeenteId: denHaagId, retentionMonths: "" }));
    }
    expect((await readAccessLog(parent, filed.number)).entries.every((e) => e.name === null)).toBe(true);
  });

  it("never hands out request details or internal ids", async () => {
    const log = await readAccessLog(parent, filed.number);
    const json = JSON.stringify(log);
    for (const secret of ["127.0.0.1", "vitest", "test-", filed.id, denHaagId, aanspreekpunt.userId, expert.userId, ombudsman.userId]) {
      expect(json).not.toContain(secret);
    }
    for (const entry of log.entries) {
      expect(Object.keys(entry).sort()).toEqual(["at", "count", "day", "kind", "name", "organisation", "partyRole", "role", "seq", "step", "you"]);
    }
  });

  it("is only for the family side of the case: anyone else gets not found", async () => {
    const refused = [
      otherParent,
      await makeActor("PROFESSIONAL"),
      aanspreekpunt,
      await makeActor("AANSPREEKPUNT", { gemeente: DELFT }),
      ombudsman,
      admin,
    ];
    for (const actor of refused) {
      await expect(readAccessLog(actor, filed.number)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(readAccessLog(parent, "DB-2099-999999")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("reads by the family side", () => {
  it("logs a family member's and an invited professional's reads as case.read, in the case's trail", async () => {
    const mother = await makeActor("FAMILY");
    const c = await fileCase(mother, caseInput());
    const professional = await invitedProfessional(mother, c.id);
    const stranger = await makeActor("PROFESSIONAL");

    await followCase(professional, c.number);
    await followCase(professional, c.number);
    await followCase(mother, c.number);
    await expect(followCase(stranger, c.number)).rejects.toBeInstanceOf(NotFoundError);

    const reads = await prisma.auditEvent.findMany({ where: { caseId: c.id, action: "case.read" }, orderBy: { seq: "asc" } });
    expect(reads.map((e) => [e.actorId, e.actorRole, e.actorName, e.outcome, e.caseNumber, e.chain])).toEqual([
      [professional.userId, "PROFESSIONAL", professional.name, "SUCCESS", c.number, chainFor(c.id)],
      [professional.userId, "PROFESSIONAL", professional.name, "SUCCESS", c.number, chainFor(c.id)],
      [mother.userId, "FAMILY", mother.name, "SUCCESS", c.number, chainFor(c.id)],
    ]);
    // Request metadata as for staff reads (NEN 7513's access point).
    expect(reads[0]).toMatchObject({ ip: "127.0.0.1", userAgent: "vitest", requestId: professional.request.requestId });
    // A refused read reads nothing, and is not a read of this case.
    expect(await prisma.auditEvent.count({ where: { caseId: c.id, actorId: stranger.userId } })).toBe(0);
    expect(await verifyCaseChain(c.id, prisma)).toBeNull();
  });

  it("logs the list of one's cases as a read of each case shown", async () => {
    const mother = await makeActor("FAMILY");
    const first = await fileCase(mother, caseInput());
    const second = await fileCase(mother, caseInput());
    const professional = await invitedProfessional(mother, second.id);

    expect((await listMyCases(mother)).map((m) => m.number).sort()).toEqual([first.number, second.number].sort());
    expect((await listMyCases(professional)).map((m) => m.number)).toEqual([second.number]);

    const reads = await prisma.auditEvent.findMany({ where: { caseId: { in: [first.id, second.id] }, action: "case.read" } });
    expect(reads.map((e) => `${e.caseNumber} ${e.actorId} ${e.actorRole}`).sort()).toEqual(
      [
        `${first.number} ${mother.userId} FAMILY`,
        `${second.number} ${mother.userId} FAMILY`,
        `${second.number} ${professional.userId} PROFESSIONAL`,
      ].sort(),
    );
    expect(await verifyCaseChain(first.id, prisma)).toBeNull();
    expect(await verifyCaseChain(second.id, prisma)).toBeNull();
  });

  it("shows them in the access log: one line per person per day, the reader as 'U', others by name", async () => {
    const mother = await makeActor("FAMILY");
    const c = await fileCase(mother, caseInput());
    const professional = await invitedProfessional(mother, c.id);
    for (let i = 0; i < 3; i += 1) await followCase(professional, c.number);
    await listMyCases(professional);
    await followCase(mother, c.number);
    await followCase(mother, c.number);

    const log = await readAccessLog(mother, c.number);
    const own = log.entries.filter((e) => e.you);
    const theirs = log.entries.filter((e) => e.role === "PROFESSIONAL");
    // One line per day: a test run across midnight may see two, with the same total.
    for (const [lines, total] of [[own, 2], [theirs, 4]] as const) {
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(new Set(lines.map((e) => e.day)).size).toBe(lines.length);
      expect(lines.reduce((n, e) => n + e.count, 0)).toBe(total);
      expect(lines.every((e) => e.kind === "read" && e.day === amsterdamDay(e.at))).toBe(true);
    }
    expect(own.every((e) => e.role === "FAMILY" && e.organisation === null)).toBe(true);
    expect(theirs.every((e) => !e.you && e.name === professional.name && e.partyRole === "PROFESSIONAL" && e.organisation === null)).toBe(true);
    expect(sentence(own[0]!)).toBe("U heeft uw melding bekeken.");
    expect(sentence(theirs[0]!)).toBe(`${professional.name} (professional) heeft uw melding bekeken.`);

    // The professional reads the same log with the roles turned round.
    const seenByProfessional = await readAccessLog(professional, c.number);
    expect(seenByProfessional.entries.filter((e) => e.you).every((e) => e.role === "PROFESSIONAL")).toBe(true);
    const mothers = seenByProfessional.entries.filter((e) => e.role === "FAMILY");
    expect(mothers.every((e) => !e.you && e.name === mother.name && e.partyRole === "PARENT")).toBe(true);
    expect(sentence(mothers[0]!)).toBe(`${mother.name} (ouder of verzorger) heeft uw melding bekeken.`);
  });

  it("still hides staff names when the family side is named", async () => {
    const mother = await makeActor("FAMILY");
    const ap = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const c = await fileCase(mother, caseInput());
    await openCase(ap, c.number);
    await openCase(ap, c.number);
    await followCase(mother, c.number);
    const log = await readAccessLog(mother, c.number);
    const staff = log.entries.filter((e) => e.role === "AANSPREEKPUNT");
    expect(staff.reduce((n, e) => n + e.count, 0)).toBe(2);
    expect(staff.every((e) => e.name === null && e.organisation === "Den Haag")).toBe(true);
    expect(JSON.stringify(log)).not.toContain(ap.name);
  });
});

describe("the grouped log over a year", () => {
  it("counts per day in Dutch time, not per day in UTC", async () => {
    const mother = await makeActor("FAMILY");
    const ap = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const c = await fileCase(mother, caseInput());
    await appendReads(c.id, [
      // 23:30 and 00:30 in the Netherlands (winter): one UTC day, two Dutch days.
      { actor: ap, role: "AANSPREEKPUNT", at: new Date("2025-01-15T22:30:00Z") },
      { actor: ap, role: "AANSPREEKPUNT", at: new Date("2025-01-15T23:30:00Z") },
      // 00:30 and 23:30 on 2 July (summer): two UTC days, one Dutch day.
      { actor: ap, role: "AANSPREEKPUNT", at: new Date("2025-07-01T22:30:00Z") },
      { actor: ap, role: "AANSPREEKPUNT", at: new Date("2025-07-02T21:30:00Z") },
    ]);
    const log = await readAccessLog(mother, c.number);
    const staff = log.entries.filter((e) => e.role === "AANSPREEKPUNT");
    expect(staff.map((e) => [e.day, e.count])).toEqual([["2025-07-02", 2], ["2025-01-16", 1], ["2025-01-15", 1]]);
    expect(await verifyCaseChain(c.id, prisma)).toBeNull();
  });

  it("pages a case read daily by five people for a year as whole days, without gaps or repeats", async () => {
    const mother = await makeActor("FAMILY");
    const c = await fileCase(mother, caseInput());
    const readers: { actor: Actor; role: Role }[] = [
      { actor: await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG }), role: "AANSPREEKPUNT" },
      { actor: await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG }), role: "AANSPREEKPUNT" },
      { actor: await makeActor("DECISION_HOLDER", { gemeente: DEN_HAAG }), role: "DECISION_HOLDER" },
      { actor: await makeActor("OMBUDSMAN"), role: "OMBUDSMAN" },
      { actor: await makeActor("FAMILY"), role: "FAMILY" },
    ];
    const start = Date.UTC(2025, 0, 1);
    const reads = [];
    // Three reads a day each, one of them at 22:30 UTC: the same Dutch day in winter, the next in summer.
    for (let day = 0; day < 365; day += 1) {
      for (const r of readers) {
        for (const hour of [7, 12, 22.5]) reads.push({ ...r, at: new Date(start + day * 86_400_000 + hour * 3_600_000) });
      }
    }
    await appendReads(c.id, reads);

    const seen = new Set<string>();
    let total = 0;
    let pages = 0;
    let before: string | null = null;
    let lastDay = "9999-12-31";
    do {
      const page: Awaited<ReturnType<typeof readAccessLog>> = await readAccessLog(mother, c.number, { before });
      pages += 1;
      expect(page.entries.length).toBeGreaterThan(0);
      expect(page.entries.length).toBeLessThanOrEqual(20);
      for (const e of page.entries) {
        const key = `${e.day}|${e.role}|${e.name}|${e.seq}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
        expect(e.day <= lastDay).toBe(true);
        lastDay = e.day;
        total += e.count;
      }
      before = page.nextBefore;
    } while (before !== null && pages < 200);

    expect(total).toBe(reads.length);
    // Five people on each Dutch day; the first and last day of the year carry only part of it.
    const days = new Set(reads.map((r) => amsterdamDay(r.at)));
    expect(seen.size).toBe(days.size * readers.length);
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(seen.size / 20));
    expect(await verifyCaseChain(c.id, prisma)).toBeNull();
  });
});

describe("an organisation that opened its own task", () => {
  it("is in the log by its name, with what it could see", async () => {
    const decider = await makeActor("DECISION_HOLDER", { gemeente: DEN_HAAG });
    const own = await fileCase(parent, caseInput());
    await claimCase(aanspreekpunt, { caseId: own.id });
    await startLocal(aanspreekpunt, { caseId: own.id, note: "Overleg met school." });
    await proposeDecision(aanspreekpunt, { caseId: own.id, proposal: "De school geeft een plek.", rationale: "Niemand anders neemt het op." });
    const { decisionId } = await recordDecision(decider, {
      caseId: own.id,
      legalBasis: "Jeugdwet artikel 2.3",
      rationale: "Het kind heeft recht op passend onderwijs.",
      assignments: [{ party: "Basisschool De Linde", description: "Een plek in groep 6", dueOn: dayFromNow(20), payer: "Samenwerkingsverband" }],
    });
    const assignment = await prisma.assignment.findFirstOrThrow({ where: { decisionId } });
    const token = await assignmentLinkFor(own.id, assignment.id);
    const request = { ip: "192.0.2.44", userAgent: "vitest", requestId: "organisation-read" };
    await openAssignmentLink(token, request);
    await openAssignmentLink(token, request);

    const log = await readAccessLog(parent, own.number);
    const line = log.entries.find((e) => e.role === "LINK_HOLDER");
    expect(line).toMatchObject({ organisation: "Basisschool De Linde", kind: "taskRead", count: 2, name: null, you: false });
    expect(sentence(line!)).toBe("Basisschool De Linde, een organisatie met een opdracht uit het besluit, heeft haar eigen opdracht bekeken.");
  });
});
