import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { GemeenteContactInput } from "@/lib/domain/inputs";
import { permissions, type Permission } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/roles";
import { gemeenteContactSelect } from "@/lib/server/reference/directory";
import { prisma } from "@/lib/db/client";
import { asActor } from "@/lib/db/acting";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { NotFoundError } from "@/lib/server/errors";

/** The gemeenten the actor administers for `permission`, from their own memberships (never from the request). */
export function administeredGemeenten(actor: Actor, permission: Permission = "gemeente.manage"): string[] {
  const allowed: readonly Role[] = permissions[permission];
  return actor.memberships.flatMap((m) => (allowed.includes(m.role) && m.gemeenteId ? [m.gemeenteId] : []));
}

/** The gemeente admin's overview: public contact details and who holds which role. */
export async function listManagedGemeenten(actor: Actor) {
  return prisma.gemeente.findMany({
    where: { id: { in: administeredGemeenten(actor) } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      cbsCode: true,
      ...gemeenteContactSelect,
      region: { select: { name: true } },
      memberships: {
        orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
        select: { id: true, role: true, user: { select: { name: true, email: true } } },
      },
    },
  });
}

/** The public details a gemeente admin keeps: its aanspreekpunt, where families find client support, and its own ombudsman if it has one. */
const contactFields = [
  "contactName",
  "contactEmail",
  "contactPhone",
  "contactHours",
  "clientSupportName",
  "clientSupportPhone",
  "clientSupportUrl",
  "ombudsmanName",
  "ombudsmanUrl",
] as const satisfies readonly (keyof GemeenteContactInput)[];

/** The gemeente admin sets the public contact details shown in the directory of gemeenten. */
export async function updateGemeenteContact(actor: Actor, input: GemeenteContactInput): Promise<void> {
  if (!administeredGemeenten(actor).includes(input.gemeenteId)) throw new NotFoundError();
  await asActor(actor, async (tx) => {
    const before = await tx.gemeente.findUniqueOrThrow({ where: { id: input.gemeenteId } });
    const data = Object.fromEntries(contactFields.map((f) => [f, input[f]])) as Pick<GemeenteContactInput, (typeof contactFields)[number]>;
    await tx.gemeente.update({ where: { id: input.gemeenteId }, data });
    await writeAudit(tx, actor, {
      action: "gemeente.updateContact",
      role: "GEMEENTE_ADMIN",
      gemeenteId: input.gemeenteId,
      changes: Object.fromEntries(
        contactFields.filter((f) => before[f] !== input[f]).map((f) => [f, { old: before[f], new: input[f] }]),
      ),
    });
  });
}

/** The platform admin's overview of the jeugdregio's, their expert teams and member gemeenten. */
export async function listRegions() {
  const [regions, gemeenten] = await Promise.all([
    prisma.region.findMany({
      orderBy: { name: "asc" },
      select: {
        id: true,
        code: true,
        name: true,
        expertTeam: { select: { name: true } },
        // Gemeenten that merged into another are history, not members.
        gemeenten: { where: { endedOn: null }, orderBy: { name: "asc" }, select: { cbsCode: true, name: true } },
      },
    }),
    prisma.gemeente.count({ where: { endedOn: null } }),
  ]);
  return { regions, gemeenteCount: gemeenten };
}
