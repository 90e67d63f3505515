import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { invitationToken } from "@/lib/domain/invitations";
import { isRole, type Role } from "@/lib/domain/roles";
import type { staffRoleChoices } from "@/lib/domain/staff-inputs";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { WrongAccountError } from "@/lib/server/invitations/accept-invitation";
import { deliverOutbox } from "@/lib/server/notifications/deliver-outbox";
import { activateExpertTeam } from "@/lib/server/onboarding/activate-expert-team";
import { activateGemeente } from "@/lib/server/onboarding/activate-gemeente";
import { acceptStaffInvitation, createStaffAccount, StaffInvitationUnusableError } from "@/lib/server/staff/accept-invitation";
import { changeStaffRole } from "@/lib/server/staff/change-role";
import { inviteStaff } from "@/lib/server/staff/invite-staff";
import { listStaff } from "@/lib/server/staff/list-staff";
import { readStaffInvitation } from "@/lib/server/staff/read-invitation";
import { removeStaff } from "@/lib/server/staff/remove-staff";
import { resendStaffInvitation } from "@/lib/server/staff/resend-invitation";
import { revokeStaffInvitation } from "@/lib/server/staff/revoke-invitation";
import { prisma } from "@/tests/support/owner-db";
import { caseInput, DELFT, DEN_HAAG, HAAGLANDEN, makeActor } from "../support/factories";
import { useTestSmtp } from "../support/smtp";

const SECRET = "integration-test-secret-for-staff-invitations";
process.env.AUTH_SECRET = SECRET;
const request = { ip: "127.0.0.1", userAgent: "vitest", requestId: "staff-test" };
let seq = 0;
const newAddress = () => `nieuw-${Date.now().toString(36)}-${++seq}@test.doorbraak.nl`;

/** The token in the newest staff invitation mail to `recipient`, as the mail writer makes it. */
async function tokenFor(recipient: string): Promise<string> {
  const message = await prisma.outboxMessage.findFirstOrThrow({ where: { recipient, template: "staff-invitation" }, orderBy: { createdAt: "desc" } });
  return invitationToken(SECRET, message.id, "staff-invitation");
}

/** The actor as the next request would see them: memberships read again. */
async function reload(actor: Actor): Promise<Actor> {
  const memberships = await prisma.membership.findMany({ where: { userId: actor.userId } });
  return { ...actor, memberships: memberships.flatMap((m) => (isRole(m.role) ? [{ role: m.role, gemeenteId: m.gemeenteId, regionId: m.regionId }] : [])) };
}

async function ids() {
  const denHaag = await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: DEN_HAAG } });
  const delft = await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: DELFT } });
  const haaglanden = await prisma.region.findUniqueOrThrow({ where: { code: HAAGLANDEN } });
  return { denHaag: denHaag.id, delft: delft.id, haaglanden: haaglanden.id };
}

async function membershipOf(userId: string, role: Role) {
  return prisma.membership.findFirstOrThrow({ where: { userId, role } });
}

