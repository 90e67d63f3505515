import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { prisma as portal } from "@/lib/db/client";
import { asActor } from "@/lib/db/acting";
import type { CountTable } from "@/lib/domain/figure-set";
import { quarterOf } from "@/lib/domain/lead-times";
import { claimCase } from "@/lib/server/cases/claim-case";
import { closeCase } from "@/lib/server/cases/close-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { startLocal } from "@/lib/server/cases/start-local";
import { NotFoundError } from "@/lib/server/errors";
import { publishFigures, scopeKeys } from "@/lib/server/statistics/publish-figures";
import { readMonitoringFigures, readOpenFigures } from "@/lib/server/statistics/read-figure-sets";
import { caseInput, closingInput, DELFT, DEN_HAAG, HAAGLANDEN, makeActor } from "@/tests/support/factories";
import { prisma as owner } from "@/tests/support/owner-db";

let parent: Actor, denHaagStaff: Actor, delftStaff: Actor, delftAdmin: Actor, expert: Actor, ombudsman: Actor;
let denHaagId: string, delftId: string, haaglandenId: string;
const year = new Date().getUTCFullYear();
const quarter = quarterOf(new Date());

/** Files and closes a case, with the causes and outcome closing asks for. */
async function closedCase(gemeente: string, staff: Actor, causes: ("WAITING_LIST" | "FUNDING" | "NO_MANDATE")[]) {
  const filed = await fileCase(parent, caseInput({ ownGemeenteCode: gemeente }));
  await claimCase(staff, { caseId: filed.id });
  await startLocal(staff, { caseId: filed.id, note: "We bellen de aanbieder." });
  await closeCase(staff, closingInput(filed.id, { causes, outcome: "LOCAL_AGREEMENT" }));
  return filed;
}

const count = (table: CountTable, key: string | null, q: string, quarters: string[]) => {
  const row = key === null ? table.totals : table.rows.find((r) => r.key === key)!;
  return row.cells[quarters.indexOf(q)];
};

beforeAll(async () => {
  parent = await makeActor("FAMILY");
  denHaagStaff = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  delftStaff = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
  delftAdmin = await makeActor("GEMEENTE_ADMIN", { gemeente: DELFT });
  expert = await makeActor("EXPERT", { region: HAAGLANDEN });
  ombudsman = await makeActor("OMBUDSMAN");
  denHaagId = (await owner.gemeente.findUniqueOrThrow({ where: { cbsCode: DEN_HAAG } })).id;
  delftId = (await owner.gemeente.findUniqueOrThrow({ where: { cbsCode: DELFT } })).id;
  haaglandenId = (await owner.region.findUniqueOrThrow({ where: { code: HAAGLANDEN } })).id;

  for (let i = 0; i < 6; i += 1) await closedCase(DEN_HAAG, denHaagStaff, i < 5 ? ["WAITING_LIST", "FUNDING"] : ["NO_MANDATE"]);
  for (let i = 0; i < 2; i += 1) await closedCase(DELFT, delftStaff, ["WAITING_LIST"]);
  await fileCase(parent, caseInput({ ownGemeenteCode: DELFT }));
  await publishFigures({ force: true });
}, 120_000);

describe("the published figures", () => {
  it("count a gemeente's cases, with the small numbers of its region's other gemeenten hidden", async () => {
    const { set } = await readMonitoringFigures(denHaagStaff, { level: "gemeente", gemeenteId: denHaagId }, year);
    expect(set).not.toBeNull();
    expect(count(set!.filed, denHaagId, quarter, set!.quarters)).toEqual({ kind: "count", value: 6 });
    expect(count(set!.closed, denHaagId, quarter, set!.quarters)).toEqual({ kind: "count", value: 6 });
    const causes = Object.fromEntries(set!.causes.rows.map((r) => [r.key, r.total]));
    expect(causes.NO_MANDATE).toEqual({ kind: "small", threshold: 5 });
    // Something else is hidden too, or the one mention of NO_MANDATE would follow from the total of all mentions.
    const others = [causes.WAITING_LIST!, causes.FUNDING!, set!.causes.totals.total];
    expect(others.filter((c) => c.kind === "count").length).toBeLessThan(3);
    for (const c of others) if (c.kind === "count") expect([5, 11]).toContain(c.value);
  });

  it("show a region its own gemeenten side by side, and nobody else's", async () => {
    const { set } = await readMonitoringFigures(expert, { level: "region", regionId: haaglandenId }, year);
    const gemeenten = await owner.gemeente.findMany({ where: { regionId: haaglandenId }, select: { id: true } });
    expect(new Set(Object.keys(set!.unitNames))).toEqual(new Set(gemeenten.map((g) => g.id)));
    expect(count(set!.filed, delftId, quarter, set!.quarters)).toEqual({ kind: "small", threshold: 5 });
    expect(count(set!.filed, null, quarter, set!.quarters)).toEqual({ kind: "count", value: 9 });
  });

  it("answer a person asking for another gemeente's or region's figures as not found", async () => {
    await expect(readMonitoringFigures(delftAdmin, { level: "gemeente", gemeenteId: denHaagId }, year)).rejects.toThrow(NotFoundError);
    await expect(readMonitoringFigures(delftAdmin, { level: "region", regionId: haaglandenId }, year)).rejects.toThrow(NotFoundError);
    await expect(readMonitoringFigures(expert, { level: "country" }, year)).rejects.toThrow(NotFoundError);
    await expect(readMonitoringFigures(parent, { level: "gemeente", gemeenteId: denHaagId }, year)).rejects.toThrow(NotFoundError);
    const own = await readMonitoringFigures(delftAdmin, { level: "gemeente", gemeenteId: delftId }, year);
    expect(own.set?.unitId).toBe(delftId);
    expect((await readMonitoringFigures(ombudsman, { level: "country" }, year)).set?.level).toBe("country");
  });

  it("open a region to everyone without its gemeenten, with its totals as in the country's table", async () => {
    const open = await readOpenFigures({ level: "region", regionId: haaglandenId }, year);
    expect(open.set!.filed.rows).toEqual([]);
    expect(open.set!.unitNames).toEqual({});
    const country = await readOpenFigures({ level: "country" }, year);
    const row = country.set!.filed.rows.find((r) => r.key === haaglandenId)!;
    expect(open.set!.filed.totals).toEqual({ cells: row.cells, total: row.total });
    expect(row.cells[country.set!.quarters.indexOf(quarter)]).toEqual({ kind: "count", value: 9 });
  });

  it("are published again only when a fact changed", async () => {
    const again = await publishFigures();
    expect(again.years.every((y) => y.skipped)).toBe(true);
    await closedCase(DELFT, delftStaff, ["FUNDING"]);
    const after = await publishFigures();
    expect(after.years.find((y) => y.year === year)).toMatchObject({ skipped: false });
    const { set } = await readMonitoringFigures(delftStaff, { level: "gemeente", gemeenteId: delftId }, year);
    expect(count(set!.closed, delftId, quarter, set!.quarters)).toEqual({ kind: "small", threshold: 5 });
  });

  it("are not readable by the portal's role outside the statistics services", async () => {
    expect(await asActor(denHaagStaff, (tx) => tx.figureSet.count())).toBe(0);
    expect(await portal.figureSet.count()).toBe(0);
    expect(await owner.figureSet.count({ where: { scopeKey: scopeKeys.gemeente(denHaagId), year } })).toBe(1);
  });
});
