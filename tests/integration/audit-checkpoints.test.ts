import { createPrivateKey } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { auditHash, auditMac, chainFor, hashedFieldsOf, type StoredAuditEvent } from "@/lib/domain/audit";
import { signCheckpoint } from "@/lib/domain/audit-checkpoint";
import { asSystem } from "@/lib/db/acting";
import { prisma as portal } from "@/lib/db/client";
import { verifyCheckpoints } from "@/lib/server/audit/checkpoints";
import { auditMacKey, checkpointPublicKey, newCheckpointKeyPair } from "@/lib/server/audit/keys";
import { verifyAuditChains, verifyCaseChain } from "@/lib/server/audit/verify-chains";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { startLocal } from "@/lib/server/cases/start-local";
import { caseInput, DEN_HAAG, makeActor } from "@/tests/support/factories";
import { operatorCommand } from "@/tests/support/operator-command";
import { prisma as owner } from "@/tests/support/owner-db";

/**
 * The trail against whoever holds the portal's database role, and against a superuser
 * (decision 024). The app role is the portal's own client (doorbraak_app); it may set
 * any scope it likes, so the tampering below runs in the system scope, as an attacker
 * with its credentials would. The superuser is the owner with triggers switched off.
 */
const auditVerify = (...args: string[]) => operatorCommand("scripts/audit-verify.ts", ...args);
const auditCheckpoint = (...args: string[]) => operatorCommand("scripts/audit-checkpoint.ts", ...args);

type CaseWithHistory = { id: string; number: string; events: StoredAuditEvent[] };

let parent: Actor;
let aanspreekpunt: Actor;
let superuser: pg.Client;
/** Cases whose whole history the first checkpoint signs */
const signed: Record<"moved" | "cutOff" | "unkeyed" | "wronglyKeyed" | "rewritten" | "untouched", CaseWithHistory> = {} as never;

async function caseWithHistory(): Promise<CaseWithHistory> {
  const filed = await fileCase(parent, caseInput());
  await claimCase(aanspreekpunt, { caseId: filed.id });
  await startLocal(aanspreekpunt, { caseId: filed.id, note: "Gesprek met school gepland." });
  const events = await owner.auditEvent.findMany({ where: { chain: chainFor(filed.id) }, orderBy: { seq: "asc" } });
  return { ...filed, events };
}

/** An event after the last one of a case, with a correctly computed hash and the given mac. */
function forgedAfter(last: StoredAuditEvent, mac: (hash: string) => string | null) {
  const fields = { ...hashedFieldsOf(last), id: `forged-${last.id}`, seq: last.seq + 1, action: "case.read", prevHash: last.hash, changes: null };
  const hash = auditHash(fields);
  return { fields, hash, mac: mac(hash) };
}

