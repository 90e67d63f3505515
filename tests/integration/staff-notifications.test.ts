import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/tests/support/owner-db";
import { answerInfo } from "@/lib/server/cases/answer-info";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { requestInfo } from "@/lib/server/cases/request-info";
import { NotFoundError } from "@/lib/server/errors";
import { deliverOutbox } from "@/lib/server/notifications/deliver-outbox";
import {
  countUnread,
  listMyNotifications,
  markAllRead,
  markCaseNotificationsRead,
  markRead,
  notificationPageSize,
  openNotification,
} from "@/lib/server/notifications/staff-inbox";
import { caseInput, DELFT, DEN_HAAG, makeActor } from "../support/factories";
import { useTestSmtp } from "../support/smtp";

async function notificationsOf(actor: Actor) {
  return prisma.staffNotification.findMany({ where: { userId: actor.userId }, orderBy: { createdAt: "asc" } });
}

/** A case in triage with an open question to the family, claimed by `claimer`. */
async function caseWithOpenQuestion(parent: Actor, claimer: Actor, overrides: Parameters<typeof caseInput>[0] = {}) {
  const filed = await fileCase(parent, caseInput(overrides));
  await claimCase(claimer, { caseId: filed.id });
  await requestInfo(claimer, { caseId: filed.id, familyQuestion: "Welke school heeft uw kind het laatst bezocht?" });
  return filed;
}

/** Notifications written straight into the table, each a minute older than the one before. */
async function seedNotifications(actor: Actor, count: number, start = new Date("2026-03-02T09:00:00Z")) {
  await prisma.staffNotification.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      userId: actor.userId,
      kind: "caseOverdue",
      caseNumber: `DB-2026-${String(900000 + i).padStart(6, "0")}`,
      createdAt: new Date(start.getTime() - i * 60_000),
    })),
  });
}

describe("staff notification e-mail", () => {
  const received = useTestSmtp();

  it("say that there is a new case or an answer, never which child or what it is about", async () => {
    const assignee = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const colleague = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const parent = await makeActor("FAMILY");
    const childName = "Fenna Vertrouwelijk";
    const bsn = "111222333";
    const stuck = "Geheime zorgdetails over Fenna";
    const answer = "Persoonlijk antwoord over de diagnose";
    const filed = await caseWithOpenQuestion(parent, assignee, { childName, childBsn: bsn, stuckDescription: `${stuck}, al maanden.` });
    await answerInfo(parent, { caseId: filed.id, answer });
    // Mail of other tests may wait in the outbox too: send until it is empty.
    while ((await deliverOutbox()) > 0);

    const toAssignee = received.filter((m) => m.to.includes(assignee.email));
    const toColleague = received.filter((m) => m.to.includes(colleague.email));
    expect(toAssignee).toHaveLength(2);
    expect(toAssignee.filter((m) => m.body.includes("Nieuwe melding bij Doorbraak"))).toHaveLength(1);
    expect(toAssignee.filter((m) => m.body.includes("Het gezin heeft uw vraag beantwoord"))).toHaveLength(1);
    // The colleague hears of the new case, but the answer goes only to the person who holds it.
    expect(toColleague).toHaveLength(1);
    expect(toColleague[0]!.body).toContain("Nieuwe melding bij Doorbraak");
    for (const { body } of [...toAssignee, ...toColleague]) {
      for (const secret of [childName, "Fenna", bsn, stuck, answer, "Welke school", filed.number]) expect(body).not.toContain(secret);
    }
  });
});

