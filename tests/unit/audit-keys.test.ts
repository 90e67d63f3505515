import { createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { auditHash, auditMac, macMatches, type HashedAuditFields, type StoredAuditEvent } from "@/lib/domain/audit";
import { chainVerifier, type ChainTrust } from "@/lib/domain/audit-chain";
import { checkpointProblems, signCheckpoint, type CheckpointHead } from "@/lib/domain/audit-checkpoint";

const macKey = Buffer.from("unit-test-audit-mac-key-of-32-bytes!");

function chainOf(length: number, mark: (hash: string, seq: number) => string | null = (hash) => auditMac(hash, macKey)): StoredAuditEvent[] {
  const events: StoredAuditEvent[] = [];
  for (let seq = 1; seq <= length; seq += 1) {
    const fields: HashedAuditFields = {
      id: `e${seq}`, chain: "actor:u1", seq, occurredAt: "2026-12-01T10:00:00.000Z", action: "case.search", outcome: "SUCCESS",
      actorId: "u1", actorName: "Iemand", actorRole: "AANSPREEKPUNT", actorOrganisation: null, onBehalfOf: null, gemeenteId: null,
      caseId: null, caseNumber: null, changes: null, ip: null, userAgent: null, requestId: null,
      prevHash: events.at(-1)?.hash ?? null, hashVersion: 2,
    };
    const hash = auditHash(fields);
    events.push({ ...fields, occurredAt: new Date(fields.occurredAt), hash, mac: mark(hash, seq) });
  }
  return events;
}

function verify(events: StoredAuditEvent[], trust: Partial<ChainTrust> = {}) {
  const last = events.at(-1);
  const verifier = chainVerifier("actor:u1", last ? { seq: last.seq, hash: last.hash } : null, { macKey, legacySeq: 0, signed: null, ...trust });
  for (const e of events) verifier.push(e);
  return verifier.finish();
}

describe("the portal's mac on audit events", () => {
  it("matches only the same hash under the same key", () => {
    const mac = auditMac("abc", macKey);
    expect(macMatches("abc", mac, macKey)).toBe(true);
    expect(macMatches("abd", mac, macKey)).toBe(false);
    expect(macMatches("abc", mac, Buffer.from("another-key-of-at-least-32-characters"))).toBe(false);
    expect(macMatches("abc", null, macKey)).toBe(false);
    expect(macMatches("abc", "zz", macKey)).toBe(false);
  });

  it("accepts a chain whose every event carries it", () => {
    expect(verify(chainOf(3))).toBeNull();
  });

  it("finds an event without it, or with a wrong one, after the legacy part only", () => {
    const unkeyedAtEnd = chainOf(4, (hash, seq) => (seq <= 3 ? auditMac(hash, macKey) : null));
    expect(verify(unkeyedAtEnd)).toMatchObject({ kind: "forged", seq: 4 });
    const wrongKey = chainOf(2, (hash) => auditMac(hash, Buffer.from("guessed-key-guessed-key-guessed-key")));
    expect(verify(wrongKey)).toMatchObject({ kind: "forged", seq: 1 });
    const legacy = chainOf(3, (hash, seq) => (seq <= 2 ? null : auditMac(hash, macKey)));
    expect(verify(legacy, { legacySeq: 2 })).toBeNull();
    expect(verify(legacy, { legacySeq: 1 })).toMatchObject({ kind: "forged", seq: 2 });
  });

  it("holds a chain to the head a checkpoint signed", () => {
    const events = chainOf(3);
    expect(verify(events, { signed: { seq: 2, hash: events[1]!.hash } })).toBeNull();
    expect(verify(events, { signed: { seq: 2, hash: "rewritten" } })).toMatchObject({ kind: "checkpoint", seq: 2 });
    // Cut short below what was signed, with a head moved to match.
    expect(verify(events.slice(0, 2), { signed: { seq: 3, hash: events[2]!.hash } })).toMatchObject({ kind: "checkpoint", seq: 2 });
  });
});

describe("signed checkpoints", () => {
  const pair = generateKeyPairSync("ed25519");
  const other = generateKeyPairSync("ed25519");
  const heads: CheckpointHead[] = [
    { chain: "case:b", seq: 3, hash: "h3", legacySeq: 0 },
    { chain: "case:a", seq: 5, hash: "h5", legacySeq: 2 },
  ];
  const first = signCheckpoint(heads, null, new Date("2026-12-01T00:00:00Z"), pair.privateKey);

  it("signs the heads in order of chain, numbered and linked", () => {
    expect(first).toMatchObject({ seq: 1, prevHash: null, createdAt: "2026-12-01T00:00:00.000Z" });
    expect(first.heads.map((h) => h.chain)).toEqual(["case:a", "case:b"]);
    expect(checkpointProblems(first, null, pair.publicKey)).toEqual([]);
    // PEM round trip, as the keys come from the environment.
    const pem = createPublicKey(createPrivateKey(pair.privateKey.export({ type: "pkcs8", format: "pem" }))).export({ type: "spki", format: "pem" });
    expect(checkpointProblems(first, null, createPublicKey(pem))).toEqual([]);
  });

  it("finds a checkpoint signed with another key, or changed after signing", () => {
    expect(checkpointProblems(signCheckpoint(heads, null, new Date(), other.privateKey), null, pair.publicKey)).toEqual([{ seq: 1, kind: "signature" }]);
    const changed = { ...first, heads: first.heads.map((h) => ({ ...h, hash: "rewritten" })) };
    expect(checkpointProblems(changed, null, pair.publicKey)).toEqual([{ seq: 1, kind: "signature" }, { seq: 1, kind: "hash" }]);
    expect(checkpointProblems({ ...first, signature: "bm90IGEgc2lnbmF0dXJl" }, null, pair.publicKey)).toEqual([{ seq: 1, kind: "signature" }]);
  });

  it("requires each checkpoint to follow the one before and keep every chain it covered", () => {
    const grown = signCheckpoint([...heads.map((h) => ({ ...h, seq: h.seq + 1, hash: `${h.hash}+` })), { chain: "case:c", seq: 1, hash: "c1", legacySeq: 0 }], first, new Date(), pair.privateKey);
    expect(checkpointProblems(grown, first, pair.publicKey)).toEqual([]);
    expect(checkpointProblems(grown, null, pair.publicKey)).toEqual([{ seq: 2, kind: "link" }]);
    const dropped = signCheckpoint([heads[0]!], first, new Date(), pair.privateKey);
    expect(checkpointProblems(dropped, first, pair.publicKey)).toEqual([{ seq: 2, kind: "shrunk", chain: "case:a" }]);
    const sameSeqOtherHash = signCheckpoint(heads.map((h) => ({ ...h, hash: "other" })), first, new Date(), pair.privateKey);
    expect(checkpointProblems(sameSeqOtherHash, first, pair.publicKey)).toMatchObject([{ seq: 2, kind: "shrunk" }]);
    const legacyMoved = signCheckpoint(heads.map((h) => ({ ...h, legacySeq: h.legacySeq + 10 })), first, new Date(), pair.privateKey);
    expect(checkpointProblems(legacyMoved, first, pair.publicKey)).toMatchObject([{ seq: 2, kind: "shrunk" }]);
  });
});
