import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { auditHash, chainFor, hashedFieldsOf } from "@/lib/domain/audit";
import { prisma } from "@/tests/support/owner-db";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { verifyAuditChains, verifyCaseChain } from "@/lib/server/audit/verify-chains";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { followCase, listMyCases } from "@/lib/server/cases/follow-case";
import { startLocal } from "@/lib/server/cases/start-local";
import { caseInput, DEN_HAAG, makeActor } from "../support/factories";
import { operatorCommand } from "../support/operator-command";

/** `npm run audit:verify` as an operator runs it, against this file's database. */
const auditVerify = (...args: string[]) => operatorCommand("scripts/audit-verify.ts", ...args);

/**
 * A superuser connection that switches triggers off for its session, as
 * someone with direct access to the database could: the application's
 * append-only rule no longer stops it, and only the hash chain can tell.
 */
let tamper: pg.Client;

async function caseWithHistory(parent: Actor, aanspreekpunt: Actor) {
  const filed = await fileCase(parent, caseInput());
  await claimCase(aanspreekpunt, { caseId: filed.id });
  await startLocal(aanspreekpunt, { caseId: filed.id, note: "Gesprek met school gepland." });
  const events = await prisma.auditEvent.findMany({ where: { chain: chainFor(filed.id) }, orderBy: { seq: "asc" } });
  expect(events.length).toBeGreaterThanOrEqual(3);
  return { ...filed, events };
}

let parent: Actor;
let aanspreekpunt: Actor;

beforeAll(async () => {
  parent = await makeActor("FAMILY");
  aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  tamper = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await tamper.connect();
  await tamper.query("SET session_replication_role = replica");
});

afterAll(async () => {
  await tamper.end();
});

