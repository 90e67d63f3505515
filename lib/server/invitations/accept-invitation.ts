import "server-only";
import { actorRoles, type Actor } from "@/lib/auth/actor";
import { inScope, scopeOfActor } from "@/lib/db/acting";
import { lockCase } from "@/lib/db/scope";
import { canAccept, hashInvitationToken, sameEmail, type AcceptInvitationInput } from "@/lib/domain/invitations";
import { may } from "@/lib/domain/permissions";
import { partyRoleGrants } from "@/lib/domain/roles";
import type { TimelineKind } from "@/lib/domain/timeline";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { DomainError } from "@/lib/server/errors";

/**
 * The link does not work (unknown, expired, revoked, used by someone else, or
 * the case is closed). One answer for all, so the link tells nothing more.
 */
export class InvitationUnavailableError extends DomainError {
  constructor() {
    super("invitationUnavailable");
  }
}

/** The signed-in account is not the one invited; says nothing about the case. */
export class WrongAccountError extends DomainError {
  constructor(code: "wrongAccount" | "staffAccount" = "wrongAccount") {
    super(code);
  }
}

/**
 * A staff account (aanspreekpunt, expert, ombudsman, ...) holds no family or
 * professional role and may not join a case as a party: a staff member who is
 * also a parent uses a personal account for that.
 */
export class StaffAccountError extends WrongAccountError {
  constructor() {
    super("staffAccount");
  }
}

/**
 * The invited person accepts: they join the case as a party in the invited
 * role, and get the role that party grants if they did not hold it yet.
 * Accepting again, by the same person, changes nothing. A new membership ends
 * the person's sessions (decision 017); `sessionVersion` is then the version
 * that the session they accepted in can be renewed for.
 */
export async function acceptInvitation(
  actor: Actor,
  input: AcceptInvitationInput,
): Promise<{ caseNumber: string; sessionVersion: number | null }> {
  if (!may(actorRoles(actor), "case.join")) throw new StaffAccountError();
  const tokenHash = hashInvitationToken(input.token);
  return inScope({ ...scopeOfActor(actor), invitationTokenHash: tokenHash }, async (tx) => {
    // The case row first (as a transfer takes it), then the invitation row, so that two
    // accepts at once are taken one after the other and a transfer never strands the new party.
    const target = await tx.caseInvitation.findUnique({ where: { tokenHash }, select: { caseId: true } });
    if (!target) throw new InvitationUnavailableError();
    await lockCase(tx, target.caseId);
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "CaseInvitation" WHERE "tokenHash" = ${tokenHash} FOR UPDATE`;
    const id = locked[0]?.id;
    if (!id) throw new InvitationUnavailableError();
    const invitation = await tx.caseInvitation.findUniqueOrThrow({
      where: { id },
      include: { case: { select: { id: true, number: true, gemeenteId: true, status: true } } },
    });
    if (!sameEmail(actor.email, invitation.email)) throw new WrongAccountError();
    if (invitation.acceptedAt) {
      if (invitation.acceptedById === actor.userId) return { caseNumber: invitation.case.number, sessionVersion: null };
      throw new InvitationUnavailableError();
    }
    const now = new Date();
    if (!canAccept(invitation, now) || invitation.case.status === "CLOSED") throw new InvitationUnavailableError();

    const theCase = invitation.case;
    const grants = partyRoleGrants[invitation.role];
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, email: true, organisation: true } });
    const existingParty = await tx.caseParty.findFirst({
      where: { caseId: theCase.id, gemeenteId: theCase.gemeenteId, userId: actor.userId, role: invitation.role },
      select: { id: true },
    });
    const partyId =
      existingParty?.id ??
      (
        await tx.caseParty.create({
          data: {
            caseId: theCase.id,
            gemeenteId: invitation.gemeenteId,
            userId: actor.userId,
            role: invitation.role,
            name: user.name,
            email: user.email,
            organisation: user.organisation,
            contactPreference: "EMAIL",
            createdAt: now,
          },
          select: { id: true },
        })
      ).id;

    // A party row grants its role only with the party-scoped membership; serialised per user, as NULL scopes are not unique.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`membership:${actor.userId}`}, 0))`;
    const membership = await tx.membership.findFirst({
      where: { userId: actor.userId, role: grants, gemeenteId: null, regionId: null },
      select: { id: true },
    });
    let sessionVersion: number | null = null;
    if (!membership) {
      await tx.membership.create({ data: { userId: actor.userId, role: grants, gemeenteId: null, regionId: null } });
      // Raised by the membership trigger, in this transaction.
      sessionVersion = (await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { sessionVersion: true } })).sessionVersion;
    }

    await tx.caseInvitation.update({ where: { id: invitation.id }, data: { acceptedAt: now, acceptedById: actor.userId } });
    await tx.timelineEntry.create({
      data: {
        caseId: theCase.id,
        gemeenteId: theCase.gemeenteId,
        kind: "partyJoined" satisfies TimelineKind,
        visibleToFamily: true,
        actorId: actor.userId,
        actorRole: grants,
        createdAt: now,
      },
    });
    await writeAudit(tx, actor, {
      action: "case.acceptInvitation",
      role: grants,
      case: { id: theCase.id, number: theCase.number, gemeenteId: theCase.gemeenteId },
      changes: {
        invitationId: { old: null, new: invitation.id },
        partyId: { old: null, new: partyId },
        partyRole: { old: null, new: invitation.role },
        ...(membership ? {} : { membershipRole: { old: null, new: grants } }),
      },
    });
    return { caseNumber: theCase.number, sessionVersion };
  });
}
