import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { isRole } from "@/lib/domain/roles";
import { fileCase } from "@/lib/server/cases/file-case";
import { listMyCases } from "@/lib/server/cases/follow-case";
import { openCase } from "@/lib/server/cases/open-case";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { createStaffAccount } from "@/lib/server/staff/accept-invitation";
import { changeStaffRole } from "@/lib/server/staff/change-role";
import { staffInvitationToken } from "@/lib/server/staff/invitation-mail";
import { inviteProfessional } from "@/lib/server/staff/invite-professional";
import { listStaff } from "@/lib/server/staff/list-staff";
import { readStaffInvitation } from "@/lib/server/staff/read-invitation";
import { resendStaffInvitation } from "@/lib/server/staff/resend-invitation";
import { removeStaff } from "@/lib/server/staff/remove-staff";
import { prisma } from "@/tests/support/owner-db";
import { caseInput, DELFT, DEN_HAAG, HAAGLANDEN, makeActor } from "../support/factories";

process.env.AUTH_SECRET ??= "integration-test-secret-for-professional-accounts";
const request = { ip: "127.0.0.1", userAgent: "vitest", requestId: "professional-test" };
let seq = 0;
const newAddress = () => `professional-${Date.now().toString(36)}-${++seq}@test.doorbraak.nl`;

async function ids() {
  const denHaag = await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: DEN_HAAG }, select: { id: true } });
  const haaglanden = await prisma.region.findUniqueOrThrow({ where: { code: HAAGLANDEN }, select: { id: true } });
  return { denHaag: denHaag.id, haaglanden: haaglanden.id };
}

async function entry(owner: { gemeenteId: string } | { regionId: string }, kind: string, archived = false) {
  return prisma.organisation.create({
    data: { ...owner, kind, name: `${kind} ${Date.now().toString(36)}-${++seq}`, email: "loket@test.doorbraak.nl", archivedAt: archived ? new Date() : null },
  });
}

async function tokenFor(recipient: string): Promise<string> {
  const message = await prisma.outboxMessage.findFirstOrThrow({ where: { recipient, template: "staff-invitation" }, orderBy: { createdAt: "desc" } });
  return staffInvitationToken(message.id);
}

/** The new account as a request after signing in sees it. */
async function actorOf(email: string): Promise<Actor> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    organisation: user.organisation,
    memberships: user.memberships.flatMap((m) => (isRole(m.role) ? [{ role: m.role, gemeenteId: m.gemeenteId, regionId: m.regionId }] : [])),
    request,
  };
}

async function fieldErrors(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).fieldErrors;
}

