import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Membership } from "@/lib/domain/roles";
import { verifyCaseChain } from "@/lib/server/audit/verify-chains";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { openCase } from "@/lib/server/cases/open-case";
import { caseSearchOptions, searchCases } from "@/lib/server/cases/search-cases";
import { withdrawCase } from "@/lib/server/cases/withdraw-case";
import { ForbiddenError } from "@/lib/server/errors";
import { applyReferenceUpdate, applyReferenceUpdateUnsafe } from "@/lib/server/reference/apply-reference-update";
import { findGemeenteDirectoryEntry, searchGemeenten } from "@/lib/server/reference/directory";
import { listGemeenten } from "@/lib/server/reference/list-gemeenten";
import { listReferenceUpdates } from "@/lib/server/reference/list-reference-updates";
import { previewReferenceUpdate } from "@/lib/server/reference/preview-reference-update";
import { prisma } from "@/tests/support/owner-db";
import { caseInput, DELFT, makeActor } from "../support/factories";

/** Rijswijk, in the same jeugdregio as Delft: the two merge into a new gemeente in this file. */
const RIJSWIJK = "GM0603";
const MERGED = "GM1999";
const MERGED_NAME = "Vlietstreek";
const VALID_FROM = "2027-01-01";

const header = "gemeente_code,gemeente_naam,jeugdregio_code,jeugdregio_naam,voorgangers";
type Row = { code: string; name: string; regionCode: string; regionName: string; predecessors?: string[] };

/** The list as the data is now, built from the database itself (whatever codes it has). */
async function currentRows(): Promise<Row[]> {
  const gemeenten = await prisma.gemeente.findMany({
    where: { endedOn: null },
    orderBy: { cbsCode: "asc" },
    select: { cbsCode: true, name: true, region: { select: { code: true, name: true } } },
  });
  return gemeenten.map((g) => ({ code: g.cbsCode, name: g.name, regionCode: g.region!.code, regionName: g.region!.name }));
}

const quote = (v: string) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function csv(rows: readonly Row[]): string {
  return [header, ...rows.map((r) => [r.code, r.name, r.regionCode, r.regionName, (r.predecessors ?? []).join(";")].map(quote).join(","))].join("\n") + "\n";
}

function file(text: string, fileName = "gemeenten-2027.csv") {
  return { fileName, bytes: new TextEncoder().encode(text), validFrom: VALID_FROM };
}

/** The merger list: Delft and Rijswijk leave, the new gemeente takes their place in their region. Made once, before it is applied. */
let mergerText: string | null = null;
async function mergerList(): Promise<string> {
  if (mergerText) return mergerText;
  const rows = await currentRows();
  const delft = rows.find((r) => r.code === DELFT)!;
  mergerText = csv([
    ...rows.filter((r) => r.code !== DELFT && r.code !== RIJSWIJK),
    { code: MERGED, name: MERGED_NAME, regionCode: delft.regionCode, regionName: delft.regionName, predecessors: [DELFT, RIJSWIJK] },
  ]);
  return mergerText;
}

/** An actor as signed in now: memberships read again from the database. */
async function refreshed(actor: Actor): Promise<Actor> {
  const memberships: Membership[] = await prisma.membership.findMany({ where: { userId: actor.userId }, select: { role: true, gemeenteId: true, regionId: true } });
  return { ...actor, memberships };
}

/** What a refused list must leave untouched. */
async function snapshot() {
  return {
    gemeenten: await prisma.gemeente.findMany({ orderBy: { cbsCode: "asc" } }),
    regions: await prisma.region.findMany({ orderBy: { code: "asc" } }),
    memberships: await prisma.membership.count(),
    updates: await prisma.referenceUpdate.count(),
    events: await prisma.auditEvent.count(),
    cases: await prisma.case.findMany({ orderBy: { id: "asc" }, select: { id: true, gemeenteId: true, regionId: true } }),
  };
}

let admin: Actor, parent: Actor, delftAanspreekpunt: Actor, rijswijkBeslisser: Actor, bothPlaces: Actor;
const ids = { delft: "", rijswijk: "", region: "" };
const cases = { openDelft: { id: "", number: "" }, openRijswijk: { id: "", number: "" }, closedDelft: { id: "", number: "" } };

