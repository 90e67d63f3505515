import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { prisma as portal } from "@/lib/db/client";
import { asActor, asSystem } from "@/lib/db/acting";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { referCase } from "@/lib/server/cases/refer-case";
import { asStatisticsReader } from "@/lib/server/statistics/read-scope";
import { caseInput, DELFT, DEN_HAAG, HAAGLANDEN, makeActor, referralFacts } from "@/tests/support/factories";
import { prisma as owner } from "@/tests/support/owner-db";

/**
 * Row-level security is the second wall (decision 016): these tests leave the
 * application's own scoping out and query with the portal's raw client, in
 * the database scope of one person, to show what PostgreSQL itself allows.
 */
let denHaagStaff: Actor;
let delftCase: { id: string; number: string };
let denHaagCase: { id: string; number: string };
let delftParent: Actor;
let expert: Actor;
let ombudsman: Actor;

beforeAll(async () => {
  denHaagStaff = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  const delftStaff = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
  delftParent = await makeActor("FAMILY");
  const denHaagParent = await makeActor("FAMILY");
  expert = await makeActor("EXPERT", { region: HAAGLANDEN });
  ombudsman = await makeActor("OMBUDSMAN");
  delftCase = await fileCase(delftParent, caseInput({ ownGemeenteCode: DELFT, childName: "Kind Delft" }));
  denHaagCase = await fileCase(denHaagParent, caseInput({ ownGemeenteCode: DEN_HAAG, childName: "Kind Den Haag" }));
  await claimCase(delftStaff, { caseId: delftCase.id });
  await referCase(delftStaff, { caseId: delftCase.id, ...referralFacts(), question: "Kan het expertteam een casusoverleg leiden?" });
});

describe("the portal's database role", () => {
  it("is no superuser, cannot bypass row-level security and owns no table", async () => {
    const [role] = await portal.$queryRaw<{ name: string; superuser: boolean; bypass: boolean; owns: bigint }[]>`
      SELECT current_user AS name, r.rolsuper AS superuser, r.rolbypassrls AS bypass,
             (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid AND c.relnamespace = 'public'::regnamespace) AS owns
      FROM pg_roles r WHERE r.rolname = current_user`;
    expect(role).toEqual({ name: "doorbraak_app", superuser: false, bypass: false, owns: 0n });
  });

  it("sees no case data at all outside a transaction that says who acts", async () => {
    expect(await portal.case.count()).toBe(0);
    expect(await portal.timelineEntry.count()).toBe(0);
    expect(await portal.auditEvent.count()).toBe(0);
    expect(await portal.caseParty.count()).toBe(0);
    expect(await portal.caseStatistic.count()).toBe(0);
    expect(await owner.case.count()).toBeGreaterThanOrEqual(2);
    expect(await owner.caseStatistic.count()).toBeGreaterThanOrEqual(2);
  });

  it("puts every table that holds case or personal data under row-level security", async () => {
    const tables = await owner.$queryRaw<{ name: string; rls: boolean }[]>`
      SELECT c.relname AS name, c.relrowsecurity AS rls FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname IN ('caseId', 'decisionId') AND NOT a.attisdropped)`;
    expect(tables.length).toBeGreaterThan(10);
    expect(tables.filter((t) => !t.rls).map((t) => t.name)).toEqual([]);
    const own = await owner.$queryRaw<{ name: string }[]>`
      SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relrowsecurity ORDER BY relname`;
    expect(own.map((t) => t.name)).toEqual(expect.arrayContaining(["Case", "CaseDraft", "StaffNotification", "OutboxMessage", "AuditEvent", "CaseStatistic"]));
  });

  it("puts every other table under row-level security too, except the ones listed here with the reason", async () => {
    const withoutPolicies: Record<string, string> = {
      _prisma_migrations: "the owner's only: the portal's role has no rights on it at all",
      Region: "reference data, public",
      ExpertTeam: "reference data, public",
      Gemeente: "reference data, public",
      DeadlineNorm: "reference data, public",
      Organisation: "a gemeente's directory of the organisations it works with (decision 034): work contact details, no case data; the service scopes it by the admin's memberships",
      NationalFallback: "where cases go when no one else can act: read when filing, set by the platform admin",
      ReferenceUpdate: "the history of the yearly reference lists, no personal data",
      CaseNumberCounter: "a counter per year, no data",
      RateLimit: "sign-in counts attempts before anyone acts",
      RevokedSession: "checked on every request before anyone acts",
      TwoFactorCredential: "read at sign-in before anyone acts; the secret is sealed with AUTH_SECRET",
      RecoveryCode: "read at sign-in before anyone acts; only hashes are stored",
      StaffInvitation: "opened by its link before anyone acts; only the link's hash is stored",
      StatisticsPolicy: "the threshold below which counts are never shown: read by the statistics job and the open figures, set by the platform admin",
    };
    const tables = await owner.$queryRaw<{ name: string }[]>`
      SELECT relname AS name FROM pg_class
      WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND NOT relrowsecurity ORDER BY relname`;
    expect(tables.map((t) => t.name).sort()).toEqual(Object.keys(withoutPolicies).sort());
  });

  it("changes no person or membership without saying who acts", async () => {
    const [someone] = await owner.user.findMany({ take: 1, select: { id: true } });
    expect(await portal.$executeRaw`UPDATE "User" SET name = 'Overschreven' WHERE id = ${someone!.id}`).toBe(0);
    expect(await portal.$executeRaw`DELETE FROM "Membership"`).toBe(0);
    await expect(portal.$executeRaw`INSERT INTO "Membership" (id, "userId", role) VALUES ('m-ingebroken', ${someone!.id}, 'OMBUDSMAN')`).rejects.toThrow(/row-level security/);
    await expect(portal.$executeRaw`INSERT INTO "User" (id, email, name, "passwordHash") VALUES ('u-ingebroken', 'x@example.org', 'x', 'x')`).rejects.toThrow(/row-level security/);
  });
});

