import { describe, expect, it } from "vitest";
import { lastCompletedQuarter } from "@/lib/domain/quarterly-report";
import { seedDemo } from "@/prisma/seed/demo";
import { prisma } from "@/tests/support/owner-db";
import { DELFT, DEN_HAAG, HAAGLANDEN } from "../support/factories";
import { removeStandingStaff } from "../support/standing-staff";

// The demo is seeded by the tables' owner, as scripts/demo.ts and scripts/test.ts do.
process.env.DATABASE_URL = process.env.DATABASE_OWNER_URL;
// The seed enrols demo staff in two-step sign-in, sealing their secret with it.
process.env.AUTH_SECRET = "demo-seed-test-secret-0123456789abcdef";

describe("demo seed", () => {
  it("keeps every gemeente in its real region and activates only the gemeenten and expert team that get staff", async () => {
    // A new installation: no staff, nothing activated.
    await removeStandingStaff(prisma);
    const before = new Date();
    expect(await seedDemo()).toBe("seeded");

    expect(await prisma.gemeente.count()).toBe(342);
    expect(await prisma.gemeente.count({ where: { regionId: null } })).toBe(0);
    expect(await prisma.region.count()).toBe(42);

    const active = await prisma.gemeente.findMany({ where: { activatedAt: { not: null } }, select: { cbsCode: true, activatedAt: true }, orderBy: { cbsCode: "asc" } });
    expect(active.map((g) => g.cbsCode)).toEqual([DELFT, DEN_HAAG]);
    const teams = await prisma.expertTeam.findMany({ where: { activatedAt: { not: null } }, include: { region: true } });
    expect(teams.map((t) => [t.region.code, t.region.name, t.email, t.phone])).toEqual([
      [HAAGLANDEN, "Haaglanden", "expertteam.haaglanden@demo.doorbraak.nl", "070 765 43 21"],
    ]);
    for (const at of [...active.map((g) => g.activatedAt!), teams[0]!.activatedAt!]) expect(at.getTime()).toBeGreaterThanOrEqual(before.getTime());

    const expert = await prisma.membership.findFirstOrThrow({ where: { user: { email: "expert@demo.doorbraak.nl" } }, include: { region: true } });
    expect(expert.region?.code).toBe(HAAGLANDEN);
    // The demo's cases in Den Haag and Delft go to the Haaglanden team.
    const caseRegions = await prisma.case.findMany({ select: { region: { select: { code: true } } }, distinct: ["regionId"] });
    expect(caseRegions.map((c) => c.region?.code)).toEqual([HAAGLANDEN]);
    // Den Haag and Delft are live, so their aanspreekpunten got the demo's cases.
    expect(await prisma.case.count({ where: { routing: { not: "GEMEENTE" } } })).toBe(0);
    // Every demo case has its statistic, for the figures.
    expect(await prisma.case.count({ where: { statisticId: null } })).toBe(0);
    expect(await prisma.caseStatistic.count({ where: { case: { isNot: null } } })).toBe(await prisma.case.count());
    // And two years of history of cases whose content is gone, with the figures published from it.
    expect(await prisma.caseStatistic.count({ where: { case: null, closedMonth: { not: null }, causes: { isEmpty: false } } })).toBeGreaterThan(500);
    expect(await prisma.figureSet.count({ where: { scopeKey: "country" } })).toBeGreaterThanOrEqual(2);
    // The quarterly reports of the quarters that ended, for the active gemeenten and the regions with history.
    const last = lastCompletedQuarter(new Date());
    const reports = await prisma.quarterlyReport.findMany({ where: { quarter: last }, select: { scopeKey: true, madeAt: true } });
    const haaglanden = await prisma.region.findUniqueOrThrow({ where: { code: HAAGLANDEN }, select: { id: true } });
    const activeIds = await prisma.gemeente.findMany({ where: { activatedAt: { not: null } }, select: { id: true } });
    expect(reports.map((r) => r.scopeKey)).toEqual(expect.arrayContaining([...activeIds.map((g) => `gemeente:${g.id}`), `region:${haaglanden.id}`]));
    // Cases for the other gemeenten have somewhere to go.
    expect(await prisma.nationalFallback.findUnique({ where: { id: 1 } })).toMatchObject({ name: "Landelijk meldpunt vastgelopen jeugdhulp" });

    // A second run (every demo start) activates nothing new.
    expect(await seedDemo()).toBe("already-seeded");
    expect(await prisma.gemeente.count({ where: { activatedAt: { not: null } } })).toBe(2);
    expect(await prisma.expertTeam.count({ where: { activatedAt: { not: null } } })).toBe(1);
    // Reports once made stay as they were.
    const again = await prisma.quarterlyReport.findMany({ where: { quarter: last }, select: { scopeKey: true, madeAt: true } });
    expect(again.sort((a, b) => a.scopeKey.localeCompare(b.scopeKey))).toEqual(reports.sort((a, b) => a.scopeKey.localeCompare(b.scopeKey)));
    // The whole demo seed runs twice: two years of history, their figures, signals and reports.
  }, 180_000);
});
