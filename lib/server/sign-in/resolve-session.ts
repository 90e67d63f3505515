import "server-only";
import { prisma } from "@/lib/db/client";
import { isRole, type Role } from "@/lib/domain/roles";
import { sessionStanding, type SessionClaims } from "@/lib/domain/sign-in";

/** The person behind a session, as every request needs them: who, and in which roles where. */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  organisation: string | null;
  sessionVersion: number;
  memberships: { role: Role; gemeenteId: string | null; regionId: string | null }[];
  /** The authenticator app is set up and confirmed */
  twoFactorConfirmed: boolean;
  /** This session (by its id) was signed out */
  sessionSignedOut: boolean;
};

export type SignInState =
  | { kind: "signedOut" }
  /** The password was right; the app's code (or setting up the app) is still to come */
  | { kind: "needsSecondFactor"; user: SessionUser; enrolled: boolean; sessionId: string }
  | { kind: "signedIn"; user: SessionUser };

const signedOut: SignInState = { kind: "signedOut" };

type SessionRow = Omit<SessionUser, "memberships"> & { memberships: { role: string; gemeenteId: string | null; regionId: string | null }[] };

/**
 * The user with their memberships and second factor, and whether this session was signed
 * out, in one statement: every page asks this once per request (decision 018).
 */
async function sessionUser(userId: string, sessionId: string): Promise<SessionUser | null> {
  const [row] = await prisma.$queryRaw<SessionRow[]>`
    SELECT u.id, u.email, u.name, u.organisation, u."sessionVersion",
      EXISTS (SELECT 1 FROM "TwoFactorCredential" t WHERE t."userId" = u.id AND t."confirmedAt" IS NOT NULL) AS "twoFactorConfirmed",
      EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r.id = ${sessionId} AND r."userId" = u.id) AS "sessionSignedOut",
      COALESCE((SELECT json_agg(json_build_object('role', m.role, 'gemeenteId', m."gemeenteId", 'regionId', m."regionId") ORDER BY m."createdAt", m.id)
                FROM "Membership" m WHERE m."userId" = u.id), '[]'::json) AS memberships
    FROM "User" u WHERE u.id = ${userId}`;
  if (!row) return null;
  return {
    ...row,
    sessionVersion: Number(row.sessionVersion),
    memberships: row.memberships.flatMap((m) => (isRole(m.role) ? [{ role: m.role, gemeenteId: m.gemeenteId, regionId: m.regionId }] : [])),
  };
}

/**
 * What a session cookie's claims are worth against the database as it is now: a session
 * that was signed out, of an older version (revoked), older than its lifetime, of a user
 * who no longer exists, or of a staff member who waited too long for the second step
 * counts as signed out.
 */
export async function resolveSession(claims: (SessionClaims & { userId: string }) | null, now = Date.now()): Promise<SignInState> {
  if (!claims?.sessionId) return signedOut;
  const user = await sessionUser(claims.userId, claims.sessionId);
  if (!user) return signedOut;
  const roles = user.memberships.map((m) => m.role);
  switch (sessionStanding(claims, { sessionVersion: user.sessionVersion, roles, sessionSignedOut: user.sessionSignedOut }, Math.floor(now / 1000))) {
    case "revoked":
      return signedOut;
    case "needsSecondFactor":
      if (!claims.sessionId) return signedOut;
      return { kind: "needsSecondFactor", user, enrolled: user.twoFactorConfirmed, sessionId: claims.sessionId };
    case "signedIn":
      return { kind: "signedIn", user };
  }
}
