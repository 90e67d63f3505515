import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Changes } from "@/lib/domain/audit";
import {
  MAX_DIRECTORY_SIZE,
  sameName,
  type AddOrganisationInput,
  type ArchiveOrganisationInput,
  type SetLeerplichtContactInput,
  type UpdateOrganisationInput,
} from "@/lib/domain/organisations";
import type { Tx } from "@/lib/db/client";
import { prisma } from "@/lib/db/client";
import { asActor } from "@/lib/db/acting";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { administeredGemeenten } from "./manage-gemeente";

/**
 * A gemeente's directory of organisations (decision 034): the gemeente admin
 * adds, corrects and archives entries; staff pick from the active ones. Every
 * change is audited in its own transaction. An entry of another gemeente is
 * "not found".
 */

const PERMISSION = "gemeente.manageOrganisations";

const entrySelect = {
  id: true,
  gemeenteId: true,
  kind: true,
  sector: true,
  name: true,
  contactName: true,
  email: true,
  phone: true,
  address: true,
  archivedAt: true,
} as const;

export type DirectoryEntry = {
  id: string;
  gemeenteId: string;
  kind: string;
  sector: string | null;
  name: string;
  contactName: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  archivedAt: Date | null;
};

type Editable = Omit<AddOrganisationInput, "gemeenteId">;
const editableFields = ["kind", "sector", "name", "contactName", "email", "phone", "address"] as const satisfies readonly (keyof Editable)[];

/** The directories the actor keeps, per gemeente: active entries by name, then archived ones. */
export async function listManagedOrganisations(
  actor: Actor,
): Promise<{ gemeente: { id: string; name: string; leerplichtContactId: string | null }; entries: DirectoryEntry[] }[]> {
  const gemeenteIds = administeredGemeenten(actor, PERMISSION);
  if (gemeenteIds.length === 0) return [];
  const [gemeenten, entries] = await Promise.all([
    prisma.gemeente.findMany({
      where: { id: { in: gemeenteIds } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, commonName: true, leerplichtContactId: true },
    }),
    prisma.organisation.findMany({
      where: { gemeenteId: { in: gemeenteIds } },
      orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }, { id: "asc" }],
      select: entrySelect,
    }),
  ]);
  return gemeenten.map((g) => ({
    gemeente: { id: g.id, name: g.commonName ?? g.name, leerplichtContactId: g.leerplichtContactId },
    entries: entries.filter((e) => e.gemeenteId === g.id),
  }));
}

/** An active entry of the same name in the gemeente's directory is refused at the name field. */
async function refuseDuplicate(tx: Tx, gemeenteId: string, name: string, except: string | null): Promise<void> {
  const active = await tx.organisation.findMany({ where: { gemeenteId, archivedAt: null }, select: { id: true, name: true } });
  if (active.some((o) => o.id !== except && sameName(o.name, name))) throw new DomainError("checkFields", { name: "duplicateOrganisation" });
  if (except === null && active.length >= MAX_DIRECTORY_SIZE) throw new DomainError("directoryFull");
}

/** Loads an entry the actor may change, locked for the rest of the transaction. */
async function ownEntry(tx: Tx, actor: Actor, organisationId: string): Promise<DirectoryEntry> {
  const gemeenteIds = administeredGemeenten(actor, PERMISSION);
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Organisation" WHERE id = ${organisationId} FOR UPDATE`;
  const entry = locked ? await tx.organisation.findUnique({ where: { id: locked.id }, select: entrySelect }) : null;
  if (!entry || !gemeenteIds.includes(entry.gemeenteId)) throw new NotFoundError();
  return entry;
}

