import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { checkReferenceFile, dayBefore, isEmptyDiff, type ReferenceDiff, type ReferenceIssue } from "@/lib/domain/reference-update";
import type { Role } from "@/lib/domain/roles";
import type { Tx } from "@/lib/db/client";
import { asSystem } from "@/lib/db/acting";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { moveCaseRows } from "@/lib/server/cases/move-case-rows";
import { routeWaitingCases } from "@/lib/server/coverage/route-waiting";
import { refreshCaseStatistics } from "@/lib/server/statistics/case-statistic";
import { forgetGemeenten } from "./list-gemeenten";
import { assertMayUpdateReference, checkValidFrom, loadCurrentReference, sha256Of, type MergerCounts, type ReferenceFile } from "./reference-data";

/** What an applied list changed, as kept in ReferenceUpdate.summary. */
export type ReferenceSummary = { diff: ReferenceDiff; moves: MergerCounts; regionMovedCases: number };

export type ApplyOutcome =
  | { status: "refused"; issues: ReferenceIssue[] }
  /** The data already matches the list: nothing was written */
  | { status: "unchanged" }
  | { status: "applied"; id: string; summary: ReferenceSummary };

/**
 * Applies a CBS list (decision 019), all or nothing, in one transaction that reaches
 * every case: regions and gemeenten are added, renamed and moved; in a merger the old
 * gemeenten end the day before the list's date and their open cases, staff and
 * settings move to the gemeente they merged into. The list is checked again inside the
 * transaction, against the data as it is then, so what is applied is exactly what the
 * check passed.
 */
export async function applyReferenceUpdate(actor: Actor, file: ReferenceFile): Promise<ApplyOutcome> {
  assertMayUpdateReference(actor);
  return apply(actor, file);
}

/** For the operator's script (`npm run reference:update`): no signed-in person, audited as a change by the system. */
export function applyReferenceUpdateUnsafe(file: ReferenceFile): Promise<ApplyOutcome> {
  return apply(null, file);
}

/** A national list moves the open cases of a few gemeenten; a generous limit, since nothing may be left half done. */
const transactionOptions = { timeout: 10 * 60_000, maxWait: 30_000 };

