import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { assertMayUpdateReference } from "./reference-data";
import type { ReferenceSummary } from "./apply-reference-update";

/** The lists applied before, newest first, with who applied them (null: an operator's script). */
export async function listReferenceUpdates(actor: Actor, take = 20) {
  assertMayUpdateReference(actor);
  const updates = await prisma.referenceUpdate.findMany({
    orderBy: { appliedAt: "desc" },
    take,
    select: { id: true, fileName: true, sha256: true, validFrom: true, appliedAt: true, appliedById: true, summary: true },
  });
  const ids = [...new Set(updates.flatMap((u) => (u.appliedById ? [u.appliedById] : [])))];
  const users = await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return updates.map((u) => {
    const summary = u.summary as unknown as ReferenceSummary;
    return {
      id: u.id,
      fileName: u.fileName,
      sha256: u.sha256,
      validFrom: u.validFrom.toISOString().slice(0, 10),
      appliedAt: u.appliedAt,
      appliedBy: u.appliedById ? (nameOf.get(u.appliedById) ?? null) : null,
      counts: {
        added: summary.diff.added.length,
        renamed: summary.diff.renamed.length + summary.diff.regionsRenamed.length,
        merged: summary.diff.merged.reduce((n, m) => n + m.predecessors.length, 0),
        moved: summary.diff.moved.length,
      },
    };
  });
}
