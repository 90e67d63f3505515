import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ClaimCaseInput } from "@/lib/domain/inputs";
import { asActor } from "@/lib/db/acting";
import { applyAction, loadForAction } from "./transition";

/** The aanspreekpunt takes a new case on: it becomes theirs and triage starts. */
export async function claimCase(actor: Actor, input: ClaimCaseInput): Promise<void> {
  await asActor(actor, async (tx) => {
    const loaded = await loadForAction(tx, actor, "case.claim", input.caseId);
    await applyAction(tx, actor, loaded, "case.claim", {
      data: { assigneeId: actor.userId },
      timeline: { kind: "claimed" },
      changes: { assigneeId: { old: loaded.case.assigneeId, new: actor.userId } },
    });
  });
}
