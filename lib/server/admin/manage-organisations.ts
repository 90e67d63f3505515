import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Changes } from "@/lib/domain/audit";
import { permissions, type Permission } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/roles";
import { managerRole } from "@/lib/domain/staff-roles";
import {
  MAX_DIRECTORY_SIZE,
  mayBeLeerplichtContact,
  ownerOf,
  sameName,
  type DirectoryOwner,
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
import { directoryOfGemeente } from "@/lib/server/organisations/directory";
import { administeredGemeenten } from "./manage-gemeente";

/**
 * The directories of organisations (decisions 034 and 039): a gemeente admin
 * keeps the gemeente's, a region coordinator the jeugdregio's (the RMC, the
 * samenwerkingsverbanden, providers that work for the whole region); staff of a
 * case pick from the active entries of both. Every change is audited in its own
 * transaction. An entry of a directory the actor does not keep is "not found".
 */

const permissionFor = {
  gemeente: "gemeente.manageOrganisations",
  region: "region.manageOrganisations",
} as const satisfies Record<DirectoryOwner["kind"], Permission>;

const entrySelect = {
  id: true,
  gemeenteId: true,
  regionId: true,
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
  gemeenteId: string | null;
  regionId: string | null;
  kind: string;
  sector: string | null;
  name: string;
  contactName: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  archivedAt: Date | null;
};

export type ManagedDirectory = {
  owner: DirectoryOwner & { name: string };
  /** The gemeente's leerplicht contact (decision 038); regions have none of their own */
  leerplichtContactId: string | null;
  /** Who may be the leerplicht contact: active leerplicht / RMC entries with an address, of the gemeente's and its region's directory */
  leerplichtOptions: { id: string; name: string }[];
  /** For a gemeente: its region's directory, which its staff pick from too */
  region: { name: string; active: number } | null;
  entries: DirectoryEntry[];
};

type Editable = Omit<AddOrganisationInput, "gemeenteId" | "regionId">;
const editableFields = ["kind", "sector", "name", "contactName", "email", "phone", "address"] as const satisfies readonly (keyof Editable)[];

/** The regions whose directory the actor keeps, from their own memberships. */
function administeredRegions(actor: Actor): string[] {
  const allowed: readonly Role[] = permissions[permissionFor.region];
  return actor.memberships.flatMap((m) => (allowed.includes(m.role) && m.regionId ? [m.regionId] : []));
}

function keeps(actor: Actor, owner: DirectoryOwner): boolean {
  return owner.kind === "gemeente" ? administeredGemeenten(actor, permissionFor.gemeente).includes(owner.id) : administeredRegions(actor).includes(owner.id);
}

const ownerWhere = (owner: DirectoryOwner) => (owner.kind === "gemeente" ? { gemeenteId: owner.id } : { regionId: owner.id });

/** Audit fields of a change to a directory: a gemeente's carries its id, a region's names the region in the changes. */
function auditScope(owner: DirectoryOwner): { role: Role; gemeenteId: string | null; changes: Changes } {
  return owner.kind === "gemeente"
    ? { role: managerRole.gemeente, gemeenteId: owner.id, changes: {} }
    : { role: managerRole.region, gemeenteId: null, changes: { regionId: { old: owner.id, new: owner.id } } };
}

/** The directories the actor keeps: their gemeenten's, then their regions'; active entries by name, then archived ones. */
export async function listManagedOrganisations(actor: Actor): Promise<ManagedDirectory[]> {
  const gemeenteIds = administeredGemeenten(actor, permissionFor.gemeente);
  const regionIds = administeredRegions(actor);
  if (gemeenteIds.length === 0 && regionIds.length === 0) return [];
  const [gemeenten, regions, entries] = await Promise.all([
    prisma.gemeente.findMany({
      where: { id: { in: gemeenteIds } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, commonName: true, leerplichtContactId: true, region: { select: { id: true, name: true } } },
    }),
    prisma.region.findMany({ where: { id: { in: regionIds } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma.organisation.findMany({
      where: { OR: [{ gemeenteId: { in: gemeenteIds } }, { regionId: { in: regionIds } }] },
      orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }, { id: "asc" }],
      select: entrySelect,
    }),
  ]);
  // The active entries of the gemeenten's regions: shared with the gemeente's staff, and possible leerplicht contacts.
  const sharedRegionIds = [...new Set(gemeenten.flatMap((g) => (g.region ? [g.region.id] : [])))];
  const shared = await prisma.organisation.findMany({
    where: { regionId: { in: sharedRegionIds }, archivedAt: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, regionId: true, kind: true, name: true, email: true, archivedAt: true },
  });
  return [
    ...gemeenten.map((g) => {
      const own = entries.filter((e) => e.gemeenteId === g.id);
      const ofRegion = g.region ? shared.filter((e) => e.regionId === g.region?.id) : [];
      return {
        owner: { kind: "gemeente" as const, id: g.id, name: g.commonName ?? g.name },
        leerplichtContactId: g.leerplichtContactId,
        leerplichtOptions: [...own, ...ofRegion].filter(mayBeLeerplichtContact).map((e) => ({ id: e.id, name: e.name })),
        region: g.region ? { name: g.region.name, active: ofRegion.length } : null,
        entries: own,
      };
    }),
    ...regions.map((r) => ({
      owner: { kind: "region" as const, id: r.id, name: r.name },
      leerplichtContactId: null,
      leerplichtOptions: [],
      region: null,
      entries: entries.filter((e) => e.regionId === r.id),
    })),
  ];
}

/** One admin at a time per directory, so that two of the same name cannot slip in side by side. */
async function lockDirectory(tx: Tx, owner: DirectoryOwner): Promise<void> {
  if (owner.kind === "gemeente") await tx.$queryRaw`SELECT id FROM "Gemeente" WHERE id = ${owner.id} FOR UPDATE`;
  else await tx.$queryRaw`SELECT id FROM "Region" WHERE id = ${owner.id} FOR UPDATE`;
}

/** An active entry of the same name in the directory is refused at the name field. */
async function refuseDuplicate(tx: Tx, owner: DirectoryOwner, name: string, except: string | null): Promise<void> {
  const active = await tx.organisation.findMany({ where: { ...ownerWhere(owner), archivedAt: null }, select: { id: true, name: true } });
  if (active.some((o) => o.id !== except && sameName(o.name, name))) throw new DomainError("checkFields", { name: "duplicateOrganisation" });
  if (except === null && active.length >= MAX_DIRECTORY_SIZE) throw new DomainError("directoryFull");
}

/** Loads an entry the actor may change, locked for the rest of the transaction. */
async function ownEntry(tx: Tx, actor: Actor, organisationId: string): Promise<DirectoryEntry & { owner: DirectoryOwner }> {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Organisation" WHERE id = ${organisationId} FOR UPDATE`;
  const entry = locked ? await tx.organisation.findUnique({ where: { id: locked.id }, select: entrySelect }) : null;
  if (!entry || !keeps(actor, ownerOf(entry))) throw new NotFoundError();
  return { ...entry, owner: ownerOf(entry) };
}

export async function addOrganisation(actor: Actor, input: AddOrganisationInput): Promise<{ id: string }> {
  const { gemeenteId, regionId, ...fields } = input;
  const owner = ownerOf({ gemeenteId, regionId });
  if (!keeps(actor, owner)) throw new NotFoundError();
  return asActor(actor, async (tx) => {
    await lockDirectory(tx, owner);
    await refuseDuplicate(tx, owner, input.name, null);
    const created = await tx.organisation.create({ data: { ...ownerWhere(owner), ...fields }, select: { id: true } });
    const scope = auditScope(owner);
    await writeAudit(tx, actor, {
      action: "organisation.add",
      role: scope.role,
      gemeenteId: scope.gemeenteId,
      changes: {
        ...scope.changes,
        organisationId: { old: null, new: created.id },
        ...Object.fromEntries(editableFields.map((f) => [f, { old: null, new: fields[f] }])),
      },
    });
    return created;
  });
}

export async function updateOrganisation(actor: Actor, input: UpdateOrganisationInput): Promise<void> {
  await asActor(actor, async (tx) => {
    const before = await ownEntry(tx, actor, input.organisationId);
    if (before.archivedAt) throw new DomainError("organisationArchived");
    await lockDirectory(tx, before.owner);
    await refuseDuplicate(tx, before.owner, input.name, before.id);
    const { organisationId, ...fields } = input;
    const changes: Changes = Object.fromEntries(
      editableFields.filter((f) => before[f] !== fields[f]).map((f) => [f, { old: before[f], new: fields[f] }]),
    );
    await tx.organisation.update({ where: { id: organisationId }, data: fields });
    const scope = auditScope(before.owner);
    await writeAudit(tx, actor, {
      action: "organisation.update",
      role: scope.role,
      gemeenteId: scope.gemeenteId,
      changes: { ...scope.changes, organisationId: { old: organisationId, new: organisationId }, ...changes },
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
    const scope = auditScope(before.owner);
    await writeAudit(tx, actor, {
      action: "organisation.archive",
      role: scope.role,
      gemeenteId: scope.gemeenteId,
      changes: { ...scope.changes, organisationId: { old: before.id, new: before.id }, archivedAt: { old: null, new: now.toISOString() } },
    });
  });
}

/**
 * The gemeente admin picks which entry of the directory is told when a case
 * about a thuiszitter is filed or referred, with the family's consent (decision
 * 038): an active leerplicht / RMC entry of the gemeente's or its region's
 * directory, with an e-mail address, or none.
 */
export async function setLeerplichtContact(actor: Actor, input: SetLeerplichtContactInput): Promise<void> {
  if (!administeredGemeenten(actor, permissionFor.gemeente).includes(input.gemeenteId)) throw new NotFoundError();
  await asActor(actor, async (tx) => {
    const [gemeente] = await tx.$queryRaw<{ leerplichtContactId: string | null; regionId: string | null }[]>`
      SELECT "leerplichtContactId", "regionId" FROM "Gemeente" WHERE id = ${input.gemeenteId} FOR UPDATE`;
    if (!gemeente) throw new NotFoundError();
    if (input.organisationId !== null) {
      // The gemeente's own entry, or its region's (an RMC works for the whole region).
      const entry = await tx.organisation.findFirst({
        where: { id: input.organisationId, ...directoryOfGemeente(input.gemeenteId, gemeente.regionId) },
        select: entrySelect,
      });
      if (!entry || !mayBeLeerplichtContact(entry)) {
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
