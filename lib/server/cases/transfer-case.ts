import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { TransferCaseInput } from "@/lib/domain/inputs";
import { checkTransfer } from "@/lib/domain/transfer";
import { prisma } from "@/lib/db/client";
import { asActor, asSystem, enterScope, scopeOfActor } from "@/lib/db/acting";
import { withGemeente } from "@/lib/domain/database-scope";
import { DomainError } from "@/lib/server/errors";
import { enqueueEmails } from "@/lib/server/notifications/enqueue";
import { notifyStaff, staffWithRole } from "@/lib/server/notifications/staff";
import { moveCaseRows } from "./move-case-rows";
import { applyAction, loadForAction } from "./transition";

/**
 * The aanspreekpunt hands the case to the gemeente that is responsible after
 * all. In one transaction: the case and all its rows move, the assignee is
 * cleared, status and deadline stay (the clock keeps running), the transfer is
 * counted and recorded, and the new gemeente's aanspreekpunten are told. From
 * then on the old gemeente's staff no longer reach the case.
 */
export async function transferCase(actor: Actor, input: TransferCaseInput): Promise<{ toGemeente: string }> {
  return asActor(actor, async (tx) => {
    const loaded = await loadForAction(tx, actor, "case.transfer", input.caseId);
    const current = loaded.case;
    const target = await tx.gemeente.findUnique({
      where: { cbsCode: input.toGemeenteCode },
      select: { id: true, cbsCode: true, name: true, commonName: true, regionId: true, endedOn: true, region: { select: { code: true } } },
    });
    // A gemeente that merged into another takes no cases any more.
    if (!target || target.endedOn) throw new DomainError("checkFields", { toGemeenteCode: "unknownGemeente" });
    const history = await tx.caseTransfer.findMany({
      where: { caseId: current.id },
      select: { fromGemeenteId: true, toGemeenteId: true },
    });
    const verdict = checkTransfer({
      currentGemeenteId: current.gemeenteId,
      targetGemeenteId: target.id,
      history,
      transferCount: current.transferCount,
      reason: input.transferReason,
      expertAgreement: input.expertAgreement,
    });
    if (!verdict.ok) throw new DomainError("checkFields", { [verdict.field]: verdict.error });
    // The move is allowed: for the rest of this transaction the database lets the actor write in the new gemeente too.
    await enterScope(tx, withGemeente(scopeOfActor(actor), target.id));
    // Codes rather than ids in the audit trail, so that a reader sees where the case went. The
    // reason is free text (it may describe the family) and stays in the CaseTransfer row, out of the trail.
    const from = await tx.gemeente.findUniqueOrThrow({
      where: { id: current.gemeenteId },
      select: { cbsCode: true, region: { select: { code: true } } },
    });

    // First the conditional update of the case: it takes the row lock, so a concurrent action on this case waits and then loses.
    await applyAction(tx, actor, loaded, "case.transfer", {
      data: { gemeenteId: target.id, regionId: target.regionId, assigneeId: null, transferCount: { increment: 1 } },
      timeline: { kind: "transferred", body: input.transferReason, visibleToFamily: true },
      changes: {
        gemeente: { old: from.cbsCode, new: target.cbsCode },
        region: { old: from.region?.code ?? null, new: target.region?.code ?? null },
        assigneeId: { old: current.assigneeId, new: null },
        transferCount: { old: current.transferCount, new: current.transferCount + 1 },
      },
    });
    await moveCaseRows(tx, [current.id], target.id);
    await tx.caseTransfer.create({
      data: {
        caseId: current.id,
        fromGemeenteId: current.gemeenteId,
        toGemeenteId: target.id,
        reason: input.transferReason,
        expertAgreement: input.expertAgreement,
        transferredById: actor.userId,
      },
    });

    const notice = { caseId: current.id, caseNumber: current.number, gemeenteId: target.id };
    await notifyStaff(tx, await staffWithRole(tx, { role: "AANSPREEKPUNT", gemeenteId: target.id }), { kind: "caseNew", ...notice });
    // The family hears that their case changed (never what); their page names the new gemeente.
    const parties = await tx.caseParty.findMany({
      where: { caseId: current.id, gemeenteId: target.id, email: { not: null }, OR: [{ userId: null }, { userId: { not: actor.userId } }] },
      select: { email: true },
    });
    await enqueueEmails(tx, parties.flatMap((p) => (p.email ? [p.email] : [])), { template: "case-updated", caseId: current.id, gemeenteId: target.id });
    return { toGemeente: target.commonName ?? target.name };
  });
}

/**
 * For the confirmation after a transfer: the latest transfer of this case that
 * the actor made. The actor no longer reaches the case itself; this says only
 * where it went, and only to the person who sent it there.
 */
export async function findOwnTransfer(actor: Actor, number: string): Promise<{ number: string; toGemeente: string } | null> {
  // The case is out of the actor's reach now, so the database would hide the transfer row; this
  // one read runs as the portal, and the where-clause keeps it to the actor's own transfers.
  const transfer = await asSystem((tx) => tx.caseTransfer.findFirst({
    where: { transferredById: actor.userId, case: { number } },
    orderBy: { createdAt: "desc" },
    select: { toGemeenteId: true },
  }));
  if (!transfer) return null;
  const gemeente = await prisma.gemeente.findUnique({ where: { id: transfer.toGemeenteId }, select: { name: true, commonName: true } });
  return gemeente ? { number, toGemeente: gemeente.commonName ?? gemeente.name } : null;
}
