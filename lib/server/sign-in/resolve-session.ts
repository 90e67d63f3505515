import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isRole } from "@/lib/domain/roles";
import { sessionStanding, type SessionClaims } from "@/lib/domain/sign-in";

const withMemberships = { memberships: true, twoFactor: { select: { confirmedAt: true } } } as const;
export type SessionUser = Prisma.UserGetPayload<{ include: typeof withMemberships }>;

export type SignInState =
  | { kind: "signedOut" }
  /** The password was right; the app's code (or setting up the app) is still to come */
  | { kind: "needsSecondFactor"; user: SessionUser; enrolled: boolean; sessionId: string }
  | { kind: "signedIn"; user: SessionUser };

const signedOut: SignInState = { kind: "signedOut" };

/**
 * What a session cookie's claims are worth against the database as it is now: a session
 * of an older version (revoked), of a user who no longer exists, or of a staff member who
 * waited too long for the second step counts as signed out.
 */
export async function resolveSession(claims: (SessionClaims & { userId: string }) | null, now = Date.now()): Promise<SignInState> {
  if (!claims) return signedOut;
  const user = await prisma.user.findUnique({ where: { id: claims.userId }, include: withMemberships });
  if (!user) return signedOut;
  const roles = user.memberships.map((m) => m.role).filter(isRole);
  switch (sessionStanding(claims, { sessionVersion: user.sessionVersion, roles }, Math.floor(now / 1000))) {
    case "revoked":
      return signedOut;
    case "needsSecondFactor":
      if (!claims.sessionId) return signedOut;
      return { kind: "needsSecondFactor", user, enrolled: user.twoFactor?.confirmedAt != null, sessionId: claims.sessionId };
    case "signedIn":
      return { kind: "signedIn", user };
  }
}
