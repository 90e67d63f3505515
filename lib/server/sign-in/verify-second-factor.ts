import "server-only";
import { asActor } from "@/lib/db/acting";
import type { RequestMeta } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { parseSecondFactorCode, type SecondFactorInput } from "@/lib/domain/sign-in";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { DomainError } from "@/lib/server/errors";
import { signInLimiter, type SignInLimiter } from "./rate-limit";
import { hashRecoveryCode } from "./recovery-codes";
import { openSecret } from "./secret-box";
import { claimTotpStep, matchTotp } from "./totp";

/** The person whose password was right and who now gives the second factor. */
export type SigningInUser = { userId: string; name: string; email: string; organisation: string | null };

/**
 * The second step of signing in: a code from the app, or one of the recovery codes.
 * Each attempt counts toward the same limit as the password. A code is accepted once:
 * its time step is recorded, and a recovery code is marked as used, both in a single
 * conditional update so that two requests at the same moment cannot both succeed.
 */
export async function verifySecondFactor(
  who: SigningInUser,
  input: SecondFactorInput,
  request: RequestMeta,
  limiter: SignInLimiter = signInLimiter(),
): Promise<{ usedRecoveryCode: boolean }> {
  const code = parseSecondFactorCode(input.code);
  if (!code) throw new DomainError("checkFields", { code: "codeFormat" });
  const ticket = await limiter.begin({ email: who.email, ip: request.ip });
  if (!ticket) throw new DomainError("tooManyAttempts");

  const accepted = code.kind === "totp" ? await acceptTotp(who.userId, code.code) : await acceptRecoveryCode(who, code.code, request);
  if (!accepted) {
    await limiter.failed(ticket);
    throw new DomainError("checkFields", { code: "codeWrong" });
  }
  await limiter.succeeded(ticket);
  return { usedRecoveryCode: code.kind === "recovery" };
}

async function acceptTotp(userId: string, code: string): Promise<boolean> {
  const credential = await prisma.twoFactorCredential.findUnique({ where: { userId } });
  if (!credential?.confirmedAt) return false;
  const secret = openSecret(credential.secret);
  if (!secret) return false;
  const step = await matchTotp(secret, code, credential.lastUsedStep);
  return step !== null && (await claimTotpStep(prisma, userId, step));
}

async function acceptRecoveryCode(who: SigningInUser, code: string, request: RequestMeta): Promise<boolean> {
  // The person acts for their own audit event (row-level security, decision 016).
  return asActor({ userId: who.userId, memberships: [] }, async (tx) => {
    const used = await tx.recoveryCode.updateMany({
      where: { userId: who.userId, codeHash: hashRecoveryCode(code), usedAt: null, user: { twoFactor: { confirmedAt: { not: null } } } },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) return false;
    const left = await tx.recoveryCode.count({ where: { userId: who.userId, usedAt: null } });
    await writeAudit(tx, { ...who, memberships: [], request }, {
      action: "user.useRecoveryCode",
      role: null,
      changes: { recoveryCodesLeft: { old: left + 1, new: left } },
    });
    return true;
  });
}
