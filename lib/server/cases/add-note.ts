import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { AddNoteInput } from "@/lib/domain/inputs";
import { asActor } from "@/lib/db/acting";
import { applyAction, loadForAction } from "./transition";

/**
 * A note on the triage or the local breakthrough attempt, for staff only: the
 * family's pages never show it. The text stays out of the audit trail (it may
 * hold details about the child); the event records that a note was made.
 */
export async function addNote(actor: Actor, input: AddNoteInput): Promise<void> {
  await asActor(actor, async (tx) => {
    const loaded = await loadForAction(tx, actor, "case.note", input.caseId);
    // Through applyAction, so the note is serialised with a concurrent transfer and lands in the case's current gemeente.
    await applyAction(tx, actor, loaded, "case.note", {
      timeline: { kind: "note", body: input.staffNote, visibleToFamily: false },
    });
  });
}
