import { describe, expect, it } from "vitest";
import { defaultQueueFilter } from "@/lib/domain/queue-filters";
import { prisma } from "@/tests/support/owner-db";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { followCase } from "@/lib/server/cases/follow-case";
import { listGemeenteQueue } from "@/lib/server/cases/list-queues";
import { openCase } from "@/lib/server/cases/open-case";
import { requestInfo } from "@/lib/server/cases/request-info";
import { setUrgency } from "@/lib/server/cases/set-urgency";
import { DomainError } from "@/lib/server/errors";
import { caseInput, DEN_HAAG, makeActor } from "../support/factories";

const REASON = "De moeder belde: Lieke is van huis weggelopen.";

describe("changing how urgent a case is", () => {
  it("raises a case to crisis while it waits for the family, without touching its step or clock", async () => {
    const parent = await makeActor("FAMILY");
    const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const { id, number } = await fileCase(parent, caseInput({ urgency: "NORMAL" }));
    await claimCase(aanspreekpunt, { caseId: id });
    await requestInfo(aanspreekpunt, { caseId: id, familyQuestion: "Welke school heeft Lieke het laatst bezocht?" });
    const waiting = await prisma.case.findUniqueOrThrow({ where: { id } });

    await setUrgency(aanspreekpunt, { caseId: id, urgency: "CRISIS", urgencyReason: REASON });

    const after = await prisma.case.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ urgency: "CRISIS", status: "INFO_REQUESTED", deadlineAt: waiting.deadlineAt });
    // The crisis filter of the queue finds it at once.
    const crises = await listGemeenteQueue(aanspreekpunt, { ...defaultQueueFilter, urgency: ["CRISIS"] }, { now: new Date(), pageSize: 50 });
    expect(crises.rows.map((r) => r.number)).toContain(number);
    // The audit trail has the old and the new urgency, never the reason.
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: id, action: "case.setUrgency" } });
    expect(event.changes).toEqual({ urgency: { old: "NORMAL", new: "CRISIS" } });
    expect(JSON.stringify(event)).not.toContain("weggelopen");
    // Staff read the reason; the family reads that the urgency changed, and what it is now.
    const staffView = await openCase(aanspreekpunt, number);
    expect(staffView.case.timeline.find((e) => e.kind === "urgencyChanged")?.body).toBe(REASON);
    const family = await followCase(parent, number);
    expect(family.urgency).toBe("CRISIS");
    expect(family.timeline.map((e) => e.kind)).toContain("urgencyChanged");
    expect(JSON.stringify(family)).not.toContain("weggelopen");
    // The open question still waits for its answer.
    expect(family.openQuestion?.question).toBe("Welke school heeft Lieke het laatst bezocht?");
  });

  it("refuses an urgency the case already has, at the field, and changes nothing", async () => {
    const parent = await makeActor("FAMILY");
    const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const { id } = await fileCase(parent, caseInput({ urgency: "HIGH" }));
    await claimCase(aanspreekpunt, { caseId: id });
    const before = await prisma.case.findUniqueOrThrow({ where: { id } });

    const refused = await setUrgency(aanspreekpunt, { caseId: id, urgency: "HIGH", urgencyReason: REASON }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).fieldErrors).toEqual({ urgency: "sameUrgency" });
    expect(await prisma.case.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await prisma.timelineEntry.count({ where: { caseId: id, kind: "urgencyChanged" } })).toBe(0);
  });

  it("lowers an urgency once the danger has passed", async () => {
    const parent = await makeActor("FAMILY");
    const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const { id } = await fileCase(parent, caseInput({ urgency: "CRISIS" }));
    await claimCase(aanspreekpunt, { caseId: id });
    await setUrgency(aanspreekpunt, { caseId: id, urgency: "HIGH", urgencyReason: "Lieke is veilig bij haar oma." });
    expect((await prisma.case.findUniqueOrThrow({ where: { id } })).urgency).toBe("HIGH");
  });
});
