import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { DeclareInadmissibleInput } from "@/lib/domain/inputs";
import { asActor } from "@/lib/db/acting";
import { applyAction, loadForAction } from "./transition";

/** The reason and the complaint route, as one text the family reads on their page. */
export function inadmissibleClosingNote(input: Pick<DeclareInadmissibleInput, "inadmissibleReason" | "complaintRoute">): string {
  return `${input.inadmissibleReason}\n\n${input.complaintRoute}`;
}

/**
 * The aanspreekpunt decides that the case is not one for Doorbraak. The case
 * closes with the reason and where the family can complain; both are shown to
 * the family.
 */
export async function declareInadmissible(actor: Actor, input: DeclareInadmissibleInput): Promise<void> {
  await asActor(actor, async (tx) => {
    const loaded = await loadForAction(tx, actor, "case.declareInadmissible", input.caseId);
    await applyAction(tx, actor, loaded, "case.declareInadmissible", {
      data: { result: "NOT_ADMISSIBLE", closingNote: inadmissibleClosingNote(input), closedAt: new Date() },
      timeline: { kind: "notAdmissible", body: input.inadmissibleReason, visibleToFamily: true },
      changes: { result: { old: loaded.case.result, new: "NOT_ADMISSIBLE" } },
    });
  });
}
