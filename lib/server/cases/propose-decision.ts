import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ProposeDecisionInput } from "@/lib/domain/inputs";
import { asActor } from "@/lib/db/acting";
import { enqueueForRole } from "@/lib/server/notifications/enqueue";
import { applyAction, loadForAction } from "./transition";

/** The aanspreekpunt or an expert proposes a doorzettingsmacht decision to the gemeente's decision holder. */
export async function proposeDecision(actor: Actor, input: ProposeDecisionInput): Promise<void> {
  await asActor(actor, async (tx) => {
    const loaded = await loadForAction(tx, actor, "case.propose", input.caseId);
    const proposal = await tx.decisionProposal.create({
      data: {
        caseId: loaded.case.id,
        gemeenteId: loaded.case.gemeenteId,
        proposal: input.proposal,
        rationale: input.rationale,
        proposedById: actor.userId,
      },
    });
    await applyAction(tx, actor, loaded, "case.propose", {
      timeline: { kind: "proposed", body: input.proposal, visibleToFamily: true },
      changes: { proposalId: { old: null, new: proposal.id } },
    });
    await enqueueForRole(
      tx,
      { role: "DECISION_HOLDER", gemeenteId: loaded.case.gemeenteId },
      { template: "decision-proposed", caseId: loaded.case.id, gemeenteId: loaded.case.gemeenteId },
    );
  });
}
