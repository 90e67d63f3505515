import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { StartLocalInput } from "@/lib/domain/inputs";
import { asActor } from "@/lib/db/acting";
import { applyAction, loadForAction } from "./transition";

/** The aanspreekpunt starts a local breakthrough attempt, with a note on the plan. */
export async function startLocal(actor: Actor, input: StartLocalInput): Promise<void> {
  await asActor(actor, async (tx) => {
    const loaded = await loadForAction(tx, actor, "case.startLocal", input.caseId);
    await applyAction(tx, actor, loaded, "case.startLocal", {
      timeline: { kind: "localStarted", body: input.note, visibleToFamily: true },
    });
  });
}
