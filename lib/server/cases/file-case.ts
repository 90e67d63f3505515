import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorRoles } from "@/lib/auth/actor";
import { formatCaseNumber } from "@/lib/domain/case-number";
import { deadlineFor } from "@/lib/domain/deadlines";
import type { FileCaseInput } from "@/lib/domain/inputs";
import { may } from "@/lib/domain/permissions";
import { prisma, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { DomainError, ForbiddenError } from "@/lib/server/errors";
import { enqueueForRole } from "@/lib/server/notifications/enqueue";
import { actingRole } from "./transition";

async function nextCaseNumber(tx: Tx, now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "CaseNumberCounter" (year, last) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last = "CaseNumberCounter".last + 1
    RETURNING last`;
  return formatCaseNumber(year, Number(row?.last));
}

const partyRoleOf = { PARENT: "PARENT", YOUTH: "YOUTH", PROFESSIONAL: "PROFESSIONAL" } as const;

/** A parent, youth or professional files a new escalation with the responsible gemeente. */
export async function fileCase(actor: Actor, input: FileCaseInput) {
  const roles = actorRoles(actor);
  if (!may(roles, "case.file")) throw new ForbiddenError();
  if (input.filerRole === "PROFESSIONAL" && !roles.includes("PROFESSIONAL")) throw new ForbiddenError();

  return prisma.$transaction(async (tx) => {
    const gemeente = await tx.gemeente.findUnique({ where: { cbsCode: input.gemeenteCode } });
    if (!gemeente) throw new DomainError("invalidInput", { gemeenteCode: "unknownGemeente" });

    const now = new Date();
    const role = actingRole(roles, "case.file");
    const number = await nextCaseNumber(tx, now);
    const created = await tx.case.create({
      data: {
        number,
        gemeenteId: gemeente.id,
        regionId: gemeente.regionId,
        status: "SUBMITTED",
        urgency: input.urgency,
        domains: input.domains,
        childName: input.childName,
        childBirthDate: new Date(`${input.childBirthDate}T00:00:00Z`),
        stuckSince: input.stuckSince ? new Date(`${input.stuckSince}T00:00:00Z`) : null,
        stuckDescription: input.stuckDescription,
        triedDescription: input.triedDescription,
        needDescription: input.needDescription,
        deadlineAt: deadlineFor("SUBMITTED", now),
        createdAt: now,
        parties: {
          create: {
            gemeenteId: gemeente.id,
            userId: actor.userId,
            role: partyRoleOf[input.filerRole],
            name: actor.name,
            email: actor.email,
            phone: input.contactPhone,
            organisation: input.filerRole === "PROFESSIONAL" ? input.organisation : null,
          },
        },
        timeline: {
          create: { gemeenteId: gemeente.id, kind: "filed", actorId: actor.userId, actorRole: role, createdAt: now },
        },
      },
    });
    const caseRef = { id: created.id, number, gemeenteId: gemeente.id };
    await writeAudit(tx, actor, {
      action: "case.file",
      role,
      case: caseRef,
      changes: {
        status: { old: null, new: "SUBMITTED" },
        childName: { old: null, new: input.childName },
        childBirthDate: { old: null, new: input.childBirthDate },
        urgency: { old: null, new: input.urgency },
        domains: { old: null, new: input.domains },
      },
    });
    await enqueueForRole(tx, { role: "AANSPREEKPUNT", gemeenteId: gemeente.id }, { template: "case-new", caseId: created.id, gemeenteId: gemeente.id });
    return {
      id: created.id,
      number,
      deadlineAt: created.deadlineAt,
      gemeente: { name: gemeente.name, contactName: gemeente.contactName, contactEmail: gemeente.contactEmail, contactPhone: gemeente.contactPhone },
    };
  });
}
