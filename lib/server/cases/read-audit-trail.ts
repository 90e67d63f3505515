import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { chainFor } from "@/lib/domain/audit";
import { prisma } from "@/lib/db/client";
import { findScopedCase } from "@/lib/db/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { actingRole } from "./transition";

/** The ombudsman reads the audit trail of one case; the reading is recorded in that same trail. */
export async function readAuditTrail(actor: Actor, number: string) {
  return prisma.$transaction(async (tx) => {
    const { case: found, heldRoles } = await findScopedCase(tx, actor, "audit.read", { number });
    // Recorded first, so that the reader sees their own reading in the trail.
    await writeAudit(tx, actor, {
      action: "audit.read",
      role: actingRole(heldRoles, "audit.read"),
      case: { id: found.id, number: found.number, gemeenteId: found.gemeenteId },
    });
    const events = await tx.auditEvent.findMany({
      where: { chain: chainFor(found.id) },
      orderBy: { seq: "asc" },
      take: 1000,
    });
    return { case: { id: found.id, number: found.number }, events };
  });
}