async function apply(actor: Actor | null, file: ReferenceFile): Promise<ApplyOutcome> {
  checkValidFrom(file.validFrom);
  const role: Role | null = actor ? "PLATFORM_ADMIN" : null;
  const outcome = await asSystem(async (tx): Promise<ApplyOutcome> => {
    // Two uploads at once would each compare against data the other is changing.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('doorbraak:reference-update'))`;
    const checked = checkReferenceFile(file.bytes, await loadCurrentReference(tx));
    if (!checked.ok) return { status: "refused", issues: checked.issues };
    const { diff } = checked;
    if (isEmptyDiff(diff)) return { status: "unchanged" };

    await applyRegions(tx, diff);
    const regionIds = new Map((await tx.region.findMany({ select: { id: true, code: true } })).map((r) => [r.code, r.id]));
    const regionOf = (code: string) => {
      const id = regionIds.get(code);
      if (!id) throw new Error(`Region ${code} was not made`);
      return id;
    };
    const addedIds: string[] = [];
    for (const g of diff.added) {
      const created = await tx.gemeente.create({ data: { cbsCode: g.code, name: g.name, regionId: regionOf(g.regionCode) }, select: { id: true } });
      addedIds.push(created.id);
    }
    for (const g of diff.renamed) await tx.gemeente.update({ where: { cbsCode: g.code }, data: { name: g.newName } });
    let regionMovedCases = 0;
    for (const g of diff.moved) regionMovedCases += await moveToRegion(tx, actor, role, g.code, regionOf(g.newRegionCode));

    const moves: MergerCounts = {};
    const mergedInto: string[] = [];
    for (const m of diff.merged) {
      const result = await merge(tx, actor, role, m, dayBefore(file.validFrom));
      moves[m.code] = result.counts;
      mergedInto.push(result.gemeenteId);
    }
    // Gemeenten that took others in may be live now; cases waiting elsewhere for them are handed on.
    await routeWaitingCases(tx, actor, { gemeenteIds: [...new Set([...mergedInto, ...addedIds])] });

    const summary: ReferenceSummary = { diff, moves, regionMovedCases };
    const record = await tx.referenceUpdate.create({
      data: {
        sha256: sha256Of(file.bytes),
        fileName: file.fileName,
        validFrom: new Date(`${file.validFrom}T00:00:00Z`),
        summary: summary as unknown as Prisma.InputJsonValue,
        appliedById: actor?.userId ?? null,
      },
      select: { id: true },
    });
    await writeAudit(tx, actor, {
      action: "reference.update",
      role,
      changes: {
        referenceUpdate: { old: null, new: { id: record.id, fileName: file.fileName, sha256: sha256Of(file.bytes), validFrom: file.validFrom } },
        added: { old: null, new: diff.added.map((g) => g.code) },
        renamed: { old: diff.renamed.map((g) => `${g.code} ${g.oldName}`), new: diff.renamed.map((g) => `${g.code} ${g.newName}`) },
        merged: { old: diff.merged.map((m) => m.predecessors.map((p) => p.code)), new: diff.merged.map((m) => m.code) },
        moved: { old: diff.moved.map((g) => `${g.code} ${g.oldRegionCode ?? "-"}`), new: diff.moved.map((g) => `${g.code} ${g.newRegionCode}`) },
        regionsAdded: { old: null, new: diff.regionsAdded.map((r) => r.code) },
        regionsRenamed: { old: diff.regionsRenamed.map((r) => `${r.code} ${r.oldName}`), new: diff.regionsRenamed.map((r) => `${r.code} ${r.newName}`) },
        movedCases: { old: null, new: Object.values(moves).reduce((n, c) => n + c.openCases, 0) + regionMovedCases },
        movedStaff: { old: null, new: Object.values(moves).reduce((n, c) => n + c.staff, 0) },
      },
    });
    return { status: "applied", id: record.id, summary };
  }, transactionOptions);
  // The filing form and the case pages keep the list of gemeenten for a while; they read it again now.
  if (outcome.status === "applied") forgetGemeenten();
  return outcome;
}

async function applyRegions(tx: Tx, diff: ReferenceDiff): Promise<void> {
  // Every jeugdregio has one expert team (DESIGN.md); it works with the portal once a platform admin activates it.
  for (const r of diff.regionsAdded) {
    await tx.region.create({ data: { code: r.code, name: r.name, expertTeam: { create: { name: `Expertteam ${r.name}` } } } });
  }
  for (const r of diff.regionsRenamed) {
    await tx.region.update({ where: { code: r.code }, data: { name: r.newName } });
    // Only a team name that was made from the region's name follows it; a name the region chose itself stays.
    await tx.expertTeam.updateMany({ where: { region: { code: r.code }, name: `Expertteam ${r.oldName}` }, data: { name: `Expertteam ${r.newName}` } });
  }
}

/**
 * A gemeente that belongs to another jeugdregio from now on takes its open cases along:
 * the new region's expert team is the one that helps them. Closed cases keep their history.
 */
async function moveToRegion(tx: Tx, actor: Actor | null, role: Role | null, cbsCode: string, regionId: string): Promise<number> {
  const gemeente = await tx.gemeente.update({ where: { cbsCode }, data: { regionId }, select: { id: true, region: { select: { code: true } } } });
  const cases = await tx.case.findMany({
    where: { gemeenteId: gemeente.id, closedAt: null, NOT: { regionId } },
    orderBy: { number: "asc" },
    select: { id: true, number: true, region: { select: { code: true } } },
  });
  if (cases.length === 0) return 0;
  await tx.case.updateMany({ where: { id: { in: cases.map((c) => c.id) } }, data: { regionId, version: { increment: 1 } } });
  for (const c of cases) {
    await writeAudit(tx, actor, {
      action: "case.regionChanged",
      role,
      case: { id: c.id, number: c.number, gemeenteId: gemeente.id },
      changes: { region: { old: c.region?.code ?? null, new: gemeente.region?.code ?? null } },
    });
  }
  await refreshCaseStatistics(tx, cases.map((c) => c.id));
  return cases.length;
}

