import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Changes } from "@/lib/domain/audit";
import type { GemeentePolicyInput } from "@/lib/domain/inputs";
import { RETENTION_DEFAULT_MONTHS, RETENTION_MAX_MONTHS, RETENTION_MIN_MONTHS } from "@/lib/domain/retention";
import { prisma } from "@/lib/db/client";
import { asActor } from "@/lib/db/acting";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { NotFoundError } from "@/lib/server/errors";
import { administeredGemeenten } from "./manage-gemeente";

/** A gemeente's privacy policy as the admin form shows it, with the default and the allowed range. */
export type GemeentePolicy = {
  /** The gemeente's own period in months, or null for the default */
  retentionMonths: number | null;
  familySeesStaffNames: boolean;
  defaultMonths: number;
  min: number;
  max: number;
};

/** The policy of every gemeente the actor administers, by gemeente id. */
export async function listManagedPolicies(actor: Actor): Promise<Record<string, GemeentePolicy>> {
  const rows = await prisma.gemeente.findMany({
    where: { id: { in: administeredGemeenten(actor) } },
    select: { id: true, retentionMonths: true, familySeesStaffNames: true },
  });
  return Object.fromEntries(
    rows.map((g) => [
      g.id,
      {
        retentionMonths: g.retentionMonths,
        familySeesStaffNames: g.familySeesStaffNames,
        defaultMonths: RETENTION_DEFAULT_MONTHS,
        min: RETENTION_MIN_MONTHS,
        max: RETENTION_MAX_MONTHS,
      },
    ]),
  );
}

/**
 * The gemeente admin sets how long closed cases keep their content and
 * whether families see staff names. The gemeente comes from the admin's own
 * memberships; the change and its audit event (old and new values) are one
 * transaction. A shorter period applies at the retention job's next run.
 */
export async function updateGemeentePolicy(actor: Actor, input: GemeentePolicyInput): Promise<void> {
  if (!administeredGemeenten(actor).includes(input.gemeenteId)) throw new NotFoundError();
  await asActor(actor, async (tx) => {
    const before = await tx.gemeente.findUnique({
      where: { id: input.gemeenteId },
      select: { id: true, retentionMonths: true, familySeesStaffNames: true },
    });
    if (!before) throw new NotFoundError();
    const changes: Changes = {};
    if (before.retentionMonths !== input.retentionMonths) changes.retentionMonths = { old: before.retentionMonths, new: input.retentionMonths };
    if (before.familySeesStaffNames !== input.familySeesStaffNames) {
      changes.familySeesStaffNames = { old: before.familySeesStaffNames, new: input.familySeesStaffNames };
    }
    await tx.gemeente.update({
      where: { id: before.id },
      data: { retentionMonths: input.retentionMonths, familySeesStaffNames: input.familySeesStaffNames },
    });
    await writeAudit(tx, actor, { action: "gemeente.updatePolicy", role: "GEMEENTE_ADMIN", gemeenteId: before.id, changes });
  });
}
