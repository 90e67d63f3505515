import "server-only";
import { caseStatuses, type CaseStatus } from "@/lib/domain/case-machine";
import type { Norms } from "@/lib/domain/deadlines";
import type { Tx } from "@/lib/db/client";

/** The gemeente's own deadline norms; steps it did not set use the defaults. */
export async function loadNorms(tx: Tx, gemeenteId: string): Promise<Norms> {
  const rows = await tx.deadlineNorm.findMany({ where: { gemeenteId }, select: { status: true, workingDays: true } });
  const norms: Norms = {};
  for (const row of rows) {
    if ((caseStatuses as readonly string[]).includes(row.status)) norms[row.status as CaseStatus] = row.workingDays;
  }
  return norms;
}
