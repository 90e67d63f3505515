import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { caseScope, findScopedCase } from "@/lib/db/scope";
import { availableActions } from "@/lib/domain/case-machine";

/** The cases a parent, youth or professional filed or is a party to. */
export async function listMyCases(actor: Actor) {
  return prisma.case.findMany({
    where: caseScope(actor, "case.follow"),
    orderBy: { createdAt: "desc" },
    select: { id: true, number: true, status: true, childName: true, createdAt: true, deadlineAt: true, gemeente: { select: { name: true } } },
    take: 100,
  });
}

/**
 * The family's view of their case: only what is meant for them (timeline
 * entries marked visible, the decisions and their assignments), never
 * internal notes.
 */
export async function followCase(actor: Actor, number: string) {
  const { case: found, heldRoles } = await findScopedCase(prisma, actor, "case.follow", { number });
  const detail = await prisma.case.findUniqueOrThrow({
    where: { id: found.id },
    select: {
      id: true,
      number: true,
      status: true,
      result: true,
      childName: true,
      createdAt: true,
      deadlineAt: true,
      domains: true,
      urgency: true,
      gemeente: { select: { name: true, contactName: true, contactEmail: true, contactPhone: true } },
      timeline: { where: { visibleToFamily: true }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, createdAt: true } },
      decisions: {
        where: { supersededBy: null },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          createdAt: true,
          legalBasis: true,
          rationale: true,
          assignments: { orderBy: { dueOn: "asc" }, select: { id: true, party: true, description: true, dueOn: true, payer: true, status: true } },
        },
      },
    },
  });
  const openQuestion = await prisma.informationRequest.findFirst({
    where: { caseId: found.id, gemeenteId: found.gemeenteId, answeredAt: null },
    orderBy: { askedAt: "desc" },
    select: { question: true, askedAt: true },
  });
  return { ...detail, openQuestion, actions: availableActions(detail.status, heldRoles) };
}
