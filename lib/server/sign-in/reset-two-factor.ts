import "server-only";
import { asSystem } from "@/lib/db/acting";
import { normaliseEmail } from "@/lib/domain/invitations";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { NotFoundError } from "@/lib/server/errors";

/**
 * For a staff member who lost both their phone and their recovery codes: the app and the
 * codes are removed and every session of theirs ends. At the next sign-in they set up the
 * app again. No screen offers this yet; an operator runs `npm run user:reset-two-factor`
 * after checking who asks (decision 017). Audited as a change by the system.
 */
export async function resetTwoFactorUnsafe(email: string, reason: string): Promise<{ userId: string }> {
  return asSystem(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: normaliseEmail(email) }, select: { id: true } });
    if (!user) throw new NotFoundError();
    const removed = await tx.twoFactorCredential.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await writeAudit(tx, null, {
      action: "user.resetTwoFactor",
      role: null,
      changes: { userId: { old: user.id, new: user.id }, twoFactor: { old: removed.count > 0 ? "app" : null, new: null }, reason: { old: null, new: reason } },
    });
    return { userId: user.id };
  });
}
