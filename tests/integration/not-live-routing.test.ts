import { describe, expect, it } from "vitest";
import { prisma } from "@/tests/support/owner-db";
import { fileCase } from "@/lib/server/cases/file-case";
import { followCase } from "@/lib/server/cases/follow-case";
import { listRegionQueue } from "@/lib/server/cases/list-queues";
import { asSystem } from "@/lib/db/acting";
import { routeWaitingCases } from "@/lib/server/coverage/route-waiting";
import { updateFallback } from "@/lib/server/coverage/fallback";
import { readCoverage } from "@/lib/server/coverage/read-coverage";
import { ForbiddenError } from "@/lib/server/errors";
import { caseInput, makeActor } from "../support/factories";

/**
 * Each test takes a gemeente of its own out of the portal (every gemeente of the test
 * template is live), so that tests do not share what they change.
 */
async function notLive(cbsCode: string, { regionToo = false } = {}) {
  const gemeente = await prisma.gemeente.update({ where: { cbsCode }, data: { activatedAt: null }, select: { id: true, regionId: true, cbsCode: true } });
  await prisma.membership.deleteMany({ where: { gemeenteId: gemeente.id } });
  const region = await prisma.region.findUniqueOrThrow({ where: { id: gemeente.regionId! }, select: { id: true, code: true } });
  if (regionToo) {
    await prisma.expertTeam.update({ where: { regionId: region.id }, data: { activatedAt: null } });
    await prisma.membership.deleteMany({ where: { regionId: region.id } });
  }
  return { ...gemeente, region };
}

function timelineOf(caseId: string) {
  return prisma.timelineEntry.findMany({ where: { caseId }, orderBy: { createdAt: "asc" }, select: { kind: true, visibleToFamily: true } });
}

