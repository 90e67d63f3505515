import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { WithdrawCaseInput } from "@/lib/domain/inputs";
import { asActor } from "@/lib/db/acting";
import { enqueueForRole } from "@/lib/server/notifications/enqueue";
import { applyAction, loadForAction } from "./transition";

/** The family withdraws their escalation, saying why; the gemeente's aanspreekpunten are told. */
export async function withdrawCase(actor: Actor, input: WithdrawCaseInput): Promise<void> {
  await asActor(actor, async (tx) => {
    const loaded = await loadForAction(tx, actor, "case.withdraw", input.caseId);
    await applyAction(tx, actor, loaded, "case.withdraw", {
      data: { result: "WITHDRAWN", closedAt: new Date() },
      timeline: { kind: "withdrawn", body: input.reason, visibleToFamily: true },
      changes: { result: { old: loaded.case.result, new: "WITHDRAWN" } },
    });
    await enqueueForRole(
      tx,
      { role: "AANSPREEKPUNT", gemeenteId: loaded.case.gemeenteId },
      { template: "case-updated", caseId: loaded.case.id, gemeenteId: loaded.case.gemeenteId },
    );
  });
}