const contactFields = ["contactName", "contactEmail", "contactPhone", "contactHours"] as const;
const clientSupportFields = ["clientSupportName", "clientSupportPhone", "clientSupportUrl"] as const;
const ombudsmanFields = ["ombudsmanName", "ombudsmanUrl"] as const;
const settingsSelect = {
  id: true,
  cbsCode: true,
  regionId: true,
  region: { select: { code: true } },
  retentionMonths: true,
  activatedAt: true,
  ...Object.fromEntries([...contactFields, ...clientSupportFields, ...ombudsmanFields].map((f) => [f, true])),
} as { id: true; cbsCode: true; regionId: true; region: { select: { code: true } }; retentionMonths: true; activatedAt: true } & Record<
  (typeof contactFields)[number] | (typeof clientSupportFields)[number] | (typeof ombudsmanFields)[number],
  true
>;

type Settings = Prisma.GemeenteGetPayload<{ select: typeof settingsSelect }>;

/**
 * The settings the merged gemeente does not have yet, from its predecessors in the
 * order of the list. Contact details and client support are taken as a whole, so that
 * a name never stands next to another gemeente's phone number.
 */
function inheritedSettings(target: Settings, olds: readonly Settings[]): Prisma.GemeenteUncheckedUpdateInput {
  const data: Prisma.GemeenteUncheckedUpdateInput = {};
  for (const group of [contactFields, clientSupportFields, ombudsmanFields]) {
    if (group.some((f) => target[f] !== null)) continue;
    const source = olds.find((o) => group.some((f) => o[f] !== null));
    if (source) for (const f of group) data[f] = source[f];
  }
  if (target.retentionMonths === null) {
    const source = olds.find((o) => o.retentionMonths !== null);
    if (source) data.retentionMonths = source.retentionMonths;
  }
  // Active when any predecessor was: the staff that move along worked with the portal.
  if (target.activatedAt === null) {
    const activated = olds.flatMap((o) => (o.activatedAt ? [o.activatedAt] : [])).sort((a, b) => a.getTime() - b.getTime());
    if (activated[0]) data.activatedAt = activated[0];
  }
  return data;
}

async function merge(
  tx: Tx,
  actor: Actor | null,
  role: Role | null,
  m: ReferenceDiff["merged"][number],
  endedOn: string,
): Promise<{ gemeenteId: string; counts: MergerCounts[string] }> {
  const target = await tx.gemeente.findUniqueOrThrow({ where: { cbsCode: m.code }, select: settingsSelect });
  const found = await tx.gemeente.findMany({ where: { cbsCode: { in: m.predecessors.map((p) => p.code) } }, select: settingsSelect });
  const olds = m.predecessors.flatMap((p) => found.filter((g) => g.cbsCode === p.code));
  const oldIds = olds.map((o) => o.id);

  await tx.gemeente.updateMany({ where: { id: { in: oldIds } }, data: { endedOn: new Date(`${endedOn}T00:00:00Z`), successorId: target.id } });
  const settings = inheritedSettings(target, olds);
  if (Object.keys(settings).length > 0) await tx.gemeente.update({ where: { id: target.id }, data: settings });
  await inheritNorms(tx, target.id, oldIds);
  // The old gemeenten's organisations join the merged one's directory; its admin archives what is now listed twice.
  await tx.organisation.updateMany({ where: { gemeenteId: { in: oldIds } }, data: { gemeenteId: target.id } });
  const staff = await moveMemberships(tx, target.id, oldIds);
  const openCases = await moveOpenCases(tx, actor, role, target, olds);
  return { gemeenteId: target.id, counts: { openCases, staff } };
}

