import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorRoles } from "@/lib/auth/actor";
import type { FallbackInput } from "@/lib/domain/inputs";
import { may } from "@/lib/domain/permissions";
import { prisma, type Tx } from "@/lib/db/client";
import { asActor } from "@/lib/db/acting";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { ForbiddenError } from "@/lib/server/errors";

const publicFields = { name: true, email: true, phone: true, url: true, hours: true } as const;

export type NationalFallback = { name: string; email: string; phone: string | null; url: string | null; hours: string | null };

/** The national fallback as families see it, or null while no platform admin has set one. */
export function readFallback(db: Tx | typeof prisma = prisma): Promise<NationalFallback | null> {
  return db.nationalFallback.findUnique({ where: { id: 1 }, select: publicFields });
}

/** A platform admin sets where cases go when neither the gemeente nor its region works with the portal. */
export async function updateFallback(actor: Actor, input: FallbackInput): Promise<void> {
  if (!may(actorRoles(actor), "platform.configureFallback")) throw new ForbiddenError();
  await asActor(actor, async (tx) => {
    const before = await readFallback(tx);
    await tx.nationalFallback.upsert({
      where: { id: 1 },
      create: { id: 1, ...input, updatedById: actor.userId },
      update: { ...input, updatedById: actor.userId },
    });
    const fields = Object.keys(publicFields) as (keyof NationalFallback)[];
    await writeAudit(tx, actor, {
      action: "platform.updateFallback",
      role: "PLATFORM_ADMIN",
      changes: Object.fromEntries(
        fields.filter((f) => (before?.[f] ?? null) !== input[f]).map((f) => [f, { old: before?.[f] ?? null, new: input[f] }]),
      ),
    });
  });
}