describe("inviting staff and accepting", () => {
  const received = useTestSmtp();
  beforeAll(() => {
    process.env.AUTH_URL = "http://portaal.test";
  });
  afterAll(() => {
    delete process.env.AUTH_URL;
  });

  it("mails a link (only its hash stored), and a new person makes an account and gets the role", async () => {
    const { denHaag } = await ids();
    const admin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    const email = newAddress();
    const { invitationId } = await inviteStaff(admin, { scopeKind: "gemeente", scopeId: denHaag, name: "Ayla Nieuw", email, role: "AANSPREEKPUNT" });
    await deliverOutbox();
    const token = await tokenFor(email);
    const mail = received.find((m) => m.to.includes(email))!;
    expect(mail.body.replace(/=\r?\n/g, "")).toContain(`http://portaal.test/uitnodiging/medewerker/${token}`);
    expect(mail.body).not.toContain("Den Haag");
    const stored = await prisma.staffInvitation.findUniqueOrThrow({ where: { id: invitationId } });
    expect(JSON.stringify(stored)).not.toContain(token);
    const invited = await prisma.auditEvent.findFirstOrThrow({ where: { actorId: admin.userId, action: "staff.invite" } });
    expect(invited).toMatchObject({ gemeenteId: denHaag, actorRole: "GEMEENTE_ADMIN" });
    expect(JSON.stringify(invited.changes)).not.toContain(email);

    expect(await readStaffInvitation(token, null)).toMatchObject({ kind: "open", role: "AANSPREEKPUNT", where: "Den Haag", accountExists: false });
    // A guessable password is refused, and nothing is made.
    await expect(createStaffAccount({ token, name: "Ayla Nieuw", password: "wachtwoord123" }, request)).rejects.toMatchObject({ fieldErrors: { password: "passwordTooCommon" } });
    expect(await prisma.user.count({ where: { email } })).toBe(0);

    await createStaffAccount({ token, name: "Ayla Nieuw", password: "een lange zin als wachtwoord" }, request);
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(user.memberships).toMatchObject([{ role: "AANSPREEKPUNT", gemeenteId: denHaag, regionId: null }]);
    expect(user.organisation).toBe("Gemeente Den Haag");
    expect(await prisma.staffInvitation.findUniqueOrThrow({ where: { id: invitationId } })).toMatchObject({ acceptedById: user.id });
    expect(await prisma.auditEvent.count({ where: { actorId: user.id, action: "staff.acceptInvitation", gemeenteId: denHaag } })).toBe(1);
    // Used: said plainly, and it cannot be used again.
    expect(await readStaffInvitation(token, null)).toEqual({ kind: "used", byViewer: false });
    await expect(createStaffAccount({ token, name: "Iemand", password: "een lange zin als wachtwoord" }, request)).rejects.toMatchObject({ code: "staffInvitation_used" });
  });

  it("lets an existing account sign in and accept, and only the invited address", async () => {
    const { haaglanden } = await ids();
    const coordinator = await makeActor("REGION_COORDINATOR", { region: HAAGLANDEN });
    const existing = await makeActor("FAMILY");
    const stranger = await makeActor("FAMILY");
    await inviteStaff(coordinator, { scopeKind: "region", scopeId: haaglanden, name: existing.name, email: existing.email, role: "EXPERT" });
    const token = await tokenFor(existing.email);
    expect(await readStaffInvitation(token, { userId: existing.userId, email: existing.email })).toMatchObject({ kind: "open", accountExists: true, forSignedInAccount: true });

    await expect(acceptStaffInvitation(stranger, { token })).rejects.toBeInstanceOf(WrongAccountError);
    await expect(createStaffAccount({ token, name: "Dubbel", password: "een lange zin als wachtwoord" }, request)).rejects.toMatchObject({ code: "staffInvitationSignIn" });
    const { sessionVersion } = await acceptStaffInvitation(existing, { token });
    expect(sessionVersion).toBeGreaterThan(0);
    expect((await reload(existing)).memberships).toContainEqual({ role: "EXPERT", gemeenteId: null, regionId: haaglanden });
    // Accepting twice changes nothing.
    expect(await acceptStaffInvitation(existing, { token })).toEqual({ sessionVersion: null });
    expect(await prisma.membership.count({ where: { userId: existing.userId, role: "EXPERT" } })).toBe(1);
  });

  it("says plainly whether a link expired, was withdrawn or was used; a new link replaces the old", async () => {
    const { denHaag } = await ids();
    const admin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    const email = newAddress();
    const { invitationId } = await inviteStaff(admin, { scopeKind: "gemeente", scopeId: denHaag, name: "Bo Later", email, role: "DECISION_HOLDER" });
    const first = await tokenFor(email);

    await prisma.staffInvitation.update({ where: { id: invitationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await readStaffInvitation(first, null)).toEqual({ kind: "expired" });
    await expect(createStaffAccount({ token: first, name: "Bo Later", password: "een lange zin als wachtwoord" }, request)).rejects.toEqual(new StaffInvitationUnusableError("expired"));

    const { invitationId: second } = await resendStaffInvitation(admin, { invitationId });
    const secondToken = await tokenFor(email);
    expect(secondToken).not.toBe(first);
    // The old link was replaced: it counts as withdrawn.
    expect(await readStaffInvitation(first, null)).toEqual({ kind: "revoked" });
    expect(await readStaffInvitation(secondToken, null)).toMatchObject({ kind: "open" });

    await revokeStaffInvitation(admin, { invitationId: second });
    expect(await readStaffInvitation(secondToken, null)).toEqual({ kind: "revoked" });
    await expect(createStaffAccount({ token: secondToken, name: "Bo", password: "een lange zin als wachtwoord" }, request)).rejects.toMatchObject({ code: "staffInvitation_revoked" });
    expect(await readStaffInvitation("x".repeat(43), null)).toEqual({ kind: "unknown" });
    expect(await prisma.auditEvent.count({ where: { actorId: admin.userId, action: { in: ["staff.invite", "staff.resendInvitation", "staff.revokeInvitation"] } } })).toBe(3);
  });

  it("refuses an address that already holds the role or has an open invitation for it", async () => {
    const { denHaag } = await ids();
    const admin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    const member = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    await expect(inviteStaff(admin, { scopeKind: "gemeente", scopeId: denHaag, name: "X", email: member.email, role: "AANSPREEKPUNT" })).rejects.toMatchObject({ fieldErrors: { email: "alreadyStaff" } });
    const email = newAddress();
    await inviteStaff(admin, { scopeKind: "gemeente", scopeId: denHaag, name: "Y", email, role: "AANSPREEKPUNT" });
    await expect(inviteStaff(admin, { scopeKind: "gemeente", scopeId: denHaag, name: "Y", email, role: "AANSPREEKPUNT" })).rejects.toMatchObject({ fieldErrors: { email: "alreadyInvitedStaff" } });
  });
});

describe("the role rules against the database", () => {
  type Row = [inviter: Role, role: (typeof staffRoleChoices)[number], where: "own" | "other", outcome: "ok" | "notFound" | "refused"];
  const rows: Row[] = [
    ["GEMEENTE_ADMIN", "AANSPREEKPUNT", "own", "ok"],
    ["GEMEENTE_ADMIN", "DECISION_HOLDER", "own", "ok"],
    ["GEMEENTE_ADMIN", "GEMEENTE_ADMIN", "own", "ok"],
    ["GEMEENTE_ADMIN", "AANSPREEKPUNT", "other", "notFound"],
    ["GEMEENTE_ADMIN", "GEMEENTE_ADMIN", "other", "notFound"],
    ["REGION_COORDINATOR", "EXPERT", "own", "ok"],
    ["REGION_COORDINATOR", "REGION_COORDINATOR", "own", "ok"],
    ["REGION_COORDINATOR", "EXPERT", "other", "notFound"],
    ["AANSPREEKPUNT", "AANSPREEKPUNT", "own", "notFound"],
    ["DECISION_HOLDER", "GEMEENTE_ADMIN", "own", "notFound"],
    ["EXPERT", "EXPERT", "own", "notFound"],
    ["OMBUDSMAN", "AANSPREEKPUNT", "own", "notFound"],
    ["PLATFORM_ADMIN", "AANSPREEKPUNT", "own", "notFound"],
    ["PLATFORM_ADMIN", "EXPERT", "own", "notFound"],
    ["PLATFORM_ADMIN", "GEMEENTE_ADMIN", "own", "refused"],
  ];
  it.each(rows)("%s inviting a %s in %s scope: %s", async (inviterRole, role, where, outcome) => {
    const { denHaag, delft, haaglanden } = await ids();
    const regionRole = role === "EXPERT" || role === "REGION_COORDINATOR";
    const holland = await prisma.region.findFirstOrThrow({ where: { NOT: { id: haaglanden } } });
    const inviterScope = ["EXPERT", "REGION_COORDINATOR"].includes(inviterRole) ? { region: HAAGLANDEN } : ["OMBUDSMAN", "PLATFORM_ADMIN"].includes(inviterRole) ? {} : { gemeente: DEN_HAAG };
    const inviter = await makeActor(inviterRole, inviterScope);
    const scopeId = regionRole ? (where === "own" ? haaglanden : holland.id) : where === "own" ? denHaag : delft;
    const attempt = inviteStaff(inviter, { scopeKind: regionRole ? "region" : "gemeente", scopeId, name: "Test Persoon", email: newAddress(), role });
    if (outcome === "ok") await expect(attempt).resolves.toMatchObject({ invitationId: expect.any(String) });
    else if (outcome === "notFound") await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    else await expect(attempt).rejects.toBeInstanceOf(DomainError);
  });

  it("refuses a role of the other kind of scope, and inviting oneself", async () => {
    const { denHaag } = await ids();
    const admin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    await expect(inviteStaff(admin, { scopeKind: "gemeente", scopeId: denHaag, name: "X", email: newAddress(), role: "EXPERT" })).rejects.toMatchObject({ fieldErrors: { role: "chooseStaffRole" } });
    await expect(inviteStaff(admin, { scopeKind: "gemeente", scopeId: denHaag, name: "Ik", email: admin.email, role: "AANSPREEKPUNT" })).rejects.toMatchObject({ fieldErrors: { email: "notYourself" } });
  });

  it("keeps the last admin, refuses changing one's own role, and answers not found in another gemeente", async () => {
    const admin = await makeActor("GEMEENTE_ADMIN", { gemeente: DELFT });
    const own = await membershipOf(admin.userId, "GEMEENTE_ADMIN");
    await expect(removeStaff(admin, { membershipId: own.id, handOverTo: "queue", confirm: "on" })).rejects.toMatchObject({ code: "lastManager" });
    await expect(changeStaffRole(admin, { membershipId: own.id, role: "AANSPREEKPUNT" })).rejects.toMatchObject({ fieldErrors: { role: "notYourself" } });

    const second = await makeActor("GEMEENTE_ADMIN", { gemeente: DELFT });
    // With two admins, one may step down; then the other is the last.
    await removeStaff(admin, { membershipId: own.id, handOverTo: "queue", confirm: "on" });
    const secondOwn = await membershipOf(second.userId, "GEMEENTE_ADMIN");
    await expect(removeStaff(second, { membershipId: secondOwn.id, handOverTo: "queue", confirm: "on" })).rejects.toMatchObject({ code: "lastManager" });

    const otherAdmin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    await expect(removeStaff(otherAdmin, { membershipId: secondOwn.id, handOverTo: "queue", confirm: "on" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeStaffRole(otherAdmin, { membershipId: secondOwn.id, role: "AANSPREEKPUNT" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listStaff(otherAdmin, { kind: "gemeente", id: secondOwn.gemeenteId! })).rejects.toBeInstanceOf(NotFoundError);
    const delftInvite = await inviteStaff(second, { scopeKind: "gemeente", scopeId: secondOwn.gemeenteId!, name: "Z", email: newAddress(), role: "AANSPREEKPUNT" });
    await expect(revokeStaffInvitation(otherAdmin, delftInvite)).rejects.toBeInstanceOf(NotFoundError);
    await expect(resendStaffInvitation(otherAdmin, delftInvite)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lets a coordinator run the expert team but not a gemeente, and keeps the last coordinator", async () => {
    const coordinator = await makeActor("REGION_COORDINATOR", { region: HAAGLANDEN });
    const expert = await makeActor("EXPERT", { region: HAAGLANDEN });
    const expertMembership = await membershipOf(expert.userId, "EXPERT");
    await changeStaffRole(coordinator, { membershipId: expertMembership.id, role: "REGION_COORDINATOR" });
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: expertMembership.id } })).role).toBe("REGION_COORDINATOR");
    const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    await expect(removeStaff(coordinator, { membershipId: (await membershipOf(aanspreekpunt.userId, "AANSPREEKPUNT")).id, handOverTo: "queue", confirm: "on" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeStaffRole(coordinator, { membershipId: expertMembership.id, role: "GEMEENTE_ADMIN" })).rejects.toMatchObject({ fieldErrors: { role: "roleNotAllowed" } });
  });

  it("never lets an admin raise their own role, nor a colleague's beyond the gemeente", async () => {
    const admin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    const colleague = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const m = await membershipOf(colleague.userId, "AANSPREEKPUNT");
    for (const role of ["EXPERT", "REGION_COORDINATOR"] as const) {
      await expect(changeStaffRole(admin, { membershipId: m.id, role })).rejects.toMatchObject({ fieldErrors: { role: "roleNotAllowed" } });
    }
    await changeStaffRole(admin, { membershipId: m.id, role: "DECISION_HOLDER" });
    expect(await prisma.auditEvent.count({ where: { actorId: admin.userId, action: "staff.changeRole" } })).toBe(1);
    // The change ended the colleague's sessions (trigger, decision 017).
    expect((await prisma.user.findUniqueOrThrow({ where: { id: colleague.userId } })).sessionVersion).toBeGreaterThan(0);
    await expect(changeStaffRole(colleague, { membershipId: m.id, role: "GEMEENTE_ADMIN" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("removing someone with open cases", () => {
  async function aanspreekpuntWithCases(count: number) {
    const admin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    const leaver = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const parent = await makeActor("FAMILY");
    const cases = [];
    for (let i = 0; i < count; i++) {
      const filed = await fileCase(parent, caseInput());
      await claimCase(leaver, { caseId: filed.id });
      cases.push(filed);
    }
    return { admin, leaver, cases, membership: await membershipOf(leaver.userId, "AANSPREEKPUNT") };
  }

  it("puts their open cases back in the queue, each with a timeline entry and an audit event on its chain", async () => {
    const { admin, leaver, cases, membership } = await aanspreekpuntWithCases(2);
    const before = await listStaff(admin, { kind: "gemeente", id: membership.gemeenteId! });
    expect(before.members.find((m) => m.userId === leaver.userId)?.openCases).toBe(2);

    expect(await removeStaff(admin, { membershipId: membership.id, handOverTo: "queue", confirm: "on" })).toEqual({ cases: 2 });
    expect(await prisma.membership.count({ where: { userId: leaver.userId } })).toBe(0);
    for (const c of cases) {
      const after = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
      expect(after.assigneeId).toBeNull();
      expect(after.status).not.toBe("CLOSED");
      const entry = await prisma.timelineEntry.findFirstOrThrow({ where: { caseId: c.id, kind: "returnedToQueue" } });
      expect(entry).toMatchObject({ actorId: admin.userId, actorRole: "GEMEENTE_ADMIN", visibleToFamily: false });
      const event = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case.handOver" } });
      expect(event).toMatchObject({ chain: `case:${c.id}`, actorId: admin.userId, actorRole: "GEMEENTE_ADMIN" });
      expect(event.changes).toEqual({ assigneeId: { old: leaver.userId, new: null } });
    }
    const removed = await prisma.auditEvent.findFirstOrThrow({ where: { actorId: admin.userId, action: "staff.remove" } });
    expect(removed.changes).toMatchObject({ role: { old: "AANSPREEKPUNT", new: null }, casesHandedOver: { old: null, new: 2 } });
  });

  it("or hands them to the colleague the admin picked, and only a colleague of that gemeente", async () => {
    const { admin, leaver, cases, membership } = await aanspreekpuntWithCases(1);
    const colleague = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const elsewhere = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
    await expect(removeStaff(admin, { membershipId: membership.id, handOverTo: elsewhere.userId, confirm: "on" })).rejects.toMatchObject({ fieldErrors: { handOverTo: "notAColleague" } });
    await expect(removeStaff(admin, { membershipId: membership.id, handOverTo: leaver.userId, confirm: "on" })).rejects.toMatchObject({ fieldErrors: { handOverTo: "notAColleague" } });
    // Nothing half-done after a refusal.
    expect(await prisma.membership.count({ where: { id: membership.id } })).toBe(1);
    expect((await prisma.case.findUniqueOrThrow({ where: { id: cases[0]!.id } })).assigneeId).toBe(leaver.userId);

    await removeStaff(admin, { membershipId: membership.id, handOverTo: colleague.userId, confirm: "on" });
    expect((await prisma.case.findUniqueOrThrow({ where: { id: cases[0]!.id } })).assigneeId).toBe(colleague.userId);
    expect(await prisma.timelineEntry.findFirstOrThrow({ where: { caseId: cases[0]!.id, kind: "handedOver" } })).toMatchObject({ body: colleague.name });
    expect(await prisma.staffNotification.count({ where: { userId: colleague.userId, caseId: cases[0]!.id } })).toBe(1);
  });

  it("hands the cases back to the queue when an aanspreekpunt gets another role", async () => {
    const { admin, cases, membership } = await aanspreekpuntWithCases(1);
    await changeStaffRole(admin, { membershipId: membership.id, role: "DECISION_HOLDER" });
    expect((await prisma.case.findUniqueOrThrow({ where: { id: cases[0]!.id } })).assigneeId).toBeNull();
    expect(await prisma.timelineEntry.count({ where: { caseId: cases[0]!.id, kind: "returnedToQueue" } })).toBe(1);
  });
});

describe("activation by the platform admin", () => {
  it("activates a gemeente and invites its first admin, once", async () => {
    const platform = await makeActor("PLATFORM_ADMIN");
    // The template makes every gemeente live; this one is taken back to a gemeente that has not joined yet.
    const gemeente = await prisma.gemeente.findFirstOrThrow({
      where: { cbsCode: { notIn: [DEN_HAAG, DELFT] }, endedOn: null, cases: { none: {} } },
      orderBy: { cbsCode: "desc" },
    });
    await prisma.membership.deleteMany({ where: { gemeenteId: gemeente.id } });
    await prisma.gemeente.update({ where: { id: gemeente.id }, data: { activatedAt: null } });
    const email = newAddress();
    await activateGemeente(platform, { gemeenteId: gemeente.id, adminName: "Eerste Beheerder", adminEmail: email });
    expect((await prisma.gemeente.findUniqueOrThrow({ where: { id: gemeente.id } })).activatedAt).not.toBeNull();
    expect(await prisma.staffInvitation.count({ where: { gemeenteId: gemeente.id, role: "GEMEENTE_ADMIN", email } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { actorId: platform.userId, action: "gemeente.activate", gemeenteId: gemeente.id } })).toBe(1);

    const token = await tokenFor(email);
    await createStaffAccount({ token, name: "Eerste Beheerder", password: "een lange zin als wachtwoord" }, request);
    // Now the gemeente has its admin: from here on, that admin invites.
    await expect(activateGemeente(platform, { gemeenteId: gemeente.id, adminName: "Tweede", adminEmail: newAddress() })).rejects.toMatchObject({ code: "hasManager" });
    const admin = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(await prisma.membership.count({ where: { userId: admin.id, role: "GEMEENTE_ADMIN", gemeenteId: gemeente.id } })).toBe(1);
  });

  it("activates a region's expert team and invites its first coordinator; others may not", async () => {
    const platform = await makeActor("PLATFORM_ADMIN");
    // Likewise a region whose expert team has not started: not activated, and nobody in it.
    const region = await prisma.region.findFirstOrThrow({ where: { code: { not: HAAGLANDEN }, expertTeam: { isNot: null } }, orderBy: { code: "desc" } });
    await prisma.membership.deleteMany({ where: { regionId: region.id } });
    await prisma.expertTeam.update({ where: { regionId: region.id }, data: { activatedAt: null } });
    await activateExpertTeam(platform, { regionId: region.id, coordinatorName: "Coördinator", coordinatorEmail: newAddress() });
    const team = await prisma.expertTeam.findUniqueOrThrow({ where: { regionId: region.id } });
    expect(team.activatedAt).not.toBeNull();
    expect(await prisma.auditEvent.count({ where: { actorId: platform.userId, action: "expertTeam.activate" } })).toBe(1);
    const admin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    await expect(activateExpertTeam(admin, { regionId: region.id, coordinatorName: "X", coordinatorEmail: newAddress() })).rejects.toBeInstanceOf(NotFoundError);
    await expect(activateGemeente(admin, { gemeenteId: (await ids()).delft, adminName: "X", adminEmail: newAddress() })).rejects.toBeInstanceOf(NotFoundError);
  });
});
