import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Every gemeente of the test template works with the portal, as the gemeenten a
 * test files for would in production: activated, with one aanspreekpunt and one
 * decision holder, in a region whose activated expert team has one member. A test
 * about a gemeente that is not live takes these away in its own database. The
 * accounts are never signed in with; tests make their own people.
 */
export async function addStandingStaff(prisma: PrismaClient): Promise<void> {
  const now = new Date();
  await prisma.gemeente.updateMany({ data: { activatedAt: now } });
  await prisma.expertTeam.updateMany({ data: { activatedAt: now } });
  const gemeenten = await prisma.gemeente.findMany({ select: { id: true, cbsCode: true } });
  const regions = await prisma.region.findMany({ select: { id: true, code: true } });
  const people = [
    ...gemeenten.flatMap((g) =>
      (["AANSPREEKPUNT", "DECISION_HOLDER"] as const).map((role) => ({ role, gemeenteId: g.id, regionId: null, tag: `${role}.${g.cbsCode}` })),
    ),
    ...regions.map((r) => ({ role: "EXPERT" as const, gemeenteId: null, regionId: r.id, tag: `EXPERT.${r.code}` })),
  ].map((p) => ({ ...p, id: `standing-${p.tag.toLowerCase()}` }));
  await prisma.user.createMany({
    data: people.map((p) => ({ id: p.id, email: `${p.id}@staand.test.doorbraak.nl`, name: `Vaste ${p.tag}`, passwordHash: "not-used" })),
  });
  await prisma.membership.createMany({
    data: people.map((p) => ({ userId: p.id, role: p.role, gemeenteId: p.gemeenteId, regionId: p.regionId })),
  });
}

/** Back to the reference data alone, as a new installation has it. */
export async function removeStandingStaff(prisma: PrismaClient): Promise<void> {
  await prisma.user.deleteMany({ where: { id: { startsWith: "standing-" } } });
  await prisma.gemeente.updateMany({ data: { activatedAt: null } });
  await prisma.expertTeam.updateMany({ data: { activatedAt: null } });
}