describe("staff notifications", () => {
  it("tell every aanspreekpunt of the responsible gemeente about a new case, and nobody else", async () => {
    const first = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const second = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const delft = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
    const beslisser = await makeActor("DECISION_HOLDER", { gemeente: DEN_HAAG });
    const parent = await makeActor("FAMILY");

    const filed = await fileCase(parent, caseInput({ ownGemeenteCode: DEN_HAAG }));

    for (const aanspreekpunt of [first, second]) {
      const rows = await notificationsOf(aanspreekpunt);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ kind: "caseNew", caseId: filed.id, caseNumber: filed.number, readAt: null });
      expect(await countUnread(aanspreekpunt)).toBe(1);
    }
    expect(await notificationsOf(delft)).toHaveLength(0);
    expect(await notificationsOf(beslisser)).toHaveLength(0);
    expect(await notificationsOf(parent)).toHaveLength(0);
  });

  it("tell the assignee that the family answered, and not the other aanspreekpunten", async () => {
    const assignee = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const parent = await makeActor("FAMILY");
    const filed = await caseWithOpenQuestion(parent, assignee);
    const colleague = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });

    await answerInfo(parent, { caseId: filed.id, answer: "De Linde, tot de zomer." });

    const told = (await notificationsOf(assignee)).filter((n) => n.kind === "familyAnswered");
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ caseId: filed.id, caseNumber: filed.number, readAt: null });
    expect(await notificationsOf(colleague)).toHaveLength(0);
  });

  it("tell every aanspreekpunt of the gemeente that the family answered when nobody holds the case", async () => {
    const claimer = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const parent = await makeActor("FAMILY");
    const filed = await caseWithOpenQuestion(parent, claimer);
    // The assignee left the case (e.g. reassigned away); the question is still open.
    await prisma.case.update({ where: { id: filed.id }, data: { assigneeId: null } });
    const colleague = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const delft = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });

    await answerInfo(parent, { caseId: filed.id, answer: "De Linde, tot de zomer." });

    for (const aanspreekpunt of [claimer, colleague]) {
      const told = (await notificationsOf(aanspreekpunt)).filter((n) => n.kind === "familyAnswered");
      expect(told.map((n) => n.caseId)).toEqual([filed.id]);
    }
    expect(await notificationsOf(delft)).toHaveLength(0);
  });

  it("count the unread ones and list the newest first, a page at a time", async () => {
    const me = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const other = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    await seedNotifications(me, notificationPageSize + 5);
    // Two rows with one moment, as notifyStaff writes within one transaction: the id decides.
    const tie = new Date("2026-03-02T09:30:00Z");
    await prisma.staffNotification.createMany({
      data: [
        { userId: me.userId, kind: "caseNew", caseNumber: "DB-2026-999998", createdAt: tie },
        { userId: me.userId, kind: "caseNew", caseNumber: "DB-2026-999999", createdAt: tie },
      ],
    });
    await seedNotifications(other, 3, new Date("2026-03-03T09:00:00Z"));
    const total = notificationPageSize + 7;
    await prisma.staffNotification.updateMany({ where: { userId: me.userId, caseNumber: "DB-2026-900000" }, data: { readAt: new Date() } });

    expect(await countUnread(me)).toBe(total - 1);
    expect(await countUnread(other)).toBe(3);

    const first = await listMyNotifications(me);
    expect(first.items).toHaveLength(notificationPageSize);
    expect(first.nextCursor).not.toBeNull();
    const second = await listMyNotifications(me, { cursor: first.nextCursor! });
    expect(second.items).toHaveLength(total - notificationPageSize);
    expect(second.nextCursor).toBeNull();

    const all = [...first.items, ...second.items];
    expect(new Set(all.map((n) => n.id)).size).toBe(total);
    const stored = await prisma.staffNotification.findMany({ where: { userId: me.userId } });
    expect(new Set(all.map((n) => n.id))).toEqual(new Set(stored.map((n) => n.id)));
    for (let i = 1; i < all.length; i++) {
      const [newer, older] = [all[i - 1]!, all[i]!];
      const inOrder = newer.createdAt > older.createdAt || (newer.createdAt.getTime() === older.createdAt.getTime() && newer.id > older.id);
      expect(inOrder, `${newer.caseNumber} before ${older.caseNumber}`).toBe(true);
    }
    expect(all.slice(0, 2).map((n) => n.caseNumber).sort()).toEqual(["DB-2026-999998", "DB-2026-999999"]);
    expect(all.find((n) => n.caseNumber === "DB-2026-900000")?.readAt).not.toBeNull();

    // A cursor that cannot be read starts at the newest again.
    expect((await listMyNotifications(me, { cursor: "nonsense" })).items.map((n) => n.id)).toEqual(first.items.map((n) => n.id));
  });

  it("mark one or all as read, touching only the actor's own rows", async () => {
    const me = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const colleague = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const parent = await makeActor("FAMILY");
    await fileCase(parent, caseInput());
    await fileCase(parent, caseInput());
    await fileCase(parent, caseInput());
    expect(await countUnread(me)).toBe(3);
    expect(await countUnread(colleague)).toBe(3);

    const [one] = (await listMyNotifications(me)).items;
    await markRead(me, one!.id);
    expect(await countUnread(me)).toBe(2);
    expect(await countUnread(colleague)).toBe(3);
    // Marking it again changes nothing and is no error.
    await markRead(me, one!.id);
    expect(await countUnread(me)).toBe(2);

    expect(await markAllRead(me)).toBe(2);
    expect(await countUnread(me)).toBe(0);
    expect(await countUnread(colleague)).toBe(3);
    expect((await notificationsOf(colleague)).every((n) => n.readAt === null)).toBe(true);
  });

  it("answer 'not found' for someone else's notification, and leave it unread", async () => {
    const me = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const stranger = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
    await fileCase(await makeActor("FAMILY"), caseInput({ ownGemeenteCode: DELFT }));
    const [theirs] = await notificationsOf(stranger);
    expect(theirs).toBeDefined();

    await expect(markRead(me, theirs!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(markRead(me, "c-does-not-exist")).rejects.toBeInstanceOf(NotFoundError);
    await expect(openNotification(me, theirs!.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.staffNotification.findUniqueOrThrow({ where: { id: theirs!.id } })).readAt).toBeNull();
    expect((await listMyNotifications(me)).items).toHaveLength(0);
  });

  it("open a notification: read, and the way to its case", async () => {
    const me = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
    const filed = await fileCase(await makeActor("FAMILY"), caseInput({ ownGemeenteCode: DELFT }));
    const [mine] = await notificationsOf(me);
    expect(await openNotification(me, mine!.id)).toEqual({ caseNumber: filed.number });
    expect(await countUnread(me)).toBe(0);
    // Opening it again is harmless.
    expect(await openNotification(me, mine!.id)).toEqual({ caseNumber: filed.number });
  });

  it("mark the actor's notifications of a case read when they open it, and no others", async () => {
    const me = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const colleague = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const parent = await makeActor("FAMILY");
    const opened = await caseWithOpenQuestion(parent, me);
    const other = await fileCase(parent, caseInput());
    await answerInfo(parent, { caseId: opened.id, answer: "Ja, sinds vorige week." });
    // caseNew and familyAnswered for the opened case, caseNew for the other one.
    expect(await countUnread(me)).toBe(3);

    expect(await markCaseNotificationsRead(me, opened.id)).toBe(2);

    const mine = await notificationsOf(me);
    expect(mine.filter((n) => n.caseId === opened.id).every((n) => n.readAt !== null)).toBe(true);
    expect(mine.filter((n) => n.caseId === other.id).map((n) => n.readAt)).toEqual([null]);
    expect((await notificationsOf(colleague)).filter((n) => n.caseId === opened.id).map((n) => n.readAt)).toEqual([null]);
    expect(await markCaseNotificationsRead(me, opened.id)).toBe(0);
  });
});