beforeAll(async () => {
  // Until every gemeente is placed in its jeugdregio by the reference data, the list needs one for each.
  const delft = await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: DELFT } });
  ids.delft = delft.id;
  ids.region = delft.regionId!;
  await prisma.gemeente.updateMany({ where: { regionId: null }, data: { regionId: ids.region } });
  const rijswijk = await prisma.gemeente.update({ where: { cbsCode: RIJSWIJK }, data: { regionId: ids.region }, select: { id: true } });
  ids.rijswijk = rijswijk.id;

  admin = await makeActor("PLATFORM_ADMIN");
  parent = await makeActor("FAMILY");
  delftAanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
  rijswijkBeslisser = await makeActor("DECISION_HOLDER", { gemeente: RIJSWIJK });
  // The same role in both gemeenten: one membership in the merged gemeente.
  bothPlaces = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
  await prisma.membership.create({ data: { userId: bothPlaces.userId, role: "AANSPREEKPUNT", gemeenteId: ids.rijswijk } });

  const openDelft = await fileCase(parent, caseInput({ ownGemeenteCode: DELFT }));
  await claimCase(delftAanspreekpunt, { caseId: openDelft.id });
  const openRijswijk = await fileCase(parent, caseInput({ ownGemeenteCode: RIJSWIJK }));
  const closedDelft = await fileCase(parent, caseInput({ ownGemeenteCode: DELFT }));
  await withdrawCase(parent, { caseId: closedDelft.id, reason: "Er is toch een plek gevonden." });
  for (const [key, c] of [["openDelft", openDelft], ["openRijswijk", openRijswijk], ["closedDelft", closedDelft]] as const) {
    cases[key] = { id: c.id, number: (await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).number };
  }

  await prisma.gemeente.update({
    where: { id: ids.delft },
    data: { contactName: "Aanspreekpunt Delft", contactEmail: "aanspreekpunt@delft.example", contactPhone: null, contactHours: null, clientSupportName: null, clientSupportPhone: null, clientSupportUrl: null, retentionMonths: null, activatedAt: null },
  });
  await prisma.gemeente.update({
    where: { id: ids.rijswijk },
    data: { contactName: "Aanspreekpunt Rijswijk", clientSupportName: "Steunpunt Rijswijk", retentionMonths: 36, activatedAt: new Date("2026-03-01T09:00:00Z") },
  });
  await prisma.deadlineNorm.deleteMany({ where: { gemeenteId: { in: [ids.delft, ids.rijswijk] } } });
  await prisma.deadlineNorm.create({ data: { gemeenteId: ids.delft, status: "TRIAGE", workingDays: 3 } });
  await prisma.deadlineNorm.create({ data: { gemeenteId: ids.rijswijk, status: "TRIAGE", workingDays: 7 } });
  await prisma.deadlineNorm.create({ data: { gemeenteId: ids.rijswijk, status: "IN_PROGRESS", workingDays: 12 } });

  // The baseline: a list that matches the data changes nothing.
  const baseline = await applyReferenceUpdate(admin, file(csv(await currentRows()), "baseline.csv"));
  expect(baseline.status).toBe("unchanged");
});