describe("a case for a gemeente that does not work with the portal", () => {
  it("goes to the region's expert team, which is told and finds it in its queue", async () => {
    const utrecht = await notLive("GM0344");
    const expert = await makeActor("EXPERT", { region: utrecht.region.code });
    const parent = await makeActor("FAMILY");

    const filed = await fileCase(parent, caseInput({ ownGemeenteCode: "GM0344" }));

    expect(filed.routing).toBe("REGION");
    const stored = await prisma.case.findUniqueOrThrow({ where: { id: filed.id } });
    expect(stored).toMatchObject({ status: "WITH_EXPERT_TEAM", routing: "REGION", gemeenteId: utrecht.id, regionId: utrecht.region.id });
    expect(stored.deadlineAt).not.toBeNull();
    expect((await timelineOf(filed.id)).map((e) => e.kind)).toEqual(["filed", "routedToRegion"]);
    expect(await prisma.referral.count({ where: { caseId: filed.id, regionId: utrecht.region.id } })).toBe(1);
    expect(await prisma.staffNotification.count({ where: { caseId: filed.id, userId: expert.userId, kind: "caseRouted" } })).toBe(1);
    expect(await prisma.outboxMessage.count({ where: { caseId: filed.id, recipient: expert.email, template: "case-referred" } })).toBe(1);
    const queue = await listRegionQueue(expert);
    expect(queue.rows.map((r) => r.number)).toContain(filed.number);
    const events = await prisma.auditEvent.findMany({ where: { caseId: filed.id }, orderBy: { seq: "asc" }, select: { action: true, changes: true } });
    expect(events.map((e) => e.action)).toEqual(["case.file", "case.route"]);
    expect(events[1]!.changes).toMatchObject({ routing: { old: "GEMEENTE", new: "REGION" }, status: { old: "SUBMITTED", new: "WITH_EXPERT_TEAM" } });

    // The family is told the truth: the expert team acts, not the gemeente.
    const seen = await followCase(parent, filed.number);
    expect(seen.routing).toBe("REGION");
    expect(seen.region?.name).toBeTruthy();
  });

  it("goes to the national fallback when the region's expert team does not work with the portal either, and is never silent", async () => {
    const admin = await makeActor("PLATFORM_ADMIN");
    await updateFallback(admin, { name: "Landelijk meldpunt", email: "meldpunt@test.doorbraak.nl", phone: "0800 1234", url: null, hours: null });
    const zeeland = await notLive("GM0687", { regionToo: true });
    const parent = await makeActor("FAMILY");

    const filed = await fileCase(parent, caseInput({ ownGemeenteCode: "GM0687" }));

    expect(filed.routing).toBe("FALLBACK");
    expect(await prisma.case.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({ status: "SUBMITTED", routing: "FALLBACK", gemeenteId: zeeland.id });
    expect((await timelineOf(filed.id)).map((e) => e.kind)).toEqual(["filed", "routedToFallback"]);
    const mail = await prisma.outboxMessage.findMany({ where: { caseId: filed.id, template: "case-fallback" }, select: { recipient: true } });
    expect(mail.map((m) => m.recipient)).toEqual(expect.arrayContaining(["meldpunt@test.doorbraak.nl", admin.email]));
  });

  it("moves on to the region, then to the gemeente, as soon as they are live, and never back", async () => {
    const zwolle = await notLive("GM0193", { regionToo: true });
    const parent = await makeActor("FAMILY");
    const filed = await fileCase(parent, caseInput({ ownGemeenteCode: "GM0193" }));
    expect(filed.routing).toBe("FALLBACK");

    // The region's expert team starts: the waiting case goes to it.
    const expert = await makeActor("EXPERT", { region: zwolle.region.code });
    await prisma.expertTeam.update({ where: { regionId: zwolle.region.id }, data: { activatedAt: new Date() } });
    expect(await asSystem((tx) => routeWaitingCases(tx, null, { regionIds: [zwolle.region.id] }))).toBe(1);
    expect(await prisma.case.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({ routing: "REGION", status: "WITH_EXPERT_TEAM" });
    expect(await prisma.staffNotification.count({ where: { caseId: filed.id, userId: expert.userId, kind: "caseRouted" } })).toBe(1);

    // Nothing changed: nothing moves.
    expect(await asSystem((tx) => routeWaitingCases(tx, null, { regionIds: [zwolle.region.id] }))).toBe(0);

    // The gemeente goes live: its aanspreekpunt is told and the case is the gemeente's.
    const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: "GM0193" });
    await makeActor("DECISION_HOLDER", { gemeente: "GM0193" });
    await prisma.gemeente.update({ where: { id: zwolle.id }, data: { activatedAt: new Date() } });
    expect(await asSystem((tx) => routeWaitingCases(tx, null, { gemeenteIds: [zwolle.id] }))).toBe(1);
    expect(await prisma.case.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({ routing: "GEMEENTE", status: "WITH_EXPERT_TEAM" });
    expect(await prisma.staffNotification.count({ where: { caseId: filed.id, userId: aanspreekpunt.userId, kind: "caseNew" } })).toBe(1);
    expect((await timelineOf(filed.id)).map((e) => e.kind)).toEqual(["filed", "routedToFallback", "routedToRegion", "routedToGemeente"]);

    // The gemeente loses its staff again: the case stays with it, it does not go back.
    await prisma.membership.deleteMany({ where: { gemeenteId: zwolle.id } });
    expect(await asSystem((tx) => routeWaitingCases(tx, null, { gemeenteIds: [zwolle.id] }))).toBe(0);
    expect(await prisma.case.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({ routing: "GEMEENTE" });
  });

  it("stays with a live gemeente as before", async () => {
    const parent = await makeActor("FAMILY");
    const filed = await fileCase(parent, caseInput({ ownGemeenteCode: "GM0363" }));
    expect(filed.routing).toBe("GEMEENTE");
    expect(await prisma.case.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({ status: "SUBMITTED", routing: "GEMEENTE" });
    expect((await timelineOf(filed.id)).map((e) => e.kind)).toEqual(["filed"]);
  });

  it("moves waiting cases in the system's scope for someone who may not read them, and gives the transaction its own scope back", async () => {
    await notLive("GM0153");
    const parent = await makeActor("FAMILY");
    const filed = await fileCase(parent, caseInput({ ownGemeenteCode: "GM0153" }));
    const gemeente = await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: "GM0153" } });
    const admin = await makeActor("GEMEENTE_ADMIN", { gemeente: "GM0153" });
    await makeActor("AANSPREEKPUNT", { gemeente: "GM0153" });
    await makeActor("DECISION_HOLDER", { gemeente: "GM0153" });
    await prisma.gemeente.update({ where: { id: gemeente.id }, data: { activatedAt: new Date() } });

    const { asActor } = await import("@/lib/db/acting");
    const seenAfter = await asActor(admin, async (tx) => {
      expect(await routeWaitingCases(tx, admin, { gemeenteIds: [gemeente.id] })).toBe(1);
      return tx.case.count({ where: { id: filed.id } });
    });
    expect(seenAfter).toBe(0);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: filed.id, action: "case.route" }, orderBy: { seq: "desc" } });
    expect(event.actorId).toBe(admin.userId);
  });

  it("shows the platform admin per gemeente whether it is live, what it lacks, and its open and waiting cases, without content", async () => {
    const leeuwarden = await notLive("GM0080", { regionToo: true });
    const parent = await makeActor("FAMILY");
    const filed = await fileCase(parent, caseInput({ ownGemeenteCode: "GM0080", childName: "Geheime Naam" }));
    const admin = await makeActor("PLATFORM_ADMIN");

    const coverage = await readCoverage(admin);

    const region = coverage.regions.find((r) => r.code === leeuwarden.region.code)!;
    expect(region.teamLive).toBe(false);
    const row = region.gemeenten.find((g) => g.cbsCode === "GM0080")!;
    expect(row).toMatchObject({ live: false, missing: ["activation", "aanspreekpunt", "decisionHolder", "expertTeam"], open: 1, atRegion: 0, waiting: 1 });
    expect(coverage.waitingCases).toContainEqual(expect.objectContaining({ number: filed.number, gemeente: "Leeuwarden", urgency: "NORMAL" }));
    expect(JSON.stringify(coverage)).not.toContain("Geheime Naam");
    const amsterdam = coverage.regions.flatMap((r) => r.gemeenten).find((g) => g.cbsCode === "GM0363")!;
    expect(amsterdam).toMatchObject({ live: true, missing: [] });
    expect(coverage.totals.gemeenten).toBe(342);
    expect(coverage.totals.waiting).toBeGreaterThanOrEqual(1);

    await expect(readCoverage(await makeActor("OMBUDSMAN"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(readCoverage(await makeActor("GEMEENTE_ADMIN", { gemeente: "GM0080" }))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
