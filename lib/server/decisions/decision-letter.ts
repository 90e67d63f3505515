import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { caseNumberPattern } from "@/lib/domain/case-number";
import { gemeenteContactSelect } from "@/lib/server/reference/directory";
import { asActor } from "@/lib/db/acting";
import { findScopedCase } from "@/lib/db/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { actingRole } from "@/lib/server/cases/transition";
import { NotFoundError } from "@/lib/server/errors";
import type { LetterData } from "./letter-content";
import { renderDecisionLetter } from "./render-letter";

export type DecisionLetterFile = { fileName: string; pdf: Uint8Array };

/**
 * Someone downloads the letter of a case's decision in force: the latest
 * decision that no correction replaced. Only reachable through a case the
 * actor may see; not theirs, or no decision yet, answers "not found". The
 * letter is made and the download audited in one transaction, so the trail
 * holds exactly the letters that were handed out.
 */
export async function decisionLetter(actor: Actor, caseNumber: string): Promise<DecisionLetterFile> {
  if (!caseNumberPattern.test(caseNumber)) throw new NotFoundError();
  return asActor(actor, async (tx) => {
    const { case: found, heldRoles } = await findScopedCase(tx, actor, "case.decisionLetter", { number: caseNumber });
    const role = actingRole(heldRoles, "case.decisionLetter");
    if (!role) throw new NotFoundError();
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
          select: { party: true, description: true, dueOn: true, payer: true, status: true },
        },
      },
    });
    if (!decision) throw new NotFoundError();
    const gemeente = await tx.gemeente.findUniqueOrThrow({
      where: { id: found.gemeenteId },
      select: gemeenteContactSelect,
    });

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
