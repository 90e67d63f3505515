import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { SetUrgencyInput } from "@/lib/domain/inputs";
import { asActor } from "@/lib/db/acting";
import { DomainError } from "@/lib/server/errors";
import { applyAction, loadForAction } from "./transition";

/**
 * The aanspreekpunt changes how urgent a case is: a crisis shows as such in
 * every queue and filter at once, whatever step the case is in, also while it
 * waits for the family. The step and its clock stay as they are. The family's
 * timeline says that the urgency changed; the reason stays with staff and out
 * of the audit trail (it may hold details about the child), which records the
 * old and the new urgency.
 */
export async function setUrgency(actor: Actor, input: SetUrgencyInput): Promise<void> {
  await asActor(actor, async (tx) => {
    const loaded = await loadForAction(tx, actor, "case.setUrgency", input.caseId);
    if (loaded.case.urgency === input.urgency) throw new DomainError("checkFields", { urgency: "sameUrgency" });
    await applyAction(tx, actor, loaded, "case.setUrgency", {
      data: { urgency: input.urgency },
      timeline: { kind: "urgencyChanged", body: input.urgencyReason, visibleToFamily: true },
      changes: { urgency: { old: loaded.case.urgency, new: input.urgency } },
    });
  });
}
