import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { caseNumberPattern } from "@/lib/domain/case-number";
import { gemeenteContactSelect } from "@/lib/server/reference/directory";
import type { Tx } from "@/lib/db/client";
import { asActor } from "@/lib/db/acting";
import { findScopedCase } from "@/lib/db/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { actingRole } from "@/lib/server/cases/transition";
import { NotFoundError } from "@/lib/server/errors";
import { partyLetterContent, type LetterData } from "./letter-content";
import { renderDecisionLetter } from "./render-letter";

export type DecisionLetterFile = { fileName: string; pdf: Uint8Array };

type LetterPermission = "case.decisionLetter" | "case.partyLetter";

/**
 * The decision in force of a case the actor may reach for `permission` (the
 * latest decision that no correction replaced), as letter data. Not theirs,
 * or no decision yet, is "not found".
 */
async function letterOf(tx: Tx, actor: Actor, permission: LetterPermission, caseNumber: string) {
  if (!caseNumberPattern.test(caseNumber)) throw new NotFoundError();
  const { case: found, heldRoles } = await findScopedCase(tx, actor, permission, { number: caseNumber });
  const role = actingRole(heldRoles, permission);
  if (!role) throw new NotFoundError();
  const { decision, letter } = await letterInForce(tx, found);
  return { found, role, decision, letter };
}

/**
 * The decision in force of a case already found (the latest decision that no
 * correction replaced), as letter data; no decision yet is "not found".
 */
export async function letterInForce(tx: Tx, found: { id: string; number: string; gemeenteId: string; childName: string }) {
  const decision = await tx.decision.findFirst({
    where: { caseId: found.id, gemeenteId: found.gemeenteId, supersededBy: { is: null } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      createdAt: true,
      decidedById: true,
      legalBasis: true,
      rationale: true,
      supersedes: { select: { createdAt: true } },
      assignments: {
        orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
        select: { id: true, party: true, description: true, dueOn: true, payer: true, status: true },
      },
    },
  });
  if (!decision) throw new NotFoundError();
  const gemeente = await tx.gemeente.findUniqueOrThrow({ where: { id: found.gemeenteId }, select: gemeenteContactSelect });
  // The person who took the decision signs it, by name and function.
  const signer = await tx.user.findUnique({ where: { id: decision.decidedById }, select: { name: true } });
  const { commonName, name, ...contact } = gemeente;
  const letter: LetterData = {
    caseNumber: found.number,
    childName: found.childName,
    gemeente: { name: commonName ?? name, officialName: name, ...contact },
    decision: {
      decidedAt: decision.createdAt,
      signedBy: signer?.name ?? null,
      legalBasis: decision.legalBasis,
      rationale: decision.rationale,
      replacesDecisionOf: decision.supersedes?.createdAt ?? null,
    },
    assignments: decision.assignments,
    madeAt: new Date(),
  };
  return { decision, letter };
}

/**
 * Someone downloads the letter of a case's decision in force. The letter is
 * made and the download audited in one transaction, so the trail holds exactly
 * the letters that were handed out.
 */
export async function decisionLetter(actor: Actor, caseNumber: string): Promise<DecisionLetterFile> {
  return asActor(actor, async (tx) => {
    const { found, role, decision, letter } = await letterOf(tx, actor, "case.decisionLetter", caseNumber);
    const pdf = await renderDecisionLetter(letter);
    await writeAudit(tx, actor, {
      action: "case.decisionLetter",
      role,
      case: { id: found.id, number: found.number, gemeenteId: found.gemeenteId },
      changes: { decisionId: { old: null, new: decision.id } },
    });
    return { fileName: `besluit-${found.number}.pdf`, pdf };
  });
}

/**
 * Staff download the copy of the decision for one party: its own assignment
 * and what is expected of it, without the reasons or the other parties'
 * assignments, to send to that party. An assignment of an older, corrected
 * decision is "not found": only the decision in force is handed out.
 */
export async function partyLetter(actor: Actor, caseNumber: string, assignmentId: string): Promise<DecisionLetterFile> {
  return asActor(actor, async (tx) => {
    const { found, role, decision, letter } = await letterOf(tx, actor, "case.partyLetter", caseNumber);
    const index = decision.assignments.findIndex((a) => a.id === assignmentId);
    const assignment = letter.assignments[index];
    if (!assignment) throw new NotFoundError();
    const pdf = await renderDecisionLetter(letter, partyLetterContent(letter, assignment));
    await writeAudit(tx, actor, {
      action: "case.partyLetter",
      role,
      case: { id: found.id, number: found.number, gemeenteId: found.gemeenteId },
      changes: { decisionId: { old: null, new: decision.id }, assignmentId: { old: null, new: assignmentId } },
    });
    return { fileName: `besluit-${found.number}-opdracht-${index + 1}.pdf`, pdf };
  });
}
