import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/tests/support/owner-db";
import { hashInvitationToken, invitationToken } from "@/lib/domain/invitations";
import { isRole } from "@/lib/domain/roles";
import { fileCase } from "@/lib/server/cases/file-case";
import { followCase, listMyCases } from "@/lib/server/cases/follow-case";
import { withdrawCase } from "@/lib/server/cases/withdraw-case";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/server/errors";
import { acceptInvitation, InvitationUnavailableError, StaffAccountError, WrongAccountError } from "@/lib/server/invitations/accept-invitation";
import { inviteToCase } from "@/lib/server/invitations/invite-to-case";
import { listCaseInvitations } from "@/lib/server/invitations/list-invitations";
import { readInvitationByToken } from "@/lib/server/invitations/read-invitation";
import { revokeInvitation } from "@/lib/server/invitations/revoke-invitation";
import { deliverOutbox } from "@/lib/server/notifications/deliver-outbox";
import { caseInput, DEN_HAAG, makeActor } from "../support/factories";
import { useTestSmtp } from "../support/smtp";

const SECRET = "integration-test-secret-for-invitation-links";
process.env.AUTH_SECRET = SECRET;

/** The token in the invitation mail to `recipient`, as the mail writer makes it. */
async function tokenFor(recipient: string): Promise<string> {
  const message = await prisma.outboxMessage.findFirstOrThrow({
    where: { recipient, template: "case-invitation" },
    orderBy: { createdAt: "desc" },
  });
  return invitationToken(SECRET, message.id);
}

/** The actor as the next request would see them: memberships read again from the database. */
async function reload(actor: Actor): Promise<Actor> {
  const memberships = await prisma.membership.findMany({ where: { userId: actor.userId } });
  return {
    ...actor,
    memberships: memberships.flatMap((m) => (isRole(m.role) ? [{ role: m.role, gemeenteId: m.gemeenteId, regionId: m.regionId }] : [])),
  };
}

async function caseWithSupporterInvited() {
  const parent = await makeActor("FAMILY");
  const supporter = await makeActor("FAMILY");
  const filed = await fileCase(parent, caseInput({ childName: "Geheime Naam", childBsn: "111222333", stuckDescription: "Zeer vertrouwelijke zorgdetails." }));
  const { invitationId } = await inviteToCase(parent, { caseId: filed.id, email: supporter.email, role: "CLIENT_SUPPORTER" });
  return { parent, supporter, filed, invitationId, token: await tokenFor(supporter.email) };
}

