import "server-only";
import QRCode from "qrcode";
import { prisma } from "@/lib/db/client";
import { ConflictError } from "@/lib/server/errors";
import { openSecret, sealSecret } from "./secret-box";
import { newTotpSecret, totpUri } from "./totp";

export type Enrolment = {
  /** The secret in base 32, for typing into the app by hand */
  secret: string;
  /** The same, as a QR code (a data: URL of a PNG) */
  qrCode: string;
};

/**
 * What the app needs to be set up: a secret made for this session and kept until it is
 * confirmed, so that reloading the page shows the same QR code. Another session gets a
 * secret of its own, which replaces this one: whoever else knows the password never sees
 * the secret that this person's app will hold.
 */
export async function startEnrolment(who: { userId: string; email: string; sessionId: string }): Promise<Enrolment> {
  const secret = await pendingSecret(who.userId, who.sessionId);
  const qrCode = await QRCode.toDataURL(totpUri(secret, who.email), { errorCorrectionLevel: "M", margin: 2, width: 240 });
  return { secret, qrCode };
}

async function pendingSecret(userId: string, sessionId: string): Promise<string> {
  const existing = await prisma.twoFactorCredential.findUnique({ where: { userId } });
  if (existing?.confirmedAt) throw new ConflictError("alreadyEnrolled");
  // Unreadable when sealed with an AUTH_SECRET that has since changed.
  const readable = existing?.enrolmentSession === sessionId ? openSecret(existing.secret) : null;
  if (readable) return readable;

  const secret = newTotpSecret();
  const data = { secret: sealSecret(secret), enrolmentSession: sessionId, lastUsedStep: null };
  if (existing) {
    const replaced = await prisma.twoFactorCredential.updateMany({ where: { userId, confirmedAt: null }, data });
    if (replaced.count === 1) return secret;
    throw new ConflictError("alreadyEnrolled");
  }
  try {
    await prisma.twoFactorCredential.create({ data: { userId, ...data } });
    return secret;
  } catch (error) {
    // Another request made one at the same moment; look again.
    if (isUniqueViolation(error)) return pendingSecret(userId, sessionId);
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
