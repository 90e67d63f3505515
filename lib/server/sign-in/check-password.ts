import "server-only";
import { timingDummyHash, verifyPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db/client";
import type { SignInInput } from "@/lib/domain/inputs";
import { isRole } from "@/lib/domain/roles";
import { needsSecondFactor } from "@/lib/domain/sign-in";
import { signInLimiter, type SignInLimiter } from "./rate-limit";

export type PasswordCheck =
  | { ok: true; user: { id: string; name: string; email: string; sessionVersion: number; needsSecondFactor: boolean } }
  /** "wrong" for a wrong password and for an unknown address alike; "locked" after too many failures */
  | { ok: false; reason: "wrong" | "locked" };

/**
 * The first step of signing in. Every attempt is counted before the password is looked
 * at, per account and per address, so that a burst of guesses at once is held to the
 * limit too. A locked account is refused without checking the password; an unknown
 * address is counted and locked the same way, so the answers never tell whether an
 * account exists.
 */
export async function checkPassword(input: SignInInput, ip: string | null, limiter: SignInLimiter = signInLimiter()): Promise<PasswordCheck> {
  const ticket = await limiter.begin({ email: input.email, ip });
  if (!ticket) return { ok: false, reason: "locked" };
  const user = await prisma.user.findUnique({ where: { email: input.email }, include: { memberships: { select: { role: true } } } });
  const ok = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), input.password);
  if (!user || !ok) {
    await limiter.failed(ticket);
    return { ok: false, reason: "wrong" };
  }
  const staff = needsSecondFactor(user.memberships.map((m) => m.role).filter(isRole));
  // A staff member is not signed in until the second factor: their earlier failures stay counted.
  if (staff) await limiter.firstFactorPassed(ticket);
  else await limiter.succeeded(ticket);
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion, needsSecondFactor: staff } };
}
