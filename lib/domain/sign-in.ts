import { z } from "@/lib/domain/zod";
import { staffRoles, type Role } from "./roles";

/**
 * The rules of signing in that hold whatever stores the counters (decision 017).
 * Failed attempts are counted per account and, more loosely, per IP address. An
 * attempt is a password or a second-factor code; a wrong one of either counts.
 */
export const signInLimits = {
  account: {
    /** Wrong passwords or codes in a row after which the account is locked */
    maxFailures: 10,
    /** Failures are forgotten this long after the first one, or at once after a complete sign-in */
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

/** Whoever holds any staff role signs in with a second factor. */
export function needsSecondFactor(roles: readonly Role[]): boolean {
  return roles.some((role) => staffRoles.includes(role));
}

/**
 * A session lasts this long from sign-in, however active it is: Auth.js renews the cookie
 * on use, so without this bound a copied cookie could be kept alive for ever, and a
 * signed-out session id would have to be remembered for ever too.
 */
export const sessionMaxAgeSeconds = 8 * 60 * 60;

/** How long a password sign-in may wait for its second factor before the password is asked again. */
export const secondFactorWaitSeconds = 30 * 60;

/** What a session cookie claims about itself. Missing fields come from cookies made before they existed. */
export type SessionClaims = {
  sessionVersion?: number;
  /** The second factor was passed when this session was made */
  secondFactor?: boolean;
  /** Seconds since 1970 when the password was checked */
  signedInAt?: number;
  /** A random id of this session: setting up the app is bound to it, and signing out refuses it */
  sessionId?: string;
};

export type SessionStanding = "revoked" | "needsSecondFactor" | "signedIn";

/**
 * What a session is worth now, from its claims and the user as the database has them.
 * A session of another version was revoked; a staff member's session without the
 * second factor opens nothing but the second step, and only for a while.
 */
export function sessionStanding(
  claims: SessionClaims,
  user: { sessionVersion: number; roles: readonly Role[]; sessionSignedOut: boolean },
  nowSeconds: number,
): SessionStanding {
  if (claims.sessionVersion !== user.sessionVersion || user.sessionSignedOut) return "revoked";
  // A session without an id or a sign-in time could be neither signed out nor aged.
  if (!claims.sessionId || claims.signedInAt === undefined || nowSeconds - claims.signedInAt > sessionMaxAgeSeconds) return "revoked";
  if (!needsSecondFactor(user.roles) || claims.secondFactor === true) return "signedIn";
  if (nowSeconds - claims.signedInAt > secondFactorWaitSeconds) return "revoked";
  return "needsSecondFactor";
}

// ───────────────────────── codes ─────────────────────────

/** Authenticator apps show 6 digits for 30 seconds (RFC 6238 with the usual parameters). */
export const totpDigits = 6;
export const totpPeriodSeconds = 30;
/** A code of the step before or after the current one is accepted too, for clocks that drift. */
export const totpToleranceSeconds = 30;

export const recoveryCodeCount = 10;
/** 16 characters of 32 (Crockford's base 32): 80 bits, too many to guess or to try offline. */
export const recoveryCodeLength = 16;
const recoveryAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";

/** A recovery code from random bytes (one per character), shown in groups of four. */
export function recoveryCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < recoveryCodeLength) throw new Error("Not enough random bytes for a recovery code");
  const chars = [...bytes.subarray(0, recoveryCodeLength)].map((b) => recoveryAlphabet[b % 32]);
  return chars.join("").match(/.{4}/g)!.join("-");
}

/** What someone typed, as a TOTP code or a recovery code; null when it is neither. */
export function parseSecondFactorCode(raw: string): { kind: "totp"; code: string } | { kind: "recovery"; code: string } | null {
  const compact = raw.replace(/[\s-]/g, "").toLowerCase();
  if (new RegExp(`^\\d{${totpDigits}}$`).test(compact)) return { kind: "totp", code: compact };
  // Crockford's reading of look-alike letters, so a code copied from paper still works.
  const recovery = compact.replace(/[il]/g, "1").replace(/o/g, "0");
  if (recovery.length === recoveryCodeLength && [...recovery].every((c) => recoveryAlphabet.includes(c))) {
    return { kind: "recovery", code: recovery };
  }
  return null;
}

export const secondFactorInput = z
  .object({
    code: z
      .string({ error: "required" })
      .trim()
      .min(1, { error: "required" })
      .max(40, { error: "codeFormat" })
      .refine((value) => parseSecondFactorCode(value) !== null, { error: "codeFormat" }),
  })
  .strict();
export type SecondFactorInput = z.infer<typeof secondFactorInput>;

/** Setting up takes a code from the app; a recovery code does not exist yet. */
export const confirmEnrolmentInput = z
  .object({
    code: z
      .string({ error: "required" })
      .trim()
      .min(1, { error: "required" })
      .max(40, { error: "enrolCodeFormat" })
      .refine((value) => parseSecondFactorCode(value)?.kind === "totp", { error: "enrolCodeFormat" }),
  })
  .strict();
export type ConfirmEnrolmentInput = z.infer<typeof confirmEnrolmentInput>;
