import "server-only";
import type { Actor, RequestMeta } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import type { Tx } from "@/lib/db/client";
import { asActor, asAnonymous, enterScope } from "@/lib/db/acting";
import { databaseScopeOf } from "@/lib/domain/database-scope";
import { invitationState, sameEmail } from "@/lib/domain/invitations";
import { isRole, staffRoles, type Membership, type Role } from "@/lib/domain/roles";
import type { AcceptStaffInvitationInput, CreateStaffAccountInput } from "@/lib/domain/staff-inputs";
import { makesLive } from "@/lib/domain/staff-roles";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { routeWaitingCases } from "@/lib/server/coverage/route-waiting";
import { DomainError } from "@/lib/server/errors";
import { WrongAccountError } from "@/lib/server/invitations/accept-invitation";
import { isGuessablePassword } from "@/lib/server/users/password-strength";
import { hashInvitationToken } from "@/lib/domain/invitations";

/** Why a link does not work, each with its own plain message on the page and in the form. */
export class StaffInvitationUnusableError extends DomainError {
  constructor(readonly reason: "unknown" | "expired" | "revoked" | "used") {
    super(reason === "unknown" ? "invitationUnavailable" : `staffInvitation_${reason}`);
  }
}

async function lockInvitation(tx: Tx, token: string) {
  const tokenHash = hashInvitationToken(token);
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "StaffInvitation" WHERE "tokenHash" = ${tokenHash} FOR UPDATE`;
  if (!row) throw new StaffInvitationUnusableError("unknown");
  const invitation = await tx.staffInvitation.findUniqueOrThrow({ where: { id: row.id } });
  if (!isRole(invitation.role)) throw new StaffInvitationUnusableError("unknown");
  return { ...invitation, role: invitation.role };
}

type Invitation = Awaited<ReturnType<typeof lockInvitation>>;

/**
 * Gives the invited person the membership, marks the link used, audits it as the
 * person's own act and hands waiting cases on if this makes the scope live.
 */
async function grantMembership(tx: Tx, person: Actor, invitation: Invitation): Promise<void> {
  const scope = { role: invitation.role, gemeenteId: invitation.gemeenteId, regionId: invitation.regionId };
  const existing = await tx.membership.findFirst({ where: { userId: person.userId, ...scope }, select: { id: true } });
  const membership = existing ?? (await tx.membership.create({ data: { userId: person.userId, ...scope }, select: { id: true } }));
  const now = new Date();
  await tx.staffInvitation.update({ where: { id: invitation.id }, data: { acceptedAt: now, acceptedById: person.userId } });
  await writeAudit(tx, person, {
    action: "staff.acceptInvitation",
    role: invitation.role,
    gemeenteId: invitation.gemeenteId,
    changes: {
      invitationId: { old: null, new: invitation.id },
      membershipId: { old: null, new: membership.id },
      role: { old: null, new: invitation.role },
      regionId: { old: null, new: invitation.regionId },
    },
  });
  if (makesLive(invitation.role)) {
    await routeWaitingCases(tx, person, {
      gemeenteIds: invitation.gemeenteId ? [invitation.gemeenteId] : [],
      regionIds: invitation.regionId ? [invitation.regionId] : [],
    });
  }
}

/**
 * People are shown with their organisation (timeline, access log): a professional's is
 * the directory entry they were invited from; staff's the gemeente or the expert team they join.
 */
async function organisationOf(tx: Tx, invitation: Invitation): Promise<string | null> {
  if (invitation.organisationId) {
    const entry = await tx.organisation.findUnique({ where: { id: invitation.organisationId }, select: { name: true } });
    if (entry) return entry.name;
  }
  if (invitation.gemeenteId) {
    const g = await tx.gemeente.findUnique({ where: { id: invitation.gemeenteId }, select: { name: true, commonName: true } });
    return g ? `Gemeente ${g.commonName ?? g.name}` : null;
  }
  if (invitation.regionId) {
    const r = await tx.region.findUnique({ where: { id: invitation.regionId }, select: { name: true, expertTeam: { select: { name: true } } } });
    return r ? (r.expertTeam?.name ?? `Expertteam ${r.name}`) : null;
  }
  return null;
}

function usable(invitation: Invitation, personId: string | null): "open" | "again" {
  const state = invitationState(invitation, new Date());
  if (state === "accepted") {
    if (personId && invitation.acceptedById === personId) return "again";
    throw new StaffInvitationUnusableError("used");
  }
  if (state !== "open") throw new StaffInvitationUnusableError(state);
  return "open";
}

/**
 * Someone with an account, signed in with the invited address, accepts. The new
 * membership ends their sessions (decision 017); `sessionVersion` is the version the
 * current session may be renewed for. Accepting twice changes nothing.
 * asActor: the tables touched have no row policies; the audit event is the person's own.
 */
export async function acceptStaffInvitation(actor: Actor, input: AcceptStaffInvitationInput): Promise<{ sessionVersion: number | null }> {
  return asActor(actor, async (tx) => {
    const invitation = await lockInvitation(tx, input.token);
    if (usable(invitation, actor.userId) === "again") return { sessionVersion: null };
    if (!sameEmail(actor.email, invitation.email)) throw new WrongAccountError();
    await grantMembership(tx, actor, invitation);
    const { sessionVersion } = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { sessionVersion: true } });
    return { sessionVersion };
  });
}

/**
 * A new person makes their account from the link: their name and a password (the
 * registration's strength rules), the invitation's address, and the membership, in one
 * transaction. Staff then sign in and set up their authenticator app, as any staff
 * account without one does (`secondStep`); a professional signs in with the password, as
 * other professionals do. Starts anonymous (like registering) and acts as the new person
 * from the moment they exist, for their own audit event.
 */
export async function createStaffAccount(input: CreateStaffAccountInput, request: RequestMeta): Promise<{ email: string; secondStep: boolean }> {
  const tokenHash = hashInvitationToken(input.token);
  const peek = await asAnonymous((tx) => tx.staffInvitation.findUnique({ where: { tokenHash }, select: { email: true } }));
  if (!peek) throw new StaffInvitationUnusableError("unknown");
  if (isGuessablePassword(input.password, [input.name, peek.email])) throw new DomainError("checkFields", { password: "passwordTooCommon" });
  const passwordHash = await hashPassword(input.password);
  return asAnonymous(async (tx) => {
    const invitation = await lockInvitation(tx, input.token);
    usable(invitation, null);
    const taken = await tx.user.findFirst({ where: { email: { equals: invitation.email, mode: "insensitive" } }, select: { id: true } });
    if (taken) throw new DomainError("staffInvitationSignIn");
    const user = await tx.user.create({
      data: { name: input.name, email: invitation.email.toLowerCase(), passwordHash, organisation: await organisationOf(tx, invitation) },
    });
    const memberships: Membership[] = [{ role: invitation.role as Role, gemeenteId: invitation.gemeenteId, regionId: invitation.regionId }];
    const person: Actor = { userId: user.id, name: user.name, email: user.email, organisation: null, memberships, request };
    await enterScope(tx, databaseScopeOf(user.id, memberships));
    await writeAudit(tx, person, { action: "user.register", role: invitation.role, changes: { userId: { old: null, new: user.id } } });
    await grantMembership(tx, person, invitation);
    return { email: user.email, secondStep: staffRoles.includes(invitation.role) };
  });
}
