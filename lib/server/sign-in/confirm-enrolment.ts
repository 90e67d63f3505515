import "server-only";
import { asActor } from "@/lib/db/acting";
import type { RequestMeta } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { parseSecondFactorCode, type ConfirmEnrolmentInput } from "@/lib/domain/sign-in";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { ConflictError, DomainError } from "@/lib/server/errors";
import { signInLimiter, type SignInLimiter } from "./rate-limit";
import { newRecoveryCodes } from "./recovery-codes";
import { openSecret } from "./secret-box";
import { matchTotp } from "./totp";
import type { SigningInUser } from "./verify-second-factor";

/**
 * Setting up the app ends with a code from it, which proves that the app holds the secret.
 * Only the session that was shown the secret can confirm it. Then, in one transaction:
 * the credential counts, its code is used up, ten new recovery codes replace any old ones,
 * and the audit trail records it. The recovery codes are returned once and kept only as
 * hashes.
 */
export async function confirmEnrolment(
  who: SigningInUser & { sessionId: string },
  input: ConfirmEnrolmentInput,
  request: RequestMeta,
  limiter: SignInLimiter = signInLimiter(),
): Promise<{ recoveryCodes: string[] }> {
  const code = parseSecondFactorCode(input.code);
  if (code?.kind !== "totp") throw new DomainError("checkFields", { code: "enrolCodeFormat" });
  const ticket = await limiter.begin({ email: who.email, ip: request.ip });
  if (!ticket) throw new DomainError("tooManyAttempts");

  const credential = await prisma.twoFactorCredential.findUnique({ where: { userId: who.userId } });
  const secret =
    credential && !credential.confirmedAt && credential.enrolmentSession === who.sessionId ? openSecret(credential.secret) : null;
  if (!credential || !secret) {
    await limiter.firstFactorPassed(ticket);
    throw new ConflictError("enrolmentGone");
  }
  const step = await matchTotp(secret, code.code, credential.lastUsedStep);
  if (step === null) {
    await limiter.failed(ticket);
    throw new DomainError("checkFields", { code: "codeWrong" });
  }

  const codes = newRecoveryCodes();
  const result = await asActor({ userId: who.userId, memberships: [] }, async (tx) => {
    const confirmed = await tx.twoFactorCredential.updateMany({
      where: { userId: who.userId, confirmedAt: null, secret: credential.secret, enrolmentSession: who.sessionId },
      data: { confirmedAt: new Date(), lastUsedStep: step },
    });
    if (confirmed.count !== 1) throw new ConflictError("enrolmentGone");
    await tx.recoveryCode.deleteMany({ where: { userId: who.userId } });
    await tx.recoveryCode.createMany({ data: codes.hashes.map((codeHash) => ({ userId: who.userId, codeHash })) });
    const { sessionId: _, ...person } = who;
    await writeAudit(tx, { ...person, memberships: [], request }, {
      action: "user.enrolTwoFactor",
      role: null,
      changes: { twoFactor: { old: null, new: "app" }, recoveryCodesLeft: { old: null, new: codes.hashes.length } },
    });
    return { recoveryCodes: codes.shown };
  });
  await limiter.succeeded(ticket);
  return result;
}
