import "server-only";
import { z } from "@/lib/domain/zod";
import type { Actor } from "@/lib/auth/actor";
import type { Changes } from "@/lib/domain/audit";
import { stateNorms } from "@/lib/domain/case-machine";
import { clockStatuses, MAX_NORM_WORKING_DAYS, MIN_NORM_WORKING_DAYS, type ClockStatus } from "@/lib/domain/deadlines";
import { permissions } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/roles";
import { prisma } from "@/lib/db/client";
import { asActor } from "@/lib/db/acting";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { NotFoundError } from "@/lib/server/errors";

/**
 * A gemeente's own deadline norms. A changed norm applies to cases that enter
 * the step from then on: a running clock keeps the deadline it started with
 * (decision 010).
 */

/** Empty means "use the default"; otherwise whole working days within the allowed range. Error keys are in `deadlines.errors`. */
const normValue = z
  .string({ error: "normRange" })
  .trim()
  .refine((v) => v === "" || /^\d{1,3}$/.test(v), { error: "normWhole" })
  .transform((v) => (v === "" ? null : Number(v)))
  .refine((v) => v === null || (v >= MIN_NORM_WORKING_DAYS && v <= MAX_NORM_WORKING_DAYS), { error: "normRange" });

export const gemeenteNormsInput = z
  .object({
    gemeenteId: z.string().min(1).max(40),
    ...(Object.fromEntries(clockStatuses.map((s) => [s, normValue])) as Record<ClockStatus, typeof normValue>),
  })
  .strict();
export type GemeenteNormsInput = z.infer<typeof gemeenteNormsInput>;

/** Per step with a clock: the gemeente's own norm (null: none, the default applies) and the default; and the allowed range. */
export type GemeenteNorms = {
  steps: { status: ClockStatus; own: number | null; standard: number }[];
  min: number;
  max: number;
};

/** The gemeenten the actor administers, from their own memberships (never from the request). */
function administeredGemeenten(actor: Actor): string[] {
  const allowed: readonly Role[] = permissions["gemeente.manage"];
  return actor.memberships.flatMap((m) => (allowed.includes(m.role) && m.gemeenteId ? [m.gemeenteId] : []));
}

/** The norms of every gemeente the actor administers, by gemeente id. */
export async function listManagedNorms(actor: Actor): Promise<Record<string, GemeenteNorms>> {
  const gemeenteIds = administeredGemeenten(actor);
  const rows = await prisma.deadlineNorm.findMany({
    where: { gemeenteId: { in: gemeenteIds } },
    select: { gemeenteId: true, status: true, workingDays: true },
  });
  return Object.fromEntries(
    gemeenteIds.map((gemeenteId) => [
      gemeenteId,
      {
        steps: clockStatuses.map((status) => ({
          status,
          own: rows.find((r) => r.gemeenteId === gemeenteId && r.status === status)?.workingDays ?? null,
          standard: stateNorms[status],
        })),
        min: MIN_NORM_WORKING_DAYS,
        max: MAX_NORM_WORKING_DAYS,
      },
    ]),
  );
}

/** The gemeente admin sets the norm of each step, or puts it back to the default. */
export async function updateGemeenteNorms(actor: Actor, input: GemeenteNormsInput): Promise<void> {
  if (!administeredGemeenten(actor).includes(input.gemeenteId)) throw new NotFoundError();
  await asActor(actor, async (tx) => {
    const gemeente = await tx.gemeente.findUnique({ where: { id: input.gemeenteId }, select: { id: true } });
    if (!gemeente) throw new NotFoundError();
    const before = await tx.deadlineNorm.findMany({ where: { gemeenteId: gemeente.id }, select: { status: true, workingDays: true } });
    const changes: Changes = {};
    for (const status of clockStatuses) {
      const old = before.find((r) => r.status === status)?.workingDays ?? null;
      const next = input[status];
      if (old === next) continue;
      changes[`norm_${status}`] = { old, new: next };
      if (next === null) {
        await tx.deadlineNorm.deleteMany({ where: { gemeenteId: gemeente.id, status } });
      } else {
        await tx.deadlineNorm.upsert({
          where: { gemeenteId_status: { gemeenteId: gemeente.id, status } },
          create: { gemeenteId: gemeente.id, status, workingDays: next },
          update: { workingDays: next },
        });
      }
    }
    await writeAudit(tx, actor, { action: "gemeente.updateNorms", role: "GEMEENTE_ADMIN", gemeenteId: gemeente.id, changes });
  });
}
