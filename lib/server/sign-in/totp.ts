import "server-only";
import { generateSecret, generateURI, verify } from "otplib";
import { totpDigits, totpPeriodSeconds, totpToleranceSeconds } from "@/lib/domain/sign-in";
import type { Tx } from "@/lib/db/client";
import { prisma } from "@/lib/db/client";

export function newTotpSecret(): string {
  // 20 bytes (160 bits), as RFC 4226 recommends; base 32, as authenticator apps expect.
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, accountName: string): string {
  return generateURI({ issuer: "Doorbraak", label: accountName, secret, digits: totpDigits, period: totpPeriodSeconds });
}

/**
 * The time step of a code that is right now and newer than the last one used, or null.
 * A step at or before `lastUsedStep` is never accepted: a code works once.
 */
export async function matchTotp(secret: string, code: string, lastUsedStep: number | null): Promise<number | null> {
  try {
    const result = await verify({
      secret,
      token: code,
      digits: totpDigits,
      period: totpPeriodSeconds,
      epochTolerance: totpToleranceSeconds,
      afterTimeStep: lastUsedStep ?? undefined,
    });
    // otplib's result type covers HOTP too; a TOTP match always carries its time step.
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    // A last used step beyond the current window (a clock that went back) leaves no code to accept.
    return null;
  }
}

/**
 * Records `step` as used, if no other request used it or a later one first: of two
 * requests with the same code at the same moment (two app instances), one wins.
 */
export async function claimTotpStep(db: Tx | typeof prisma, userId: string, step: number): Promise<boolean> {
  const claimed = await db.twoFactorCredential.updateMany({
    where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
    data: { lastUsedStep: step },
  });
  return claimed.count === 1;
}