/** A deadline norm of a step the merged gemeente has none for comes from the first predecessor that has one. */
async function inheritNorms(tx: Tx, gemeenteId: string, oldIds: readonly string[]): Promise<void> {
  const own = await tx.deadlineNorm.findMany({ where: { gemeenteId }, select: { status: true } });
  const taken = new Set(own.map((n) => n.status));
  const rows = await tx.deadlineNorm.findMany({ where: { gemeenteId: { in: [...oldIds] } }, select: { gemeenteId: true, status: true, workingDays: true } });
  for (const oldId of oldIds) {
    for (const row of rows.filter((r) => r.gemeenteId === oldId && !taken.has(r.status))) {
      await tx.deadlineNorm.create({ data: { gemeenteId, status: row.status, workingDays: row.workingDays } });
      taken.add(row.status);
    }
  }
}

/**
 * The old gemeenten's staff hold the same roles in the merged one. Someone who held a
 * role in both keeps one membership: no membership is left on an ended gemeente.
 */
async function moveMemberships(tx: Tx, gemeenteId: string, oldIds: readonly string[]): Promise<number> {
  const key = (m: { userId: string; role: string; regionId: string | null }) => `${m.userId}|${m.role}|${m.regionId ?? ""}`;
  const existing = await tx.membership.findMany({ where: { gemeenteId }, select: { userId: true, role: true, regionId: true } });
  const held = new Set(existing.map(key));
  const moving = await tx.membership.findMany({
    where: { gemeenteId: { in: [...oldIds] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, userId: true, role: true, regionId: true },
  });
  let moved = 0;
  for (const m of moving) {
    if (held.has(key(m))) {
      await tx.membership.delete({ where: { id: m.id } });
    } else {
      await tx.membership.update({ where: { id: m.id }, data: { gemeenteId } });
      held.add(key(m));
      moved += 1;
    }
  }
  return moved;
}

/**
 * The open cases go on in the merged gemeente, with every row that carries the tenant,
 * a timeline entry the family sees, and an event in each case's own audit chain.
 * Closed cases stay where they were, with their history.
 */
async function moveOpenCases(tx: Tx, actor: Actor | null, role: Role | null, target: Settings, olds: readonly Settings[]): Promise<number> {
  const cases = await tx.case.findMany({
    where: { gemeenteId: { in: olds.map((o) => o.id) }, closedAt: null },
    orderBy: { number: "asc" },
    select: { id: true, number: true, gemeenteId: true, region: { select: { code: true } } },
  });
  if (cases.length === 0) return 0;
  const ids = cases.map((c) => c.id);
  const now = new Date();
  await tx.case.updateMany({ where: { id: { in: ids } }, data: { gemeenteId: target.id, regionId: target.regionId, version: { increment: 1 } } });
  await moveCaseRows(tx, ids, target.id);
  // The staff moved along, so their notices of these cases follow; mail not sent yet goes out under the new gemeente.
  await tx.staffNotification.updateMany({ where: { caseId: { in: ids } }, data: { gemeenteId: target.id } });
  await tx.outboxMessage.updateMany({ where: { caseId: { in: ids }, status: "PENDING" }, data: { gemeenteId: target.id } });
  await tx.timelineEntry.createMany({
    data: ids.map((caseId) => ({
      caseId,
      gemeenteId: target.id,
      kind: "gemeenteMerged",
      visibleToFamily: true,
      actorId: actor?.userId ?? null,
      actorRole: role,
      createdAt: now,
    })),
  });
  const codes = new Map(olds.map((o) => [o.id, o.cbsCode]));
  for (const c of cases) {
    await writeAudit(tx, actor, {
      action: "case.gemeenteMerged",
      role,
      case: { id: c.id, number: c.number, gemeenteId: target.id },
      changes: {
        gemeente: { old: codes.get(c.gemeenteId) ?? null, new: target.cbsCode },
        region: { old: c.region?.code ?? null, new: target.region?.code ?? null },
      },
    });
  }
  await refreshCaseStatistics(tx, ids);
  return cases.length;
}