describe("the audit trail in the database", () => {
  it("refuses to change, remove or empty audit events, whoever the application connects as", async () => {
    const { events } = await caseWithHistory(parent, aanspreekpunt);
    const first = events[0]!;
    await expect(prisma.auditEvent.update({ where: { id: first.id }, data: { action: "case.read" } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.delete({ where: { id: first.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET "actorName" = 'x' WHERE id = $1`, first.id)).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await prisma.auditEvent.findUniqueOrThrow({ where: { id: first.id } })).toEqual(first);
  });

  it("chains each case's events, and each person's events outside cases, each covering every stored field", async () => {
    const { id, events } = await caseWithHistory(parent, aanspreekpunt);
    events.forEach((e, i) => {
      expect(e).toMatchObject({ chain: `case:${id}`, seq: i + 1, hashVersion: 2, prevHash: i === 0 ? null : events[i - 1]!.hash });
      expect(auditHash(hashedFieldsOf(e))).toBe(e.hash);
    });
    await prisma.$transaction((tx) => writeAudit(tx, aanspreekpunt, { action: "case.search", role: "AANSPREEKPUNT", changes: { results: { old: null, new: 0 } } }));
    const own = `actor:${aanspreekpunt.userId}`;
    const outside = await prisma.auditEvent.findMany({ where: { chain: own }, orderBy: { seq: "asc" } });
    expect(outside.at(-1)).toMatchObject({ action: "case.search", caseId: null, actorId: aanspreekpunt.userId });
    expect(await prisma.auditChainHead.findUniqueOrThrow({ where: { chain: own } })).toMatchObject({ seq: outside.at(-1)!.seq, hash: outside.at(-1)!.hash });
    expect(await verifyCaseChain(id, prisma)).toBeNull();
  });

  it("writes concurrent events of one case one after the other, without gaps or forks", async () => {
    const { id, number, events } = await caseWithHistory(parent, aanspreekpunt);
    const gemeenteId = events[0]!.gemeenteId!;
    await Promise.all(
      Array.from({ length: 8 }, () => prisma.$transaction((tx) => writeAudit(tx, aanspreekpunt, { action: "case.read", role: "AANSPREEKPUNT", case: { id, number, gemeenteId } }))),
    );
    expect(await verifyCaseChain(id, prisma)).toBeNull();
  });
});

describe("verifying the chains", () => {
  it("finds every chain whole, and audit:verify says so and exits 0", async () => {
    const c = await caseWithHistory(parent, aanspreekpunt);
    // The family's reads, from the case page and the list, go into the case's chain like staff reads.
    await followCase(parent, c.number);
    await listMyCases(parent);
    expect(await prisma.auditEvent.count({ where: { chain: chainFor(c.id), action: "case.read", actorRole: "FAMILY" } })).toBe(2);
    const report = await verifyAuditChains({ batchSize: 2, db: prisma });
    expect(report.broken).toEqual([]);
    expect(report.events).toBe(await prisma.auditEvent.count());
    expect(report.chains).toBe(await prisma.auditChainHead.count());
    const { code, out } = await auditVerify();
    expect(out).toMatch(/^OK /m);
    expect(code).toBe(0);
  });

  it("names the case and the event when a row was altered, removed or inserted directly in the database", async () => {
    const altered = await caseWithHistory(parent, aanspreekpunt);
    await tamper.query(`UPDATE "AuditEvent" SET "actorRole" = 'OMBUDSMAN' WHERE id = $1`, [altered.events[1]!.id]);
    expect(await verifyCaseChain(altered.id, prisma)).toMatchObject({ kind: "altered", seq: 2, caseNumber: altered.number });

    const removed = await caseWithHistory(parent, aanspreekpunt);
    await tamper.query(`DELETE FROM "AuditEvent" WHERE id = $1`, [removed.events[1]!.id]);
    expect(await verifyCaseChain(removed.id, prisma)).toMatchObject({ kind: "removed", seq: 3, caseNumber: removed.number });

    // Removing the last event leaves a chain that is whole in itself: its recorded head says it was longer.
    const cutShort = await caseWithHistory(parent, aanspreekpunt);
    await tamper.query(`DELETE FROM "AuditEvent" WHERE id = $1`, [cutShort.events.at(-1)!.id]);
    expect(await verifyCaseChain(cutShort.id, prisma)).toMatchObject({ kind: "head", seq: cutShort.events.length - 1, caseNumber: cutShort.number });

    // A forger who computes a correct hash for an added event has no mac key: the event is not the portal's.
    const inserted = await caseWithHistory(parent, aanspreekpunt);
    const last = inserted.events.at(-1)!;
    const forged = {
      ...hashedFieldsOf(last),
      ...{ id: "forged", seq: last.seq + 1, action: "case.read", prevHash: last.hash },
      ...{ onBehalfOf: null, changes: null, ip: null, userAgent: null, requestId: null },
    };
    await tamper.query(
      `INSERT INTO "AuditEvent" (id, chain, seq, "occurredAt", action, outcome, "actorId", "actorName", "actorRole", "actorOrganisation", "gemeenteId", "caseId", "caseNumber", "prevHash", hash, "hashVersion")
       VALUES ($1, $2, $3, $4, $5, 'SUCCESS', $6, $7, $8, $9, $10, $11, $12, $13, $14, 2)`,
      [forged.id, forged.chain, forged.seq, last.occurredAt, forged.action, forged.actorId, forged.actorName, forged.actorRole, forged.actorOrganisation, forged.gemeenteId, forged.caseId, forged.caseNumber, forged.prevHash, auditHash(forged)],
    );
    expect(await verifyCaseChain(inserted.id, prisma)).toMatchObject({ kind: "forged", seq: forged.seq, caseNumber: inserted.number });

    // An event slipped in between: the numbers after it have to move, which changes them.
    const between = await caseWithHistory(parent, aanspreekpunt);
    await tamper.query(`UPDATE "AuditEvent" SET seq = seq + 100 WHERE chain = $1 AND seq >= 2`, [`case:${between.id}`]);
    expect(await verifyCaseChain(between.id, prisma)).toMatchObject({ kind: "altered", seq: 102, caseNumber: between.number });

    const { code, out } = await auditVerify();
    expect(code).toBe(1);
    for (const broken of [altered, removed, cutShort, inserted, between]) expect(out).toContain(`case ${broken.number}`);
    expect(out).toMatch(/^FAILED .*: 5 chain\(s\) broken, 0 checkpoint problem\(s\)\.$/m);

    const one = await auditVerify("--case", altered.number);
    expect(one.code).toBe(1);
    expect(one.out).toContain(`BROKEN  case ${altered.number}`);
    expect(one.out).toContain("event 2 was changed");
    // Five cases with history and two runs of the command-line verifier (each a new Node process).
  }, 120_000);
});
