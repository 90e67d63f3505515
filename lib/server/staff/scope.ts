import "server-only";
import type { Tx } from "@/lib/db/client";
import { managerRole, type StaffScope } from "@/lib/domain/staff-roles";

/**
 * One staff change per scope at a time, so that two admins removing each other at
 * once cannot leave a gemeente without an admin: the second waits and then counts
 * one admin.
 */
export async function lockStaffScope(tx: Tx, scope: StaffScope): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`staff:${scope.kind}:${scope.id}`}, 0))`;
}

/** How many people manage the scope now (its gemeente admins or region coordinators). */
export async function countManagers(tx: Tx, scope: StaffScope): Promise<number> {
  return tx.membership.count({ where: { role: managerRole[scope.kind], ...scopeWhere(scope) } });
}

/** The where-clause of a scope's memberships and invitations. */
export function scopeWhere(scope: StaffScope): { gemeenteId: string; regionId: null } | { gemeenteId: null; regionId: string } {
  return scope.kind === "gemeente" ? { gemeenteId: scope.id, regionId: null } : { gemeenteId: null, regionId: scope.id };
}

/** The scope exists (a gemeente that has not merged away, or a region); its name for the pages. */
export async function findScope(tx: Tx, scope: StaffScope): Promise<{ name: string } | null> {
  if (scope.kind === "gemeente") {
    const g = await tx.gemeente.findFirst({ where: { id: scope.id, endedOn: null }, select: { name: true, commonName: true } });
    return g ? { name: g.commonName ?? g.name } : null;
  }
  return tx.region.findUnique({ where: { id: scope.id }, select: { name: true } });
}
