import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { asActor } from "@/lib/db/acting";
import { prisma } from "@/lib/db/client";
import { sessionMaxAgeSeconds } from "@/lib/domain/sign-in";
import { writeAudit } from "@/lib/server/audit/write-audit";

export type SignedInSession = { userId: string; sessionId?: string; signedInAt?: number };

/**
 * Ends one session on the server: a copy of its cookie is refused from now on
 * (decision 017). The id is remembered only as long as the session could have lasted,
 * so the table holds the sign-outs of the last 8 hours and no more.
 */
export async function signOutSession(session: SignedInSession): Promise<void> {
  // Without an id or a sign-in time the session is refused anyway (sessionStanding).
  if (!session.sessionId || session.signedInAt === undefined) return;
  const expiresAt = new Date((session.signedInAt + sessionMaxAgeSeconds) * 1000);
  if (expiresAt.getTime() <= Date.now()) return;
  await prisma.revokedSession.createMany({ data: [{ id: session.sessionId, userId: session.userId, expiresAt }], skipDuplicates: true });
}

/**
 * Ends every session of the person, on every device: their session version goes up, as
 * when a membership changes. Audited, because it is what someone does who fears that
 * another has their password or an open session.
 */
export async function signOutEverywhere(actor: Actor): Promise<void> {
  await asActor(actor, async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { sessionVersion: { increment: 1 } } });
    await writeAudit(tx, actor, { action: "user.signOutEverywhere", role: null });
  });
}

/** Forgets the sign-outs of sessions that have expired by now anyway. */
export async function purgeExpiredSignOuts(now: Date = new Date()): Promise<{ removed: number }> {
  const { count } = await prisma.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
  return { removed: count };
}
