import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { asActor } from "@/lib/db/acting";
import { prisma as portal } from "@/lib/db/client";
import { quarterDays, quarterOf } from "@/lib/domain/lead-times";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { referCase } from "@/lib/server/cases/refer-case";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { detectSignals, markSignal, readSignals, readSignalToMark } from "@/lib/server/statistics/signals";
import { updateStatisticsThreshold } from "@/lib/server/statistics/statistics-policy";
import { caseInput, DELFT, DEN_HAAG, HAAGLANDEN, makeActor } from "@/tests/support/factories";
import { prisma as owner } from "@/tests/support/owner-db";
import { dayFromNow } from "@/tests/support/days";

let parent: Actor, denHaagStaff: Actor, delftStaff: Actor, delftAdmin: Actor, coordinator: Actor, otherCoordinator: Actor, platformAdmin: Actor;
let haaglandenId: string, denHaagId: string;
const quarter = quarterOf(new Date());
const today = dayFromNow();

/** Files, claims and refers a case, recording what blocks it. */
async function referred(gemeente: string, staff: Actor, causes: ("NO_MANDATE" | "FUNDING")[]) {
  const filed = await fileCase(parent, caseInput({ ownGemeenteCode: gemeente }));
  await claimCase(staff, { caseId: filed.id });
  await referCase(staff, { caseId: filed.id, causes, organisationKinds: ["GGZ"], question: "Kan het expertteam een casusoverleg leiden?" });
  return filed;
}

const signalsNamed = (key: string) => owner.structuralSignal.findMany({ where: { regionId: haaglandenId, key } });
const notices = (actor: Actor) => owner.staffNotification.count({ where: { userId: actor.userId, kind: "structuralSignal" } });

beforeAll(async () => {
  parent = await makeActor("FAMILY");
  denHaagStaff = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  delftStaff = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
  delftAdmin = await makeActor("GEMEENTE_ADMIN", { gemeente: DELFT });
  coordinator = await makeActor("REGION_COORDINATOR", { region: HAAGLANDEN });
  otherCoordinator = await makeActor("REGION_COORDINATOR", { region: "JZ13" });
  platformAdmin = await makeActor("PLATFORM_ADMIN");
  haaglandenId = (await owner.region.findUniqueOrThrow({ where: { code: HAAGLANDEN } })).id;
  denHaagId = (await owner.gemeente.findUniqueOrThrow({ where: { cbsCode: DEN_HAAG } })).id;
  for (let i = 0; i < 4; i += 1) await referred(DEN_HAAG, denHaagStaff, ["NO_MANDATE"]);
}, 120_000);

