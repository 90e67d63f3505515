/**
 * The rules of signing in that hold whatever stores the counters (decision 017).
 * Failed attempts are counted per account and, more loosely, per IP address.
 */
export const signInLimits = {
  account: {
    /** Wrong passwords in a row after which the account is locked */
    maxFailures: 10,
    /** Failures are forgotten this long after the first one, or at once after a sign-in */
    windowSeconds: 24 * 60 * 60,
    lockSeconds: 15 * 60,
  },
  ip: {
    // Looser: a gemeente's office may sign in from one address.
    maxFailures: 100,
    windowSeconds: 60 * 60,
    lockSeconds: 60 * 60,
  },
} as const;

/** What a session cookie claims about itself. Missing fields come from cookies made before they existed. */
export type SessionClaims = {
  sessionVersion?: number;
};

export type SessionStanding = "revoked" | "signedIn";

/** What a session is worth now: a session of another version than the user's was revoked. */
export function sessionStanding(claims: SessionClaims, user: { sessionVersion: number }): SessionStanding {
  return claims.sessionVersion === user.sessionVersion ? "signedIn" : "revoked";
}
