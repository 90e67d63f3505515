import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { caseScope } from "@/lib/db/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { ForbiddenError } from "@/lib/server/errors";
import { actingRole } from "./transition";
import { actorRoles } from "@/lib/auth/actor";
import { may } from "@/lib/domain/permissions";

/** The ombudsman's national search by case number or gemeente. The search itself is audited. */
export async function searchCases(actor: Actor, query: { q?: string }) {
  const roles = actorRoles(actor);
  if (!may(roles, "case.search")) throw new ForbiddenError();
  const q = query.q?.trim() ?? "";
  const match: Prisma.CaseWhereInput = q
    ? { OR: [{ number: { equals: q.toUpperCase() } }, { gemeente: { name: { contains: q, mode: "insensitive" } } }] }
    : {};
  return prisma.$transaction(async (tx) => {
    const results = await tx.case.findMany({
      where: { AND: [caseScope(actor, "case.search"), match] },
      orderBy: { createdAt: "desc" },
      select: { id: true, number: true, status: true, createdAt: true, gemeente: { select: { name: true } }, region: { select: { name: true } } },
      take: 50,
    });
    await writeAudit(tx, actor, {
      action: "case.search",
      role: actingRole(roles, "case.search"),
      changes: { query: { old: null, new: q }, results: { old: null, new: results.length } },
    });
    return results;
  });
}