describe("structural signals", () => {
  it("appear when the same cause blocks the threshold of cases in a region's quarter, counted when they are referred", async () => {
    await detectSignals();
    expect(await signalsNamed("NO_MANDATE")).toEqual([]);
    expect(await notices(coordinator)).toBe(0);

    await referred(DELFT, delftStaff, ["NO_MANDATE", "FUNDING"]);
    const result = await detectSignals();
    expect(result.added).toBe(2);
    const [signal] = await signalsNamed("NO_MANDATE");
    expect(signal).toMatchObject({ quarter, dimension: "CAUSE", cases: 5, status: "OPEN" });
    // The kind of organisation of all five referrals is a signal of its own.
    expect(await signalsNamed("GGZ")).toEqual([expect.objectContaining({ dimension: "ORGANISATION_KIND", cases: 5 })]);
    // FUNDING blocked one case: no signal, and its count is nowhere.
    expect(await signalsNamed("FUNDING")).toEqual([]);
    expect(await owner.auditEvent.count({ where: { action: "signal.detect", actorId: null } })).toBe(2);
  });

  it("tell the region's coordinator and the admins of its gemeenten once, in the app and about no case", async () => {
    expect(await notices(coordinator)).toBe(1);
    expect(await notices(delftAdmin)).toBe(1);
    expect(await notices(denHaagStaff)).toBe(0);
    expect(await notices(otherCoordinator)).toBe(0);
    const notice = await owner.staffNotification.findFirstOrThrow({ where: { userId: coordinator.userId, kind: "structuralSignal" } });
    expect(notice).toMatchObject({ caseId: null, caseNumber: null });
    const again = await detectSignals();
    expect(again).toMatchObject({ added: 0, told: 0 });
    expect(await notices(coordinator)).toBe(1);
  });

  it("are shown on the region's page and on those of its gemeenten, and to nobody else", async () => {
    const onRegion = await readSignals(coordinator, { level: "region", regionId: haaglandenId });
    expect(onRegion).toMatchObject({ regionId: haaglandenId, mayMark: true });
    expect(onRegion!.signals.map((s) => s.key).sort()).toEqual(["GGZ", "NO_MANDATE"]);
    const delftId = delftAdmin.memberships[0]!.gemeenteId!;
    expect(await readSignals(delftAdmin, { level: "gemeente", gemeenteId: delftId })).toMatchObject({ regionId: haaglandenId, mayMark: true });
    expect(await readSignals(denHaagStaff, { level: "gemeente", gemeenteId: denHaagId })).toMatchObject({ mayMark: false });
    await expect(readSignals(otherCoordinator, { level: "region", regionId: haaglandenId })).rejects.toThrow(NotFoundError);
    await expect(readSignals(delftAdmin, { level: "gemeente", gemeenteId: denHaagId })).rejects.toThrow(NotFoundError);
    expect(await readSignals(platformAdmin, { level: "country" })).toBeNull();
    // The database shows them to no one outside the statistics services and the region's managers.
    expect(await asActor(denHaagStaff, (tx) => tx.structuralSignal.count())).toBe(0);
    expect(await asActor(otherCoordinator, (tx) => tx.structuralSignal.count())).toBe(0);
    expect(await portal.structuralSignal.count()).toBe(0);
    expect(await asActor(coordinator, (tx) => tx.structuralSignal.count())).toBe(2);
  });

  it("are marked by the coordinator or a gemeente admin of the region, with what was done, in the audit trail", async () => {
    const [signal] = await signalsNamed("NO_MANDATE");
    const input = { signalId: signal!.id, status: "RAISED_REGIONAL" as const, note: "Besproken in het regionaal overleg jeugd.", actedOn: today };
    await expect(markSignal(otherCoordinator, input)).rejects.toThrow(NotFoundError);
    await expect(markSignal(denHaagStaff, input)).rejects.toThrow(NotFoundError);
    await expect(readSignalToMark(otherCoordinator, signal!.id)).rejects.toThrow(NotFoundError);
    const early = markSignal(coordinator, { ...input, actedOn: "2020-01-01" });
    await expect(early).rejects.toMatchObject({ fieldErrors: { actedOn: "beforeQuarter" } });

    await markSignal(coordinator, input);
    expect(await owner.structuralSignal.findUniqueOrThrow({ where: { id: signal!.id } })).toMatchObject({
      status: "RAISED_REGIONAL",
      note: input.note,
      markedById: coordinator.userId,
      actedOn: new Date(`${today}T00:00:00Z`),
    });
    const event = await owner.auditEvent.findFirstOrThrow({ where: { action: "signal.mark", actorId: coordinator.userId } });
    expect(event.actorRole).toBe("REGION_COORDINATOR");
    expect(JSON.stringify(event.changes)).not.toContain(input.note);

    await markSignal(delftAdmin, { ...input, status: "PASSED_NATIONAL", note: "Doorgegeven aan de landelijke tafel." });
    await expect(markSignal(coordinator, input)).rejects.toThrow(DomainError);
    expect((await readSignalToMark(coordinator, signal!.id)).status).toBe("PASSED_NATIONAL");
  });

  it("use the platform admin's threshold, never below the figures' own", async () => {
    await updateStatisticsThreshold(platformAdmin, { threshold: 5, signalThreshold: 3 });
    // FUNDING blocked one case, and three is not five: still no signal.
    await detectSignals();
    expect(await signalsNamed("FUNDING")).toEqual([]);
    await updateStatisticsThreshold(platformAdmin, { threshold: 3, signalThreshold: 3 });
    await referred(DEN_HAAG, denHaagStaff, ["FUNDING"]);
    await referred(DEN_HAAG, denHaagStaff, ["FUNDING"]);
    await detectSignals();
    expect(await signalsNamed("FUNDING")).toEqual([expect.objectContaining({ quarter, cases: 3 })]);
    expect(quarterDays(quarter).first <= today).toBe(true);
  });
});
