import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { caseScope } from "@/lib/db/scope";
import type { CaseStatus, Prisma } from "@/lib/generated/prisma/client";

const queueSelect = {
  id: true,
  number: true,
  status: true,
  urgency: true,
  childName: true,
  domains: true,
  deadlineAt: true,
  createdAt: true,
  assigneeId: true,
  gemeente: { select: { name: true } },
} satisfies Prisma.CaseSelect;

const PAGE_SIZE = 50;

/** Open cases of the actor's gemeente(n), soonest deadline first; optionally one status only. */
export async function listGemeenteQueue(actor: Actor, filter: { status?: CaseStatus } = {}) {
  return prisma.case.findMany({
    where: { AND: [caseScope(actor, "queue.gemeente"), filter.status ? { status: filter.status } : { status: { not: "CLOSED" } }] },
    orderBy: [{ deadlineAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    select: queueSelect,
    take: PAGE_SIZE,
  });
}

/** Open cases referred to the actor's region's expert team. */
export async function listRegionQueue(actor: Actor) {
  return prisma.case.findMany({
    where: { AND: [caseScope(actor, "queue.region"), { status: { not: "CLOSED" } }] },
    orderBy: [{ deadlineAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    select: { ...queueSelect, referrals: { orderBy: { createdAt: "desc" }, take: 1, select: { question: true } } },
    take: PAGE_SIZE,
  });
}