/** As the app role: appends an event and moves the head to it, as writeAudit would. */
async function appendAsAppRole(event: ReturnType<typeof forgedAfter>): Promise<void> {
  const f = event.fields;
  await asSystem(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "AuditEvent" (id, chain, seq, "occurredAt", action, outcome, "actorId", "actorName", "actorRole", "actorOrganisation",
        "onBehalfOf", "gemeenteId", "caseId", "caseNumber", changes, ip, "userAgent", "requestId", "prevHash", hash, "hashVersion", mac)
      VALUES (${f.id}, ${f.chain}, ${f.seq}, ${f.occurredAt}::timestamp(3), ${f.action}, ${f.outcome}::"AuditOutcome", ${f.actorId},
        ${f.actorName}, ${f.actorRole}::"Role", ${f.actorOrganisation}, ${f.onBehalfOf}, ${f.gemeenteId}, ${f.caseId}, ${f.caseNumber},
        NULL, ${f.ip}, ${f.userAgent}, ${f.requestId}, ${f.prevHash}, ${event.hash}, ${f.hashVersion}, ${event.mac})`;
    await tx.$executeRaw`UPDATE "AuditChainHead" SET seq = ${f.seq}, hash = ${event.hash} WHERE chain = ${f.chain}`;
  });
}

beforeAll(async () => {
  const pair = newCheckpointKeyPair();
  // The commands started below inherit these, as the operator's checkpoint job would have them.
  process.env.AUDIT_CHECKPOINT_PRIVATE_KEY = pair.privateKey;
  process.env.AUDIT_CHECKPOINT_PUBLIC_KEY = pair.publicKey;
  parent = await makeActor("FAMILY");
  aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  for (const name of Object.keys({ moved: 0, cutOff: 0, unkeyed: 0, wronglyKeyed: 0, rewritten: 0, untouched: 0 }) as (keyof typeof signed)[]) {
    signed[name] = await caseWithHistory();
  }
  superuser = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await superuser.connect();
  await superuser.query("SET session_replication_role = replica");
});

afterAll(async () => {
  await superuser.end();
});

describe("a whole trail", () => {
  it("is signed by audit:checkpoint and then verifies, checkpoint included", async () => {
    const made = await auditCheckpoint();
    expect(made.out).toMatch(/^OK {6}checkpoint 1 signs \d+ chain\(s\): [0-9a-f]{64}$/m);
    expect(made.code).toBe(0);
    const checkpoint = await owner.auditCheckpoint.findUniqueOrThrow({ where: { seq: 1 } });
    expect(checkpoint.prevHash).toBeNull();
    expect(JSON.stringify(checkpoint.heads)).toContain(chainFor(signed.untouched.id));

    const checks = await verifyCheckpoints(owner, checkpointPublicKey()!);
    expect(checks).toMatchObject({ count: 1, problems: [], latest: { seq: 1, hash: checkpoint.hash } });
    expect(checks.signed.get(chainFor(signed.untouched.id))).toEqual({ seq: signed.untouched.events.length, hash: signed.untouched.events.at(-1)!.hash });
    expect((await verifyAuditChains({ db: owner, signed: checks.signed })).broken).toEqual([]);

    const verified = await auditVerify();
    expect(verified.out).toContain(`CHECKPOINT 1 of ${checkpoint.createdAt.toISOString()}: ${checkpoint.hash}`);
    expect(verified.out).toMatch(/^OK /m);
    expect(verified.code).toBe(0);

    // The operator kept the hash elsewhere: a checkpoint that is not there fails the check.
    expect((await auditVerify("--checkpoint", checkpoint.hash)).code).toBe(0);
    const missing = await auditVerify("--checkpoint", "0".repeat(64));
    expect(missing.out).toContain(`BROKEN  checkpoint ${"0".repeat(64)} is not in the database`);
    expect(missing.code).toBe(1);
  }, 90_000);

  it("every event the portal writes carries its mac", async () => {
    const key = auditMacKey();
    for (const e of signed.untouched.events) expect(e.mac).toBe(auditMac(e.hash, key));
  });
});

describe("the portal's database role", () => {
  it("cannot read or write checkpoints, nor the legacy heads, whatever scope it sets", async () => {
    await expect(asSystem((tx) => tx.auditCheckpoint.count())).rejects.toThrow(/permission denied/);
    await expect(asSystem((tx) => tx.$executeRaw`DELETE FROM "AuditCheckpoint"`)).rejects.toThrow(/permission denied/);
    await expect(asSystem((tx) => tx.$executeRaw`INSERT INTO "AuditCheckpoint" (seq, "createdAt", heads, hash, signature) VALUES (99, now(), '[]', 'x', 'x')`)).rejects.toThrow(/permission denied/);
    await expect(asSystem((tx) => tx.$executeRaw`INSERT INTO "AuditLegacyHead" (chain, seq) VALUES (${chainFor(signed.untouched.id)}, 1000)`)).rejects.toThrow(/permission denied/);
    await expect(asSystem((tx) => tx.$executeRaw`UPDATE "AuditLegacyHead" SET seq = seq + 1000`)).rejects.toThrow(/permission denied/);
    // Reading the legacy heads is allowed: the ombudsman's check in the portal needs them.
    expect(await asSystem((tx) => tx.auditLegacyHead.count())).toBeGreaterThanOrEqual(0);
  });

  it("cannot reach chain heads without saying who acts, and never removes one", async () => {
    const chain = chainFor(signed.untouched.id);
    expect(await portal.auditChainHead.count()).toBe(0);
    expect(await portal.$executeRaw`UPDATE "AuditChainHead" SET seq = seq + 1 WHERE chain = ${chain}`).toBe(0);
    await expect(asSystem((tx) => tx.$executeRaw`DELETE FROM "AuditChainHead" WHERE chain = ${chain}`)).rejects.toThrow(/permission denied/);
    expect(await owner.auditChainHead.findUniqueOrThrow({ where: { chain } })).toMatchObject({ seq: signed.untouched.events.length });
  });

  it("moving a chain head is found, and the case named", async () => {
    const { id, number, events } = signed.moved;
    await asSystem((tx) => tx.$executeRaw`UPDATE "AuditChainHead" SET seq = seq - 1, hash = ${events.at(-2)!.hash} WHERE chain = ${chainFor(id)}`);
    expect(await verifyCaseChain(id, owner)).toMatchObject({ kind: "head", seq: events.length, caseNumber: number });
  });

  it("appending a correctly hashed event without the portal's key is found, and the case named", async () => {
    const unkeyed = forgedAfter(signed.unkeyed.events.at(-1)!, () => null);
    await appendAsAppRole(unkeyed);
    expect(await verifyCaseChain(signed.unkeyed.id, owner)).toMatchObject({ kind: "forged", seq: unkeyed.fields.seq, caseNumber: signed.unkeyed.number });

    const wronglyKeyed = forgedAfter(signed.wronglyKeyed.events.at(-1)!, (hash) => auditMac(hash, Buffer.from("a-key-guessed-by-the-attacker-0123456789")));
    await appendAsAppRole(wronglyKeyed);
    expect(await verifyCaseChain(signed.wronglyKeyed.id, owner)).toMatchObject({ kind: "forged", seq: wronglyKeyed.fields.seq, caseNumber: signed.wronglyKeyed.number });
  });
});

describe("a superuser", () => {
  it("who removes a chain head is found", async () => {
    await superuser.query(`DELETE FROM "AuditChainHead" WHERE chain = $1`, [chainFor(signed.cutOff.id)]);
    expect(await verifyCaseChain(signed.cutOff.id, owner)).toMatchObject({ kind: "head", caseNumber: signed.cutOff.number });
  });

  it("who rewrites a signed event and re-hashes the chain with the portal's own key is found by the checkpoint", async () => {
    const { id, number, events } = signed.rewritten;
    const key = auditMacKey();
    let prevHash = events[0]!.hash;
    for (const event of events.slice(1)) {
      const fields = { ...hashedFieldsOf(event), prevHash, ...(event.seq === 2 ? { actorName: "Iemand anders" } : {}) };
      const hash = auditHash(fields);
      await superuser.query(`UPDATE "AuditEvent" SET "actorName" = $1, "prevHash" = $2, hash = $3, mac = $4 WHERE id = $5`, [fields.actorName, prevHash, hash, auditMac(hash, key), event.id]);
      prevHash = hash;
    }
    await superuser.query(`UPDATE "AuditChainHead" SET hash = $1 WHERE chain = $2`, [prevHash, chainFor(id)]);
    // Without the checkpoint the rewrite is perfect…
    expect(await verifyCaseChain(id, owner)).toBeNull();
    // …but the checkpoint signed the old last event.
    const { signed: heads } = await verifyCheckpoints(owner, checkpointPublicKey()!);
    const report = await verifyAuditChains({ chain: chainFor(id), db: owner, signed: heads });
    expect(report.broken).toEqual([{ chain: chainFor(id), seq: events.length, kind: "checkpoint", caseNumber: number }]);
    const one = await auditVerify("--case", number);
    expect(one.out).toContain(`BROKEN  case ${number} (${chainFor(id)}): the chain differs from the signed checkpoint at event ${events.length}`);
    expect(one.code).toBe(1);
  }, 60_000);

  it("who adds a checkpoint of their own, or changes a signed one, is found", async () => {
    const forger = newCheckpointKeyPair();
    const first = await owner.auditCheckpoint.findUniqueOrThrow({ where: { seq: 1 } });
    const forged = signCheckpoint([], { seq: 1, hash: first.hash }, new Date(), createPrivateKey(forger.privateKey));
    await superuser.query(
      `INSERT INTO "AuditCheckpoint" (seq, "createdAt", heads, "prevHash", hash, signature) VALUES ($1, $2, $3, $4, $5, $6)`,
      [forged.seq, forged.createdAt, JSON.stringify(forged.heads), forged.prevHash, forged.hash, forged.signature],
    );
    const checks = await verifyCheckpoints(owner, checkpointPublicKey()!);
    expect(checks.problems).toEqual([
      { seq: 2, kind: "signature" },
      { seq: 2, kind: "shrunk", chain: expect.any(String) },
    ]);
    // A forged checkpoint is not trusted: the events are still held to the first one.
    expect(checks.signed.get(chainFor(signed.untouched.id))).toMatchObject({ seq: signed.untouched.events.length });

    await superuser.query(`UPDATE "AuditCheckpoint" SET heads = '[]' WHERE seq = 1`);
    expect((await verifyCheckpoints(owner, checkpointPublicKey()!)).problems).toContainEqual({ seq: 1, kind: "signature" });
  });

  it("leaves audit:verify failing, naming every case, and audit:checkpoint refusing to sign", async () => {
    const verified = await auditVerify();
    expect(verified.code).toBe(1);
    for (const c of [signed.moved, signed.cutOff, signed.unkeyed, signed.wronglyKeyed]) expect(verified.out).toContain(`BROKEN  case ${c.number}`);
    expect(verified.out).toContain(`case ${signed.unkeyed.number} (${chainFor(signed.unkeyed.id)}): event ${signed.unkeyed.events.length + 1} does not carry the portal's mac`);
    expect(verified.out).toContain("BROKEN  checkpoint 2: its signature is not the checkpoint key's");
    expect(verified.out).not.toContain(`case ${signed.untouched.number}`);

    const made = await auditCheckpoint();
    expect(made.out).toContain("FAILED  the trail is broken; no checkpoint signed.");
    expect(made.code).toBe(1);
    expect(await owner.auditCheckpoint.count()).toBe(2);
  }, 60_000);
});
