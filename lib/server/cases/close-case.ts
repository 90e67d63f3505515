import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { CloseCaseInput } from "@/lib/domain/inputs";
import { prisma } from "@/lib/db/client";
import { applyAction, loadForAction } from "./transition";

/** The aanspreekpunt closes the case as solved or no longer needed, with a note the family reads. */
export async function closeCase(actor: Actor, input: CloseCaseInput): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const loaded = await loadForAction(tx, actor, "case.close", input.caseId);
    await applyAction(tx, actor, loaded, "case.close", {
      data: { result: input.result, closingNote: input.closingNote, closedAt: new Date() },
      timeline: { kind: "closed", body: input.closingNote, visibleToFamily: true },
      changes: { result: { old: loaded.case.result, new: input.result } },
    });
  });
}