export async function addOrganisation(actor: Actor, input: AddOrganisationInput): Promise<{ id: string }> {
  if (!administeredGemeenten(actor, PERMISSION).includes(input.gemeenteId)) throw new NotFoundError();
  return asActor(actor, async (tx) => {
    // One admin at a time per directory, so that two of the same name cannot slip in side by side.
    await tx.$queryRaw`SELECT id FROM "Gemeente" WHERE id = ${input.gemeenteId} FOR UPDATE`;
    await refuseDuplicate(tx, input.gemeenteId, input.name, null);
    const { gemeenteId, ...fields } = input;
    const created = await tx.organisation.create({ data: { gemeenteId, ...fields }, select: { id: true } });
    await writeAudit(tx, actor, {
      action: "organisation.add",
      role: "GEMEENTE_ADMIN",
      gemeenteId,
      changes: { organisationId: { old: null, new: created.id }, ...Object.fromEntries(editableFields.map((f) => [f, { old: null, new: fields[f] }])) },
    });
    return created;
  });
}

export async function updateOrganisation(actor: Actor, input: UpdateOrganisationInput): Promise<void> {
  await asActor(actor, async (tx) => {
    const before = await ownEntry(tx, actor, input.organisationId);
    if (before.archivedAt) throw new DomainError("organisationArchived");
    await tx.$queryRaw`SELECT id FROM "Gemeente" WHERE id = ${before.gemeenteId} FOR UPDATE`;
    await refuseDuplicate(tx, before.gemeenteId, input.name, before.id);
    const { organisationId, ...fields } = input;
    const changes: Changes = Object.fromEntries(
      editableFields.filter((f) => before[f] !== fields[f]).map((f) => [f, { old: before[f], new: fields[f] }]),
    );
    await tx.organisation.update({ where: { id: organisationId }, data: fields });
    await writeAudit(tx, actor, {
      action: "organisation.update",
      role: "GEMEENTE_ADMIN",
      gemeenteId: before.gemeenteId,
      changes: { organisationId: { old: organisationId, new: organisationId }, ...changes },
    });
  });
}

/** No longer offered to staff; kept, so that what named it keeps its name. */
export async function archiveOrganisation(actor: Actor, input: ArchiveOrganisationInput): Promise<void> {
  await asActor(actor, async (tx) => {
    const before = await ownEntry(tx, actor, input.organisationId);
    if (before.archivedAt) return;
    const now = new Date();
    await tx.organisation.update({ where: { id: before.id }, data: { archivedAt: now } });
    await writeAudit(tx, actor, {
      action: "organisation.archive",
      role: "GEMEENTE_ADMIN",
      gemeenteId: before.gemeenteId,
      changes: { organisationId: { old: before.id, new: before.id }, archivedAt: { old: null, new: now.toISOString() } },
    });
  });
}

/**
 * The gemeente admin picks which entry of the directory is told when a case
 * about a thuiszitter is filed or referred, with the family's consent (decision
 * 038): an active leerplicht / RMC entry with an e-mail address, or none.
 */
export async function setLeerplichtContact(actor: Actor, input: SetLeerplichtContactInput): Promise<void> {
  if (!administeredGemeenten(actor, PERMISSION).includes(input.gemeenteId)) throw new NotFoundError();
  await asActor(actor, async (tx) => {
    const [gemeente] = await tx.$queryRaw<{ leerplichtContactId: string | null }[]>`
      SELECT "leerplichtContactId" FROM "Gemeente" WHERE id = ${input.gemeenteId} FOR UPDATE`;
    if (!gemeente) throw new NotFoundError();
    if (input.organisationId !== null) {
      const entry = await tx.organisation.findFirst({ where: { id: input.organisationId, gemeenteId: input.gemeenteId }, select: entrySelect });
      if (!entry || entry.archivedAt || entry.kind !== "LEERPLICHT_RMC" || !entry.email) {
        throw new DomainError("checkFields", { organisationId: "notALeerplichtContact" });
      }
    }
    if (gemeente.leerplichtContactId === input.organisationId) return;
    await tx.gemeente.update({ where: { id: input.gemeenteId }, data: { leerplichtContactId: input.organisationId } });
    await writeAudit(tx, actor, {
      action: "gemeente.setLeerplichtContact",
      role: "GEMEENTE_ADMIN",
      gemeenteId: input.gemeenteId,
      changes: { leerplichtContactId: { old: gemeente.leerplichtContactId, new: input.organisationId } },
    });
  });
}