describe("inviting someone to a case", () => {
  const received = useTestSmtp();

  beforeAll(() => {
    process.env.AUTH_URL = "http://portaal.test";
  });

  afterAll(() => {
    delete process.env.AUTH_URL;
  });

  it("mails the invitee a link and nothing about the case, and keeps only the link's hash", async () => {
    const { parent, supporter, filed, invitationId, token } = await caseWithSupporterInvited();
    await deliverOutbox();

    const mails = received.filter((m) => m.to.includes(supporter.email));
    expect(mails).toHaveLength(1);
    // Quoted-printable mail bodies wrap long lines with a soft break ("=\r\n").
    const body = mails[0]!.body.replace(/=\r?\n/g, "");
    expect(body).toContain(`http://portaal.test/uitnodiging/${token}`);
    for (const secret of ["Geheime Naam", "111222333", "vertrouwelijke", filed.number, parent.name]) expect(body).not.toContain(secret);

    const stored = await prisma.caseInvitation.findUniqueOrThrow({ where: { id: invitationId } });
    expect(stored).toMatchObject({ email: supporter.email, role: "CLIENT_SUPPORTER", invitedById: parent.userId, acceptedAt: null, revokedAt: null });
    expect(stored.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    const outbox = await prisma.outboxMessage.findMany({ where: { recipient: supporter.email } });
    expect(JSON.stringify(outbox)).not.toContain(token);
    expect(outbox.every((m) => m.status === "SENT")).toBe(true);

    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: filed.id, action: "case.invite" } });
    expect(audit).toMatchObject({ actorId: parent.userId, actorRole: "FAMILY" });
    expect(JSON.stringify(audit.changes)).not.toContain(supporter.email);
  });

  it("lets the invited account join: the supporter then follows the case but cannot withdraw it", async () => {
    const { parent, supporter, filed, token } = await caseWithSupporterInvited();
    await expect(followCase(supporter, filed.number)).rejects.toBeInstanceOf(NotFoundError);

    const view = await readInvitationByToken(token, { userId: supporter.userId, email: supporter.email.toUpperCase() });
    expect(view).toEqual({ kind: "open", inviterName: parent.name, role: "CLIENT_SUPPORTER", expiresAt: expect.any(Date), forSignedInAccount: true });
    expect(JSON.stringify(view)).not.toContain(filed.number);

    const { sessionVersion: before } = await prisma.user.findUniqueOrThrow({ where: { id: supporter.userId } });
    // The new membership ends the supporter's other sessions; the one they accepted in is renewed for this version.
    expect(await acceptInvitation(supporter, { token })).toEqual({ caseNumber: filed.number, sessionVersion: before + 1 });

    const party = await prisma.caseParty.findFirstOrThrow({ where: { caseId: filed.id, userId: supporter.userId } });
    const { gemeenteId } = await prisma.case.findUniqueOrThrow({ where: { id: filed.id } });
    expect(party).toMatchObject({ role: "CLIENT_SUPPORTER", name: supporter.name, email: supporter.email, gemeenteId });
    expect(await prisma.membership.count({ where: { userId: supporter.userId, role: "PROFESSIONAL", gemeenteId: null, regionId: null } })).toBe(1);
    expect(await prisma.timelineEntry.count({ where: { caseId: filed.id, kind: "partyJoined", actorId: supporter.userId } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { caseId: filed.id, action: "case.acceptInvitation", actorId: supporter.userId, actorRole: "PROFESSIONAL" } })).toBe(1);
    expect((await prisma.caseInvitation.findFirstOrThrow({ where: { caseId: filed.id } })).acceptedById).toBe(supporter.userId);

    const joined = await reload(supporter);
    const seen = await followCase(joined, filed.number);
    expect(seen.childName).toBe("Geheime Naam");
    expect(seen.actions).not.toContain("case.withdraw");
    await expect(withdrawCase(joined, { caseId: filed.id, reason: "Ik ben de ondersteuner" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.case.findUniqueOrThrow({ where: { id: filed.id } })).status).toBe("SUBMITTED");
    expect((await followCase(parent, filed.number)).actions).toContain("case.withdraw");

    expect((await listMyCases(joined)).find((c) => c.id === filed.id)?.involvement).toBe("clientSupporter");
    expect((await listMyCases(parent)).find((c) => c.id === filed.id)?.involvement).toBe("filed");
    // A supporter may not hand out the family's rights.
    await expect(inviteToCase(joined, { caseId: filed.id, email: "tweede-ouder@voorbeeld.nl", role: "PARENT" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("shows the case to nobody else", async () => {
    const { filed, supporter, token } = await caseWithSupporterInvited();
    await acceptInvitation(supporter, { token });
    const stranger = await makeActor("FAMILY");
    const strangerProfessional = await makeActor("PROFESSIONAL");
    await expect(followCase(stranger, filed.number)).rejects.toBeInstanceOf(NotFoundError);
    await expect(followCase(strangerProfessional, filed.number)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listCaseInvitations(strangerProfessional, filed.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses a signed-in account with another e-mail address, without saying which case", async () => {
    const { filed, token } = await caseWithSupporterInvited();
    const other = await makeActor("FAMILY");
    const refused = acceptInvitation(other, { token });
    await expect(refused).rejects.toBeInstanceOf(WrongAccountError);
    await expect(refused).rejects.not.toThrow(filed.number);
    expect(await prisma.caseParty.count({ where: { caseId: filed.id } })).toBe(1);
    expect((await readInvitationByToken(token, { userId: other.userId, email: other.email }))?.kind).toBe("open");
    expect(await readInvitationByToken(token, { userId: other.userId, email: other.email })).toMatchObject({ forSignedInAccount: false });
  });

  it("refuses a staff account, even when the invitation is for its own address", async () => {
    const parent = await makeActor("FAMILY");
    const staff = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const filed = await fileCase(parent, caseInput());
    await inviteToCase(parent, { caseId: filed.id, email: staff.email, role: "PROFESSIONAL" });
    const refused = acceptInvitation(staff, { token: await tokenFor(staff.email) });
    await expect(refused).rejects.toBeInstanceOf(StaffAccountError);
    await expect(refused).rejects.toMatchObject({ code: "staffAccount" });
    expect(await prisma.caseParty.count({ where: { caseId: filed.id } })).toBe(1);
    expect(await prisma.membership.count({ where: { userId: staff.userId } })).toBe(1);
  });

  it("refuses an expired, a revoked, a used and an unknown link", async () => {
    const expired = await caseWithSupporterInvited();
    await prisma.caseInvitation.update({ where: { id: expired.invitationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(acceptInvitation(expired.supporter, { token: expired.token })).rejects.toBeInstanceOf(InvitationUnavailableError);
    expect(await readInvitationByToken(expired.token, null)).toBeNull();

    const revoked = await caseWithSupporterInvited();
    await revokeInvitation(revoked.parent, { caseId: revoked.filed.id, invitationId: revoked.invitationId });
    await revokeInvitation(revoked.parent, { caseId: revoked.filed.id, invitationId: revoked.invitationId });
    await expect(acceptInvitation(revoked.supporter, { token: revoked.token })).rejects.toBeInstanceOf(InvitationUnavailableError);
    expect(await readInvitationByToken(revoked.token, null)).toBeNull();
    expect(await prisma.auditEvent.count({ where: { caseId: revoked.filed.id, action: "case.revokeInvitation" } })).toBe(1);

    const used = await caseWithSupporterInvited();
    await acceptInvitation(used.supporter, { token: used.token });
    // The same address in other letters is another account; the link was used by the first.
    const lookalike = await prisma.user.create({
      data: { email: used.supporter.email.toUpperCase(), name: "Lijkt Erop", passwordHash: "x", memberships: { create: { role: "FAMILY" } } },
    });
    const lookalikeActor = {
      ...used.supporter,
      userId: lookalike.id,
      email: lookalike.email,
      name: lookalike.name,
      memberships: [{ role: "FAMILY" as const, gemeenteId: null, regionId: null }],
    };
    await expect(acceptInvitation(lookalikeActor, { token: used.token })).rejects.toBeInstanceOf(InvitationUnavailableError);
    expect(await readInvitationByToken(used.token, { userId: lookalike.id, email: lookalike.email })).toBeNull();
    expect(await readInvitationByToken(used.token, { userId: used.supporter.userId, email: used.supporter.email })).toEqual({
      kind: "alreadyAccepted",
      caseNumber: used.filed.number,
    });
    await expect(
      revokeInvitation(used.parent, { caseId: used.filed.id, invitationId: used.invitationId }),
    ).rejects.toBeInstanceOf(ConflictError);

    await expect(acceptInvitation(used.supporter, { token: invitationToken(SECRET, "no-such-message") })).rejects.toBeInstanceOf(
      InvitationUnavailableError,
    );
    expect(await readInvitationByToken("not-a-token", null)).toBeNull();
  });

  it("accepting twice, even at once, makes one party and one membership", async () => {
    const { filed, supporter, token } = await caseWithSupporterInvited();
    const results = await Promise.all([acceptInvitation(supporter, { token }), acceptInvitation(supporter, { token })]);
    expect(results.map((r) => r.caseNumber)).toEqual([filed.number, filed.number]);
    // Only the accept that added the membership ended the supporter's other sessions.
    expect(results.filter((r) => r.sessionVersion !== null)).toHaveLength(1);
    expect(await acceptInvitation(await reload(supporter), { token })).toEqual({ caseNumber: filed.number, sessionVersion: null });
    expect(await prisma.caseParty.count({ where: { caseId: filed.id, userId: supporter.userId } })).toBe(1);
    expect(await prisma.membership.count({ where: { userId: supporter.userId, role: "PROFESSIONAL" } })).toBe(1);
    expect(await prisma.timelineEntry.count({ where: { caseId: filed.id, kind: "partyJoined" } })).toBe(1);
  });

  it("only those on the case may invite: another family, staff and strangers get not found", async () => {
    const parent = await makeActor("FAMILY");
    const otherFamily = await makeActor("FAMILY");
    const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const filed = await fileCase(parent, caseInput());
    await fileCase(otherFamily, caseInput());
    for (const actor of [otherFamily, aanspreekpunt]) {
      await expect(inviteToCase(actor, { caseId: filed.id, email: "iemand@voorbeeld.nl", role: "CLIENT_SUPPORTER" })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    const someInvitation = await inviteToCase(parent, { caseId: filed.id, email: "iemand@voorbeeld.nl", role: "PROFESSIONAL" });
    await expect(revokeInvitation(otherFamily, { caseId: filed.id, invitationId: someInvitation.invitationId })).rejects.toBeInstanceOf(NotFoundError);
    // An invitation id of this case, through another family's own case, is not found either.
    const otherCase = await prisma.case.findFirstOrThrow({ where: { parties: { some: { userId: otherFamily.userId } } } });
    await expect(revokeInvitation(otherFamily, { caseId: otherCase.id, invitationId: someInvitation.invitationId })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await prisma.caseInvitation.count({ where: { caseId: filed.id } })).toBe(1);
  });

  it("does not invite someone who is already on the case or already invited, nor on a closed case", async () => {
    const { parent, supporter, filed } = await caseWithSupporterInvited();
    const again = inviteToCase(parent, { caseId: filed.id, email: supporter.email.toUpperCase(), role: "PROFESSIONAL" });
    await expect(again).rejects.toMatchObject({ code: "checkFields", fieldErrors: { email: "alreadyInvited" } });
    const self = inviteToCase(parent, { caseId: filed.id, email: parent.email, role: "CLIENT_SUPPORTER" });
    await expect(self).rejects.toMatchObject({ code: "checkFields", fieldErrors: { email: "alreadyParty" } });
    await expect(self).rejects.toBeInstanceOf(DomainError);

    const second = await inviteToCase(parent, { caseId: filed.id, email: "tweede-ouder@voorbeeld.nl", role: "PARENT" });
    const listed = await listCaseInvitations(parent, filed.id);
    expect(listed.invitations.map((i) => i.id)).toContain(second.invitationId);
    expect(JSON.stringify(listed)).not.toMatch(/tokenHash/);
    expect(listed.people).toEqual([expect.objectContaining({ name: parent.name, role: "PARENT", isYou: true })]);
    expect(listed.invitableRoles).toEqual(["CLIENT_SUPPORTER", "PROFESSIONAL", "PARENT"]);

    await withdrawCase(parent, { caseId: filed.id, reason: "Het is opgelost." });
    await expect(inviteToCase(parent, { caseId: filed.id, email: "laat@voorbeeld.nl", role: "CLIENT_SUPPORTER" })).rejects.toBeInstanceOf(
      ConflictError,
    );
    // An invitation sent before the case closed no longer opens it.
    await expect(acceptInvitation(supporter, { token: await tokenFor(supporter.email) })).rejects.toBeInstanceOf(InvitationUnavailableError);
  });
});
