import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import type { Permission } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { actingRole } from "./transition";

/**
 * Records that someone read a case's data (NEN 7513: every access to the
 * record), in the transaction that read it, under the role the permission of
 * the read gave them: staff through the workspace (`case.view`), the family
 * side through their own pages (`case.follow`).
 */
export async function auditCaseRead(
  tx: Tx,
  actor: Actor,
  read: { case: { id: string; number: string; gemeenteId: string }; heldRoles: readonly Role[]; permission: Permission },
): Promise<void> {
  await writeAudit(tx, actor, {
    action: "case.read",
    role: actingRole(read.heldRoles, read.permission),
    case: { id: read.case.id, number: read.case.number, gemeenteId: read.case.gemeenteId },
  });
}
