import { randomUUID } from "node:crypto";
import { prisma } from "./owner-db";

/** A new entry of the directory of the case's gemeente (decision 034). */
export async function directoryEntryFor(caseId: string, kind = "SCHOOL"): Promise<string> {
  const { gemeenteId } = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { gemeenteId: true } });
  const entry = await prisma.organisation.create({ data: { gemeenteId, kind, name: `Basisschool De Linde ${randomUUID()}` } });
  return entry.id;
}

/** An organisation already named in the case, to take off again. */
export async function namedInCase(caseId: string, linkedById: string): Promise<string> {
  const organisationId = await directoryEntryFor(caseId);
  const { gemeenteId } = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { gemeenteId: true } });
  const row = await prisma.caseOrganisation.create({
    data: { caseId, gemeenteId, organisationId, kind: "SCHOOL", name: "Basisschool De Linde", part: "REFUSED", linkedById },
  });
  return row.id;
}
