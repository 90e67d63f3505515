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
