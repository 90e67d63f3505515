import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Which directory entries a gemeente's cases may name (decision 039): the
 * gemeente's own and those of its jeugdregio. Active or not: callers add
 * `archivedAt: null` where only active ones count.
 */
export function directoryOfGemeente(gemeenteId: string, regionId: string | null): Prisma.OrganisationWhereInput {
  return { OR: [{ gemeenteId }, ...(regionId ? [{ regionId }] : [])] };
}