describe("yearly reference update: a merger of two gemeenten", () => {
  it("shows the merger in the preview, with the open cases and staff that will move, and changes nothing", async () => {
    const before = await snapshot();
    const outcome = await previewReferenceUpdate(admin, file(await mergerList()));
    if (outcome.status !== "ready") throw new Error(JSON.stringify(outcome));
    const { diff, moves } = outcome.preview;
    expect(diff.merged).toEqual([
      {
        code: MERGED,
        name: MERGED_NAME,
        isNew: true,
        predecessors: [
          { code: DELFT, name: expect.any(String) },
          { code: RIJSWIJK, name: expect.any(String) },
        ],
      },
    ]);
    expect(diff.added.map((g) => g.code)).toEqual([MERGED]);
    expect(diff.renamed).toEqual([]);
    expect(diff.moved).toEqual([]);
    const expected = {
      openCases: await prisma.case.count({ where: { gemeenteId: { in: [ids.delft, ids.rijswijk] }, closedAt: null } }),
      staff: await prisma.membership.count({ where: { gemeenteId: { in: [ids.delft, ids.rijswijk] } } }),
    };
    expect(expected.openCases).toBeGreaterThanOrEqual(2);
    expect(moves[MERGED]).toEqual(expected);
    expect(diff.unchanged).toBe((await prisma.gemeente.count({ where: { endedOn: null } })) - 2);
    expect(outcome.preview.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await snapshot()).toEqual(before);
  });

  it("moves the open cases, staff and settings to the new gemeente and leaves closed cases where they were", async () => {
    const staffBefore = await prisma.membership.findMany({ where: { gemeenteId: { in: [ids.delft, ids.rijswijk] } }, select: { userId: true, role: true } });
    const outcome = await applyReferenceUpdate(admin, file(await mergerList()));
    if (outcome.status !== "applied") throw new Error(JSON.stringify(outcome));

    const merged = await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: MERGED }, include: { predecessors: { select: { cbsCode: true } } } });
    expect(merged).toMatchObject({ name: MERGED_NAME, regionId: ids.region, endedOn: null });
    expect(merged.predecessors.map((p) => p.cbsCode).sort()).toEqual([DELFT, RIJSWIJK]);
    for (const id of [ids.delft, ids.rijswijk]) {
      const old = await prisma.gemeente.findUniqueOrThrow({ where: { id } });
      expect(old.endedOn?.toISOString().slice(0, 10)).toBe("2026-12-31");
      expect(old.successorId).toBe(merged.id);
    }

    // Open cases: the case and every row of it, a timeline entry the family sees, an event on its own chain.
    for (const c of [cases.openDelft, cases.openRijswijk]) {
      const moved = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
      expect(moved).toMatchObject({ gemeenteId: merged.id, regionId: ids.region });
      expect(await prisma.caseParty.count({ where: { caseId: c.id, NOT: { gemeenteId: merged.id } } })).toBe(0);
      expect(await prisma.timelineEntry.count({ where: { caseId: c.id, NOT: { gemeenteId: merged.id } } })).toBe(0);
      expect(await prisma.staffNotification.count({ where: { caseId: c.id, gemeenteId: { in: [ids.delft, ids.rijswijk] } } })).toBe(0);
      expect(await prisma.outboxMessage.count({ where: { caseId: c.id, status: "PENDING", gemeenteId: { in: [ids.delft, ids.rijswijk] } } })).toBe(0);
      const entry = await prisma.timelineEntry.findFirstOrThrow({ where: { caseId: c.id, kind: "gemeenteMerged" } });
      expect(entry).toMatchObject({ visibleToFamily: true, actorId: admin.userId, actorRole: "PLATFORM_ADMIN" });
      const event = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case.gemeenteMerged" } });
      expect(event).toMatchObject({ chain: `case:${c.id}`, gemeenteId: merged.id, actorId: admin.userId });
      expect(event.changes).toMatchObject({ gemeente: { new: MERGED } });
      expect(await verifyCaseChain(c.id, prisma)).toBeNull();
    }
    const claimed = await prisma.case.findUniqueOrThrow({ where: { id: cases.openDelft.id } });
    expect(claimed.assigneeId).toBe(delftAanspreekpunt.userId);

    // The closed case keeps its gemeente and its history.
    const closed = await prisma.case.findUniqueOrThrow({ where: { id: cases.closedDelft.id } });
    expect(closed.gemeenteId).toBe(ids.delft);
    expect(await prisma.timelineEntry.count({ where: { caseId: closed.id, kind: "gemeenteMerged" } })).toBe(0);
    expect(await prisma.timelineEntry.count({ where: { caseId: closed.id, NOT: { gemeenteId: ids.delft } } })).toBe(0);

    // Staff: no membership is left on an ended gemeente; the one who held the role in both keeps one.
    expect(await prisma.membership.count({ where: { gemeenteId: { in: [ids.delft, ids.rijswijk] } } })).toBe(0);
    for (const m of staffBefore) {
      expect(await prisma.membership.count({ where: { userId: m.userId, role: m.role, gemeenteId: merged.id } })).toBe(1);
    }
    expect(outcome.summary.moves[MERGED]).toEqual({ openCases: expect.any(Number), staff: staffBefore.length - 1 });

    // Settings the new gemeente did not have: contact details as a whole from the first, the rest from whoever had them.
    expect(merged).toMatchObject({
      contactName: "Aanspreekpunt Delft",
      contactEmail: "aanspreekpunt@delft.example",
      clientSupportName: "Steunpunt Rijswijk",
      retentionMonths: 36,
      activatedAt: new Date("2026-03-01T09:00:00Z"),
    });
    const norms = await prisma.deadlineNorm.findMany({ where: { gemeenteId: merged.id }, orderBy: { status: "asc" }, select: { status: true, workingDays: true } });
    expect(norms.map((n) => `${n.status}:${n.workingDays}`).sort()).toEqual(["IN_PROGRESS:12", "TRIAGE:3"]);

    // The staff of the old gemeenten find the cases in the new one.
    const aanspreekpunt = await refreshed(delftAanspreekpunt);
    expect((await openCase(aanspreekpunt, cases.openRijswijk.number)).case.gemeenteId).toBe(merged.id);
    await expect(openCase(await refreshed(rijswijkBeslisser), cases.openDelft.number)).resolves.toBeTruthy();

    // Recorded, and audited on the admin's own chain.
    const record = await prisma.referenceUpdate.findUniqueOrThrow({ where: { id: outcome.id } });
    expect(record).toMatchObject({ fileName: "gemeenten-2027.csv", appliedById: admin.userId });
    expect(record.validFrom.toISOString().slice(0, 10)).toBe(VALID_FROM);
    expect(await prisma.auditEvent.count({ where: { action: "reference.update", actorId: admin.userId } })).toBe(1);
    expect((await listReferenceUpdates(admin))[0]).toMatchObject({ id: outcome.id, appliedBy: admin.name, counts: { added: 1, merged: 2 } });
  });

  it("no longer offers the old gemeenten, and leads from their names to the new one", async () => {
    const offered = (await listGemeenten()).map((g) => g.cbsCode);
    expect(offered).toContain(MERGED);
    expect(offered).not.toContain(DELFT);
    expect(offered).not.toContain(RIJSWIJK);
    const options = (await caseSearchOptions()).gemeenten.map((g) => g.code);
    expect(options).toContain(MERGED);
    expect(options).not.toContain(DELFT);

    const found = await searchGemeenten("Rijswijk");
    expect(found.map((g) => g.cbsCode)).toContain(MERGED);
    expect(found.map((g) => g.cbsCode)).not.toContain(RIJSWIJK);
    expect(found.find((g) => g.cbsCode === MERGED)?.formerName).toMatch(/^Rijswijk/);
    const page = await findGemeenteDirectoryEntry(DELFT);
    expect(page).toMatchObject({ cbsCode: MERGED, name: MERGED_NAME, formerly: { name: "Delft", endedOn: "2026-12-31" } });
    expect(Object.keys((await findGemeenteDirectoryEntry(MERGED))!)).not.toContain("formerly");

    // Filing for an old gemeente is refused: the person chooses the new one.
    await expect(fileCase(parent, caseInput({ ownGemeenteCode: DELFT }))).rejects.toMatchObject({ code: "checkFields" });

    // The ombudsman finds the old gemeenten's closed cases under the new one.
    const ombudsman = await makeActor("OMBUDSMAN");
    const result = await searchCases(ombudsman, { q: "", gemeente: MERGED, region: null, status: null, from: null, to: null, after: null, before: null });
    expect(result.rows.map((r) => r.number)).toEqual(expect.arrayContaining([cases.openDelft.number, cases.openRijswijk.number, cases.closedDelft.number]));
  });

  it("changes nothing when the same list is applied again", async () => {
    const before = await snapshot();
    const timeline = await prisma.timelineEntry.count();
    expect(await applyReferenceUpdate(admin, file(await mergerList()))).toEqual({ status: "unchanged" });
    const preview = await previewReferenceUpdate(admin, file(await mergerList()));
    expect(preview.status === "ready" && preview.preview.diff).toMatchObject({ added: [], merged: [], renamed: [], moved: [] });
    expect(await snapshot()).toEqual(before);
    expect(await prisma.timelineEntry.count()).toBe(timeline);
  });
});

