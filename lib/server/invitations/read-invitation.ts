import "server-only";
import { prisma } from "@/lib/db/client";
import { inScope } from "@/lib/db/acting";
import { anonymousScope, databaseScopeOf } from "@/lib/domain/database-scope";
import { canAccept, hashInvitationToken, isInvitableRole, isWellFormedToken, sameEmail, type InvitableRole } from "@/lib/domain/invitations";

export type InvitationView =
  | { kind: "open"; inviterName: string; role: InvitableRole | "OTHER"; expiresAt: Date; forSignedInAccount: boolean | null }
  | { kind: "alreadyAccepted"; caseNumber: string };

/**
 * What the invitation page may show to whoever holds the link: who invited
 * them and in which role, never anything about the case. The token itself is
 * the key, so this read is not scoped by a membership. A link that does not
 * work (unknown, expired, revoked, used by someone else, closed case) gives
 * null, all alike. The case number is shown only to the person who accepted.
 */
export async function readInvitationByToken(
  token: string,
  viewer: { userId: string; email: string } | null,
): Promise<InvitationView | null> {
  if (!isWellFormedToken(token)) return null;
  const tokenHash = hashInvitationToken(token);
  const scope = viewer ? databaseScopeOf(viewer.userId, []) : anonymousScope;
  const invitation = await inScope({ ...scope, invitationTokenHash: tokenHash }, (tx) => tx.caseInvitation.findUnique({
    where: { tokenHash },
    select: {
      email: true,
      role: true,
      invitedById: true,
      expiresAt: true,
      acceptedAt: true,
      acceptedById: true,
      revokedAt: true,
      case: { select: { number: true, status: true } },
    },
  }));
  if (!invitation) return null;
  if (invitation.acceptedAt) {
    return viewer && invitation.acceptedById === viewer.userId ? { kind: "alreadyAccepted", caseNumber: invitation.case.number } : null;
  }
  if (!canAccept(invitation, new Date()) || invitation.case.status === "CLOSED") return null;
  const inviter = await prisma.user.findUnique({ where: { id: invitation.invitedById }, select: { name: true } });
  const role = isInvitableRole(invitation.role) ? invitation.role : "OTHER";
  return {
    kind: "open",
    inviterName: inviter?.name ?? "",
    role,
    expiresAt: invitation.expiresAt,
    forSignedInAccount: viewer ? sameEmail(viewer.email, invitation.email) : null,
  };
}
