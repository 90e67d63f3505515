import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { asActor } from "@/lib/db/acting";
import { findScopedCase } from "@/lib/db/scope";
import { invitationState, rolesInvitableBy } from "@/lib/domain/invitations";
import { may } from "@/lib/domain/permissions";
import { ForbiddenError } from "@/lib/server/errors";

/**
 * Who is on a case and who was invited but has not joined yet, for those who
 * may invite. Never the token hashes; e-mail addresses only of invitations,
 * as the inviter typed them.
 */
export async function listCaseInvitations(actor: Actor, caseId: string) {
  const { case: found, heldRoles } = await asActor(actor, (tx) => findScopedCase(tx, actor, "case.invite", { id: caseId }));
  if (!may(heldRoles, "case.invite")) throw new ForbiddenError();
  const now = new Date();
  const [parties, invitations] = await Promise.all([
    asActor(actor, (tx) => tx.caseParty.findMany({
      where: { caseId: found.id, gemeenteId: found.gemeenteId },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, role: true, organisation: true, userId: true },
    })),
    asActor(actor, (tx) => tx.caseInvitation.findMany({
      where: { caseId: found.id, gemeenteId: found.gemeenteId, acceptedAt: null, revokedAt: null },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { id: true, email: true, role: true, createdAt: true, expiresAt: true, acceptedAt: true, revokedAt: true },
    })),
  ]);
  return {
    caseOpen: found.status !== "CLOSED",
    invitableRoles: rolesInvitableBy(heldRoles),
    people: parties.map((p) => ({ id: p.id, name: p.name, role: p.role, organisation: p.organisation, isYou: p.userId === actor.userId })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      createdAt: i.createdAt,
      expiresAt: i.expiresAt,
      state: invitationState(i, now),
    })),
  };
}

export type CaseInvitations = Awaited<ReturnType<typeof listCaseInvitations>>;