describe("yearly reference update: renames, a new region and a move, by the operator's script", () => {
  it("renames, adds the region, and takes the gemeente's open cases along to it", async () => {
    const rows = await currentRows();
    const target = rows.find((r) => r.code === "GM0518")!;
    const filed = await fileCase(parent, caseInput({ ownGemeenteCode: target.code }));
    const list = csv(
      rows.map((r) => (r.code === target.code ? { ...r, name: `${r.name} (nieuw)`, regionCode: "JZ97", regionName: "Testregio" } : r)),
    );
    const outcome = await applyReferenceUpdateUnsafe(file(list, "script.csv"));
    if (outcome.status !== "applied") throw new Error(JSON.stringify(outcome));
    expect(outcome.summary.diff).toMatchObject({
      regionsAdded: [{ code: "JZ97", name: "Testregio" }],
      renamed: [{ code: target.code, newName: `${target.name} (nieuw)` }],
      moved: [{ code: target.code, oldRegionCode: target.regionCode, newRegionCode: "JZ97" }],
      merged: [],
    });
    const region = await prisma.region.findUniqueOrThrow({ where: { code: "JZ97" }, include: { expertTeam: true } });
    expect(region.expertTeam?.name).toBe("Expertteam Testregio");
    expect((await prisma.case.findUniqueOrThrow({ where: { id: filed.id } })).regionId).toBe(region.id);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: filed.id, action: "case.regionChanged" } });
    expect(event).toMatchObject({ actorId: null, changes: { region: { old: target.regionCode, new: "JZ97" } } });
    expect((await prisma.referenceUpdate.findUniqueOrThrow({ where: { id: outcome.id } })).appliedById).toBeNull();
  });
});