describe("people and memberships", () => {
  it("a person changes their own account only", async () => {
    const changed = await asActor(delftParent, async (tx) => ({
      own: await tx.user.updateMany({ where: { id: delftParent.userId }, data: { sessionVersion: { increment: 1 } } }),
      other: await tx.user.updateMany({ where: { id: denHaagStaff.userId }, data: { sessionVersion: { increment: 1 } } }),
    }));
    expect({ own: changed.own.count, other: changed.other.count }).toEqual({ own: 1, other: 0 });
  });

  it("a gemeente admin changes their own gemeente's memberships, not another's; nobody else changes any", async () => {
    const denHaagAdmin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    const delftAdmin = await makeActor("GEMEENTE_ADMIN", { gemeente: DELFT });
    const ofDenHaag = await owner.membership.findFirstOrThrow({ where: { userId: denHaagStaff.userId } });
    const promote = (actor: Actor) => asActor(actor, (tx) => tx.$executeRaw`UPDATE "Membership" SET role = 'OMBUDSMAN' WHERE id = ${ofDenHaag.id}`);
    expect(await promote(delftAdmin)).toBe(0);
    expect(await promote(denHaagStaff)).toBe(0);
    expect(await promote(ombudsman)).toBe(0);
    // Which role an admin may give is the application's check (lib/domain/staff-roles.ts); the database allows the gemeente.
    expect(await asActor(denHaagAdmin, (tx) => tx.$executeRaw`UPDATE "Membership" SET "createdAt" = "createdAt" WHERE id = ${ofDenHaag.id}`)).toBe(1);
    // Within reach, the new row is judged too: the admin cannot move a member out of the gemeente.
    const delft = await owner.gemeente.findUniqueOrThrow({ where: { cbsCode: DELFT } });
    await expect(
      asActor(denHaagAdmin, (tx) => tx.membership.update({ where: { id: ofDenHaag.id }, data: { gemeenteId: delft.id } })),
    ).rejects.toThrow(/row-level security/);
    expect(await owner.membership.findUniqueOrThrow({ where: { id: ofDenHaag.id } })).toEqual(ofDenHaag);
    await expect(
      asActor(delftParent, (tx) => tx.membership.create({ data: { userId: expert.userId, role: "OMBUDSMAN" } })),
    ).rejects.toThrow(/row-level security/);
  });
});

