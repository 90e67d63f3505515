import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { UnlinkOrganisationInput } from "@/lib/domain/organisations";
import { asActor } from "@/lib/db/acting";
import { DomainError } from "@/lib/server/errors";
import { applyAction, loadForAction } from "./transition";

/** Staff take an organisation off a case: named by mistake, or its part changed. The row stays, as history. */
export async function unlinkOrganisation(actor: Actor, input: UnlinkOrganisationInput): Promise<void> {
  await asActor(actor, async (tx) => {
    const loaded = await loadForAction(tx, actor, "case.unlinkOrganisation", input.caseId);
    const named = await tx.caseOrganisation.findFirst({
      where: { id: input.caseOrganisationId, caseId: loaded.case.id, removedAt: null },
      select: { id: true, name: true, organisationId: true },
    });
    if (!named) throw new DomainError("checkFields", { caseOrganisationId: "unknownOrganisation" });
    await tx.caseOrganisation.update({ where: { id: named.id }, data: { removedAt: new Date(), removedById: actor.userId } });
    await applyAction(tx, actor, loaded, "case.unlinkOrganisation", {
      timeline: { kind: "organisationUnlinked", body: named.name, visibleToFamily: true },
      changes: { caseOrganisationId: { old: named.id, new: null }, organisationId: { old: named.organisationId, new: null } },
    });
  });
}