describe("yearly reference update: refused lists", () => {
  const cases: [string, (rows: Row[]) => string, { line: number | null; code: string }[]][] = [
    ["a duplicate code", (rows) => csv([...rows, rows[0]!]), [{ line: -1, code: "duplicateGemeente" }]],
    [
      "an unknown predecessor",
      (rows) => csv([...rows, { code: "GM1998", name: "Nergensdorp", regionCode: rows[0]!.regionCode, regionName: rows[0]!.regionName, predecessors: ["GM0001"] }]),
      [{ line: -1, code: "predecessorUnknown" }],
    ],
    ["a gemeente that disappears", (rows) => csv(rows.slice(1)), [{ line: null, code: "disappears" }]],
    ["a gemeente without a region", (rows) => csv(rows.map((r, i) => (i === 2 ? { ...r, regionCode: "", regionName: "" } : r))), [{ line: 4, code: "regionMissing" }]],
    ["a malformed file", (rows) => csv(rows).replace(`${rows[1]!.code},`, `${rows[1]!.code},"`), [{ line: 3, code: "malformed" }]],
  ];

  it.each(cases)("refuses %s with a message per line, and changes nothing", async (_, build, expected) => {
    const rows = await currentRows();
    const text = build(rows);
    const lastLine = rows.length + 2;
    const want = expected.map((e) => ({ ...e, line: e.line === -1 ? lastLine : e.line }));
    const before = await snapshot();
    const preview = await previewReferenceUpdate(admin, file(text));
    const applied = await applyReferenceUpdate(admin, file(text));
    for (const outcome of [preview, applied]) {
      if (outcome.status !== "refused") throw new Error(`accepted: ${outcome.status}`);
      expect(outcome.issues.map(({ line, code }) => ({ line, code }))).toEqual(want);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an impossible date", async () => {
    await expect(previewReferenceUpdate(admin, { ...file(csv(await currentRows())), validFrom: "2027-02-30" })).rejects.toMatchObject({
      code: "checkFields",
      fieldErrors: { validFrom: "invalidDate" },
    });
  });
});

describe("yearly reference update: who may", () => {
  it.each(["AANSPREEKPUNT", "GEMEENTE_ADMIN", "OMBUDSMAN", "FAMILY"] as const)("refuses a %s", async (role) => {
    const actor = await makeActor(role, role === "AANSPREEKPUNT" || role === "GEMEENTE_ADMIN" ? { gemeente: "GM0518" } : {});
    const before = await snapshot();
    const upload = file(csv(await currentRows()));
    await expect(previewReferenceUpdate(actor, upload)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(applyReferenceUpdate(actor, upload)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listReferenceUpdates(actor)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot()).toEqual(before);
  });
});
