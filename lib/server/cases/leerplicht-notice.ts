import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { shouldTellLeerplicht } from "@/lib/domain/school-facts";
import type { Role } from "@/lib/domain/roles";
import type { TimelineKind } from "@/lib/domain/timeline";
import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { enqueueEmail } from "@/lib/server/notifications/enqueue";

/**
 * Tells the gemeente's leerplicht contact that there is a case about a
 * thuiszitter (decision 038): when the case is filed, and again when it is
 * referred if it was not told before (the gemeente may have set up its contact
 * since). Only with the family's consent, only once, and only when the gemeente
 * named a contact with an e-mail address. The mail holds no case content.
 * Runs in the caller's transaction; returns whether leerplicht was told.
 */
export async function notifyLeerplicht(tx: Tx, actor: Actor, role: Role | null, caseId: string, at: Date): Promise<boolean> {
  const found = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { id: true, number: true, gemeenteId: true, schoolSituation: true, leerplichtConsent: true, leerplichtNotifiedAt: true },
  });
  if (!shouldTellLeerplicht(found)) return false;
  const gemeente = await tx.gemeente.findUniqueOrThrow({
    where: { id: found.gemeenteId },
    select: { leerplichtContact: { select: { id: true, name: true, email: true, archivedAt: true } } },
  });
  const contact = gemeente.leerplichtContact;
  if (!contact?.email || contact.archivedAt) return false;

  await enqueueEmail(tx, { recipient: contact.email, template: "leerplicht-notice", caseId: found.id, gemeenteId: found.gemeenteId });
  await tx.case.update({ where: { id: found.id }, data: { leerplichtNotifiedAt: at } });
  await tx.timelineEntry.create({
    data: {
      caseId: found.id,
      gemeenteId: found.gemeenteId,
      kind: "leerplichtNotified" satisfies TimelineKind,
      body: contact.name,
      visibleToFamily: true,
      actorId: actor.userId,
      actorRole: role,
      createdAt: at,
    },
  });
  await writeAudit(tx, actor, {
    action: "case.notifyLeerplicht",
    role,
    case: { id: found.id, number: found.number, gemeenteId: found.gemeenteId },
    changes: { organisationId: { old: null, new: contact.id }, email: { old: null, new: contact.email } },
  });
  return true;
}

/** The mail to leerplicht: that there is a case, never about whom. */
export function leerplichtNoticeText(baseUrl: string): string {
  return [
    "Er is een melding over een leerling die thuiszit.",
    "",
    "Bij Doorbraak is een melding gedaan over een kind in uw gemeente dat niet of maar een deel van de tijd naar school gaat.",
    "De ouders vinden het goed dat de gemeente u dit laat weten. Het aanspreekpunt van de gemeente neemt contact met u op om samen te kijken wat nodig is.",
    `Meer over Doorbraak: ${baseUrl}`,
    "In deze e-mail staat bewust geen naam of andere informatie over het kind.",
    "",
  ].join("\n");
}