describe("professionals of leerplicht, the RMC and samenwerkingsverbanden", () => {
  it("get an account from their gemeente's admin, file for a family with consent, and see only their own case", async () => {
    const { denHaag } = await ids();
    const admin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    const leerplicht = await entry({ gemeenteId: denHaag }, "LEERPLICHT_RMC");
    const email = newAddress();
    const { invitationId } = await inviteProfessional(admin, { organisationId: leerplicht.id, name: "Sven de Wit", email });
    expect(await prisma.staffInvitation.findUniqueOrThrow({ where: { id: invitationId } })).toMatchObject({ role: "PROFESSIONAL", gemeenteId: denHaag, organisationId: leerplicht.id });
    const invited = await prisma.auditEvent.findFirstOrThrow({ where: { actorId: admin.userId, action: "staff.invite" } });
    expect(invited).toMatchObject({ gemeenteId: denHaag, actorRole: "GEMEENTE_ADMIN" });
    expect(invited.changes).toMatchObject({ role: { new: "PROFESSIONAL" }, organisationId: { old: null, new: leerplicht.id } });

    const token = await tokenFor(email);
    expect(await readStaffInvitation(token, null)).toMatchObject({ kind: "open", role: "PROFESSIONAL", organisation: leerplicht.name });
    // A professional signs in with the password, as other professionals do: no authenticator app.
    expect(await createStaffAccount({ token, name: "Sven de Wit", password: "een lange zin als wachtwoord" }, request)).toEqual({ email, secondStep: false });
    const professional = await actorOf(email);
    expect(professional.organisation).toBe(leerplicht.name);
    expect(professional.memberships).toEqual([{ role: "PROFESSIONAL", gemeenteId: denHaag, regionId: null }]);

    // The gemeente's admin sees them with their organisation among the people it manages.
    const staff = await listStaff(admin, { kind: "gemeente", id: denHaag });
    const member = staff.members.find((m) => m.userId === professional.userId);
    expect(member).toMatchObject({ role: "PROFESSIONAL", organisation: leerplicht.name });
    expect(staff.roles).not.toContain("PROFESSIONAL");

    // Someone else's case stays out of sight; their own filing, with the family's consent, is theirs to follow.
    const parent = await makeActor("FAMILY");
    const other = await fileCase(parent, caseInput());
    const filed = await fileCase(professional, caseInput({ filerRole: "PROFESSIONAL", organisation: `${leerplicht.name}, leerplichtambtenaar`, consentMethod: "PHONE" }));
    const mine = await listMyCases(professional);
    expect(mine.map((c) => c.number)).toEqual([filed.number]);
    expect(mine.map((c) => c.number)).not.toContain(other.number);
    // The membership in Den Haag makes no staff of them: the gemeente's cases stay closed.
    await expect(openCase(professional, other.number)).rejects.toBeInstanceOf(NotFoundError);

    // A professional does not become staff; the admin ends the account's membership instead.
    expect(await fieldErrors(changeStaffRole(admin, { membershipId: member!.membershipId, role: "AANSPREEKPUNT" }))).toEqual({ role: "roleNotAllowed" });
    await removeStaff(admin, { membershipId: member!.membershipId, handOverTo: "queue", confirm: "on" });
    expect(await prisma.membership.count({ where: { userId: professional.userId } })).toBe(0);
    await expect(fileCase(await actorOf(email), caseInput({ filerRole: "PROFESSIONAL", organisation: leerplicht.name, consentMethod: "PHONE" }))).rejects.toThrow();
  });

  it("come from a region's directory through its coordinator, with the membership kept in the region", async () => {
    const { haaglanden } = await ids();
    const coordinator = await makeActor("REGION_COORDINATOR", { region: HAAGLANDEN });
    const swv = await entry({ regionId: haaglanden }, "SAMENWERKINGSVERBAND");
    const email = newAddress();
    await inviteProfessional(coordinator, { organisationId: swv.id, name: "Tom Verbeek", email });
    await createStaffAccount({ token: await tokenFor(email), name: "Tom Verbeek", password: "een lange zin als wachtwoord" }, request);
    expect((await actorOf(email)).memberships).toEqual([{ role: "PROFESSIONAL", gemeenteId: null, regionId: haaglanden }]);
    expect((await listStaff(coordinator, { kind: "region", id: haaglanden })).members.map((m) => m.organisation)).toContain(swv.name);
  });

  it("are invited only from an active leerplicht or samenwerkingsverband entry of the actor's own directory", async () => {
    const { denHaag, haaglanden } = await ids();
    const admin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    const school = await entry({ gemeenteId: denHaag }, "SCHOOL");
    const archived = await entry({ gemeenteId: denHaag }, "LEERPLICHT_RMC", true);
    for (const organisationId of [school.id, archived.id]) {
      expect(await fieldErrors(inviteProfessional(admin, { organisationId, name: "Iemand", email: newAddress() }))).toEqual({ organisationId: "noProfessionalsHere" });
    }
    const leerplicht = await entry({ gemeenteId: denHaag }, "LEERPLICHT_RMC");
    const regional = await entry({ regionId: haaglanden }, "LEERPLICHT_RMC");
    const delftAdmin = await makeActor("GEMEENTE_ADMIN", { gemeente: DELFT });
    const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const coordinator = await makeActor("REGION_COORDINATOR", { region: HAAGLANDEN });
    const platform = await makeActor("PLATFORM_ADMIN");
    for (const [actor, organisationId] of [
      [delftAdmin, leerplicht.id],
      [aanspreekpunt, leerplicht.id],
      [coordinator, leerplicht.id],
      [platform, leerplicht.id],
      [admin, regional.id],
    ] as const) {
      await expect(inviteProfessional(actor, { organisationId, name: "Iemand", email: newAddress() })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await prisma.staffInvitation.count({ where: { organisationId: { in: [school.id, archived.id, leerplicht.id, regional.id] } } })).toBe(0);

    // An invitation whose organisation left the list since is not sent again.
    const { invitationId } = await inviteProfessional(admin, { organisationId: leerplicht.id, name: "Iemand", email: newAddress() });
    await prisma.organisation.update({ where: { id: leerplicht.id }, data: { archivedAt: new Date() } });
    await expect(resendStaffInvitation(admin, { invitationId })).rejects.toMatchObject({ code: "noProfessionalsHere" });
    // … and the people page offers no new link for it.
    const listed = (await listStaff(admin, { kind: "gemeente", id: denHaag })).invitations.find((i) => i.id === invitationId);
    expect(listed).toMatchObject({ resendable: false, organisation: leerplicht.name });
  });
});
