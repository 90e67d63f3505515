import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { enterScope, scopeOfActor } from "@/lib/db/acting";
import { withGemeente } from "@/lib/domain/database-scope";
import type { Role } from "@/lib/domain/roles";
import type { TimelineKind } from "@/lib/domain/timeline";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { DomainError } from "@/lib/server/errors";
import { notifyStaff } from "@/lib/server/notifications/staff";

/** A colleague who can take over: another aanspreekpunt of the same gemeente. */
export async function findColleague(tx: Tx, gemeenteId: string, colleagueId: string, leaverId: string) {
  if (colleagueId === leaverId) return null;
  const m = await tx.membership.findFirst({
    where: { userId: colleagueId, role: "AANSPREEKPUNT", gemeenteId },
    select: { user: { select: { id: true, name: true } } },
  });
  return m?.user ?? null;
}

/**
 * The open cases of an aanspreekpunt who leaves (or changes role) in one gemeente
 * go back to the queue unassigned ("nog niet opgepakt"), or to the colleague the
 * admin picked, each with a staff timeline entry and an audit event on the case's
 * own chain. Never a case stranded with someone who can no longer open it.
 *
 * A gemeente admin reaches no case data in the database (decision 016). For this
 * hand-over, which the caller has authorised against the admin's own membership,
 * the transaction reaches that one gemeente's cases (withGemeente), not every case
 * as the system scope would; it goes back to the actor's own scope afterwards.
 */
export async function handOverCases(
  tx: Tx,
  actor: Actor,
  as: Role,
  leaver: { userId: string; gemeenteId: string },
  to: "queue" | string,
): Promise<{ cases: number; colleague: { id: string; name: string } | null }> {
  const colleague = to === "queue" ? null : await findColleague(tx, leaver.gemeenteId, to, leaver.userId);
  if (to !== "queue" && !colleague) throw new DomainError("checkFields", { handOverTo: "notAColleague" });

  await enterScope(tx, withGemeente(scopeOfActor(actor), leaver.gemeenteId));
  // Locked in a fixed order, as a transfer or a claim would take them, so that nobody changes them meanwhile.
  const cases = await tx.$queryRaw<{ id: string; number: string; gemeenteId: string }[]>`
    SELECT id, number, "gemeenteId" FROM "Case"
    WHERE "assigneeId" = ${leaver.userId} AND "gemeenteId" = ${leaver.gemeenteId} AND status <> 'CLOSED'
    ORDER BY id FOR UPDATE`;
  const now = new Date();
  for (const c of cases) {
    await tx.case.update({ where: { id: c.id }, data: { assigneeId: colleague?.id ?? null, version: { increment: 1 } } });
    await tx.timelineEntry.create({
      data: {
        caseId: c.id,
        gemeenteId: c.gemeenteId,
        kind: (colleague ? "handedOver" : "returnedToQueue") satisfies TimelineKind,
        // The colleague's name, so that the staff timeline says to whom, as an assignment does.
        body: colleague?.name ?? null,
        visibleToFamily: false,
        actorId: actor.userId,
        actorRole: as,
        createdAt: now,
      },
    });
    await writeAudit(tx, actor, {
      action: "case.handOver",
      role: as,
      case: { id: c.id, number: c.number, gemeenteId: c.gemeenteId },
      changes: { assigneeId: { old: leaver.userId, new: colleague?.id ?? null } },
    });
    if (colleague) await notifyStaff(tx, [colleague.id], { kind: "caseAssigned", caseId: c.id, caseNumber: c.number, gemeenteId: c.gemeenteId });
  }
  await enterScope(tx, scopeOfActor(actor));
  return { cases: cases.length, colleague };
}
