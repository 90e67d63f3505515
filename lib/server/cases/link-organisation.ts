import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { LinkOrganisationInput } from "@/lib/domain/organisations";
import { asActor } from "@/lib/db/acting";
import { DomainError } from "@/lib/server/errors";
import { directoryOfGemeente } from "@/lib/server/organisations/directory";
import { applyAction, loadForAction } from "./transition";

/**
 * Staff name an organisation of the gemeente's or its region's directory in a case, with its
 * part: it refused, did not act, must act, or helps (decision 035). The case
 * keeps the organisation's kind and name as they are now; an organisation is
 * named once, and taken off to change its part.
 */
export async function linkOrganisation(actor: Actor, input: LinkOrganisationInput): Promise<{ id: string }> {
  return asActor(actor, async (tx) => {
    const loaded = await loadForAction(tx, actor, "case.linkOrganisation", input.caseId);
    const { gemeenteId, regionId } = loaded.case;
    const entry = await tx.organisation.findFirst({
      where: { id: input.organisationId, archivedAt: null, ...directoryOfGemeente(gemeenteId, regionId) },
      select: { id: true, kind: true, name: true },
    });
    if (!entry) throw new DomainError("checkFields", { organisationId: "unknownOrganisation" });
    const named = await tx.caseOrganisation.count({ where: { caseId: loaded.case.id, organisationId: entry.id, removedAt: null } });
    if (named > 0) throw new DomainError("checkFields", { organisationId: "organisationInCase" });
    const created = await tx.caseOrganisation.create({
      data: { caseId: loaded.case.id, gemeenteId, organisationId: entry.id, kind: entry.kind, name: entry.name, part: input.part, linkedById: actor.userId },
      select: { id: true },
    });
    await applyAction(tx, actor, loaded, "case.linkOrganisation", {
      timeline: { kind: "organisationLinked", body: entry.name, visibleToFamily: true },
      changes: { caseOrganisationId: { old: null, new: created.id }, organisationId: { old: null, new: entry.id }, part: { old: null, new: input.part } },
    });
    return created;
  });
}
