import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ClaimCaseInput } from "@/lib/domain/inputs";
import { prisma } from "@/lib/db/client";
import { applyAction, loadForAction } from "./transition";

/** The aanspreekpunt takes a new case on: it becomes theirs and triage starts. */
export async function claimCase(actor: Actor, input: ClaimCaseInput): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const loaded = await loadForAction(tx, actor, "case.claim", input.caseId);
    await applyAction(tx, actor, loaded, "case.claim", {
      data: { assigneeId: actor.userId },
      timeline: { kind: "claimed" },
      changes: { assigneeId: { old: loaded.case.assigneeId, new: actor.userId } },
    });
  });
}
