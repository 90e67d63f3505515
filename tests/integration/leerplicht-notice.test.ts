import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { setLeerplichtContact } from "@/lib/server/admin/manage-organisations";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { referCase } from "@/lib/server/cases/refer-case";
import { startLocal } from "@/lib/server/cases/start-local";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { prisma } from "@/tests/support/owner-db";
import { caseInput, DEN_HAAG, makeActor, referralFacts } from "../support/factories";

// Leiden: no other test file sets up its leerplicht contact.
const LEIDEN = "GM0546";

async function entry(kind: string, email: string | null) {
  const gemeente = await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: LEIDEN }, select: { id: true } });
  return prisma.organisation.create({ data: { gemeenteId: gemeente.id, kind, name: `Leerplicht Leiden ${randomUUID().slice(0, 8)}`, email } });
}

const thuiszitter = (consent: "YES" | "NO" | "") =>
  caseInput({ ownGemeenteCode: LEIDEN, schoolSituation: "NONE", outOfSchoolSince: "2026-09-01", leerplichtConsent: consent === "" ? undefined : consent });

describe("telling leerplicht about a thuiszitter", () => {
  let parent: Actor, admin: Actor, otherAdmin: Actor, aanspreekpunt: Actor;
  let contactEmail: string;
  let gemeenteId: string;

  beforeAll(async () => {
    parent = await makeActor("FAMILY");
    admin = await makeActor("GEMEENTE_ADMIN", { gemeente: LEIDEN });
    otherAdmin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: LEIDEN });
    gemeenteId = (await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: LEIDEN } })).id;
    contactEmail = `leerplicht-${randomUUID().slice(0, 8)}@leiden.example`;
    const contact = await entry("LEERPLICHT_RMC", contactEmail);
    await setLeerplichtContact(admin, { gemeenteId, organisationId: contact.id });
  });

  const mailsFor = (caseId: string) => prisma.outboxMessage.findMany({ where: { caseId, template: "leerplicht-notice" } });

  it("tells the contact when the family agrees, once, without case content, and the family sees it", async () => {
    const filed = await fileCase(parent, thuiszitter("YES"));
    const mails = await mailsFor(filed.id);
    expect(mails.map((m) => m.recipient)).toEqual([contactEmail]);
    const stored = await prisma.case.findUniqueOrThrow({ where: { id: filed.id } });
    expect(stored.leerplichtConsent).toBe(true);
    expect(stored.leerplichtNotifiedAt).not.toBeNull();
    const entries = await prisma.timelineEntry.findMany({ where: { caseId: filed.id, kind: "leerplichtNotified" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.visibleToFamily).toBe(true);
    const audit = await prisma.auditEvent.findMany({ where: { caseId: filed.id, action: "case.notifyLeerplicht" } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.changes)).not.toContain(contactEmail);

    // Referring later does not tell leerplicht a second time.
    await claimCase(aanspreekpunt, { caseId: filed.id });
    await startLocal(aanspreekpunt, { caseId: filed.id, note: "Overleg met school en leerplicht." });
    await referCase(aanspreekpunt, { caseId: filed.id, ...referralFacts(), question: "Kan het expertteam helpen met een plek?" });
    expect(await mailsFor(filed.id)).toHaveLength(1);
  });

  it("tells no one when the family says no or does not answer, or when the child goes to school", async () => {
    for (const input of [thuiszitter("NO"), thuiszitter(""), caseInput({ ownGemeenteCode: LEIDEN, schoolSituation: "ATTENDING", leerplichtConsent: "YES" })]) {
      const filed = await fileCase(parent, input);
      expect(await mailsFor(filed.id)).toEqual([]);
      const stored = await prisma.case.findUniqueOrThrow({ where: { id: filed.id } });
      expect(stored.leerplichtNotifiedAt).toBeNull();
      expect(await prisma.timelineEntry.count({ where: { caseId: filed.id, kind: "leerplichtNotified" } })).toBe(0);
    }
    const attending = await prisma.case.findFirstOrThrow({ where: { filedById: parent.userId, schoolSituation: "ATTENDING" }, orderBy: { createdAt: "desc" } });
    expect(attending.leerplichtConsent).toBeNull();
  });

  it("tells the contact at the referral when it was set up after the filing", async () => {
    await setLeerplichtContact(admin, { gemeenteId, organisationId: null });
    const filed = await fileCase(parent, thuiszitter("YES"));
    expect(await mailsFor(filed.id)).toEqual([]);

    const later = `leerplicht-later-${randomUUID().slice(0, 8)}@leiden.example`;
    const contact = await entry("LEERPLICHT_RMC", later);
    await setLeerplichtContact(admin, { gemeenteId, organisationId: contact.id });
    await claimCase(aanspreekpunt, { caseId: filed.id });
    await startLocal(aanspreekpunt, { caseId: filed.id, note: "Overleg met school." });
    await referCase(aanspreekpunt, { caseId: filed.id, ...referralFacts(), question: "Kan het expertteam helpen met een plek?" });
    expect((await mailsFor(filed.id)).map((m) => m.recipient)).toEqual([later]);
    contactEmail = later;
  });

  it("is set up only by the gemeente's own admin, with a leerplicht entry that has an address", async () => {
    const school = await entry("SCHOOL", "school@leiden.example");
    const withoutAddress = await entry("LEERPLICHT_RMC", null);
    for (const organisationId of [school.id, withoutAddress.id]) {
      await expect(setLeerplichtContact(admin, { gemeenteId, organisationId })).rejects.toSatisfy(
        (e) => e instanceof DomainError && e.fieldErrors.organisationId === "notALeerplichtContact",
      );
    }
    await expect(setLeerplichtContact(otherAdmin, { gemeenteId, organisationId: null })).rejects.toBeInstanceOf(NotFoundError);
    const audit = await prisma.auditEvent.findMany({ where: { gemeenteId, action: "gemeente.setLeerplichtContact" } });
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });
});
