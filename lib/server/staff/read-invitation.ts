import "server-only";
import { asAnonymous } from "@/lib/db/acting";
import { hashInvitationToken, invitationState, isWellFormedToken, sameEmail } from "@/lib/domain/invitations";
import { isRole, type Role } from "@/lib/domain/roles";

export type StaffInvitationView =
  | { kind: "unknown" }
  | { kind: "expired" | "revoked" }
  | { kind: "used"; byViewer: boolean }
  | {
      kind: "open";
      name: string;
      email: string;
      role: Role;
      where: string;
      /** For a professional: the organisation they were invited from */
      organisation: string | null;
      expiresAt: Date;
      /** An account with the invited address exists: they sign in and accept */
      accountExists: boolean;
      /** null: nobody is signed in */
      forSignedInAccount: boolean | null;
    };

/**
 * What the page behind a staff invitation link shows. The link is the key, so the
 * holder may learn why it no longer works (expired, withdrawn, used) and, while it
 * works, which role in which gemeente or region it offers. A staff invitation is
 * about no case: the anonymous scope reads it (StaffInvitation, User, Gemeente and
 * Region have no row policies).
 */
export async function readStaffInvitation(token: string, viewer: { userId: string; email: string } | null): Promise<StaffInvitationView> {
  if (!isWellFormedToken(token)) return { kind: "unknown" };
  const tokenHash = hashInvitationToken(token);
  return asAnonymous(async (tx) => {
    const invitation = await tx.staffInvitation.findUnique({ where: { tokenHash } });
    if (!invitation || !isRole(invitation.role)) return { kind: "unknown" };
    const state = invitationState(invitation, new Date());
    if (state === "accepted") return { kind: "used", byViewer: viewer !== null && invitation.acceptedById === viewer.userId };
    if (state !== "open") return { kind: state };
    const gemeente = invitation.gemeenteId
      ? await tx.gemeente.findUnique({ where: { id: invitation.gemeenteId }, select: { name: true, commonName: true } })
      : null;
    const region = invitation.regionId ? await tx.region.findUnique({ where: { id: invitation.regionId }, select: { name: true } }) : null;
    const organisation = invitation.organisationId
      ? await tx.organisation.findUnique({ where: { id: invitation.organisationId }, select: { name: true } })
      : null;
    const account = await tx.user.findFirst({ where: { email: { equals: invitation.email, mode: "insensitive" } }, select: { id: true } });
    return {
      kind: "open",
      name: invitation.name,
      email: invitation.email,
      role: invitation.role,
      where: gemeente ? (gemeente.commonName ?? gemeente.name) : (region?.name ?? ""),
      organisation: organisation?.name ?? null,
      expiresAt: invitation.expiresAt,
      accountExists: account !== null,
      forSignedInAccount: viewer ? sameEmail(viewer.email, invitation.email) : null,
    };
  });
}
