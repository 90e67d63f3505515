import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sessionStanding, type SessionClaims } from "@/lib/domain/sign-in";

const withMemberships = { memberships: true } as const;
export type SessionUser = Prisma.UserGetPayload<{ include: typeof withMemberships }>;

export type SignInState = { kind: "signedOut" } | { kind: "signedIn"; user: SessionUser };

const signedOut: SignInState = { kind: "signedOut" };

/**
 * What a session cookie's claims are worth against the database as it is now: a session
 * of an older version (revoked) or of a user who no longer exists counts as signed out.
 */
export async function resolveSession(claims: (SessionClaims & { userId: string }) | null): Promise<SignInState> {
  if (!claims) return signedOut;
  const user = await prisma.user.findUnique({ where: { id: claims.userId }, include: withMemberships });
  if (!user) return signedOut;
  return sessionStanding(claims, user) === "signedIn" ? { kind: "signedIn", user } : signedOut;
}