describe("in the scope of an aanspreekpunt of Den Haag, without the application's filters", () => {
  it("cannot read a case of Delft, nor anything hanging off it", async () => {
    const seen = await asActor(denHaagStaff, async (tx) => ({
      all: await tx.case.findMany({ select: { id: true } }),
      byId: await tx.case.findUnique({ where: { id: delftCase.id } }),
      raw: await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Case" WHERE id = ${delftCase.id}`,
      timeline: await tx.timelineEntry.count({ where: { caseId: delftCase.id } }),
      parties: await tx.caseParty.count({ where: { caseId: delftCase.id } }),
      referrals: await tx.referral.count({ where: { caseId: delftCase.id } }),
      audit: await tx.auditEvent.count({ where: { caseId: delftCase.id } }),
      outbox: await tx.outboxMessage.count({ where: { caseId: delftCase.id } }),
    }));
    expect(seen.all.map((c) => c.id)).toContain(denHaagCase.id);
    expect(seen.all.map((c) => c.id)).not.toContain(delftCase.id);
    expect(seen).toMatchObject({ byId: null, raw: [{ n: 0n }], timeline: 0, parties: 0, referrals: 0, audit: 0, outbox: 0 });
    // The owner sees that there is something to hide.
    expect(await owner.timelineEntry.count({ where: { caseId: delftCase.id } })).toBeGreaterThan(0);
  });

  it("cannot change a case of Delft: updates match nothing and inserts are refused", async () => {
    const before = await owner.case.findUniqueOrThrow({ where: { id: delftCase.id } });
    const changed = await asActor(denHaagStaff, (tx) =>
      tx.case.updateMany({ where: { id: delftCase.id }, data: { status: "CLOSED", childName: "Overschreven" } }),
    );
    expect(changed.count).toBe(0);
    const raw = await asActor(denHaagStaff, (tx) => tx.$executeRaw`UPDATE "Case" SET "childName" = 'Overschreven' WHERE id = ${delftCase.id}`);
    expect(raw).toBe(0);
    const removed = await asActor(denHaagStaff, (tx) => tx.timelineEntry.deleteMany({ where: { caseId: delftCase.id } }));
    expect(removed.count).toBe(0);
    await expect(
      asActor(denHaagStaff, (tx) =>
        tx.timelineEntry.create({ data: { caseId: delftCase.id, gemeenteId: before.gemeenteId, kind: "note", body: "Ingebroken" } }),
      ),
    ).rejects.toThrow(/row-level security/);
    // Moving a Den Haag case to Delft's gemeente is refused too: the new row would be out of reach.
    await expect(
      asActor(denHaagStaff, (tx) => tx.case.update({ where: { id: denHaagCase.id }, data: { gemeenteId: before.gemeenteId } })),
    ).rejects.toThrow(/row-level security/);
    const after = await owner.case.findUniqueOrThrow({ where: { id: delftCase.id } });
    expect(after).toEqual(before);
  });

  it("can read and change its own gemeente's case", async () => {
    const own = await asActor(denHaagStaff, async (tx) => {
      const found = await tx.case.findUnique({ where: { id: denHaagCase.id }, select: { number: true } });
      const changed = await tx.case.updateMany({ where: { id: denHaagCase.id }, data: { version: { increment: 1 } } });
      return { found, changed: changed.count };
    });
    expect(own).toEqual({ found: { number: denHaagCase.number }, changed: 1 });
  });
});

describe("the other scopes", () => {
  it("a parent reaches only the case they filed", async () => {
    const ids = await asActor(delftParent, (tx) => tx.case.findMany({ select: { id: true } }));
    expect(ids.map((c) => c.id)).toEqual([delftCase.id]);
  });

  it("the region's expert team reaches a case once it is referred, not before", async () => {
    const ids = await asActor(expert, (tx) => tx.case.findMany({ select: { id: true } }));
    expect(ids.map((c) => c.id)).toContain(delftCase.id);
    expect(ids.map((c) => c.id)).not.toContain(denHaagCase.id);
  });

  it("the ombudsman reads every case and changes none", async () => {
    const result = await asActor(ombudsman, async (tx) => ({
      seen: await tx.case.count({ where: { id: { in: [delftCase.id, denHaagCase.id] } } }),
      changed: (await tx.case.updateMany({ where: { id: delftCase.id }, data: { childName: "Overschreven" } })).count,
    }));
    expect(result).toEqual({ seen: 2, changed: 0 });
  });

  it("the portal's own jobs reach every case", async () => {
    expect(await asSystem((tx) => tx.case.count({ where: { id: { in: [delftCase.id, denHaagCase.id] } } }))).toBe(2);
  });

  it("no person, and not the portal's own jobs, reads the statistics: only the services that aggregate them do", async () => {
    for (const actor of [denHaagStaff, delftParent, expert, ombudsman]) {
      expect(await asActor(actor, (tx) => tx.caseStatistic.count())).toBe(0);
    }
    expect(await asSystem((tx) => tx.caseStatistic.count())).toBe(0);
    expect(await asStatisticsReader((tx) => tx.caseStatistic.count())).toBe(await owner.caseStatistic.count());
    expect(await asStatisticsReader((tx) => tx.case.count())).toBe(0);
  });

  it("the settings end with the transaction", async () => {
    await asActor(denHaagStaff, (tx) => tx.case.count());
    expect(await portal.case.count()).toBe(0);
  });
});
