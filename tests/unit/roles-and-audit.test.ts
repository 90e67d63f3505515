import { describe, expect, it } from "vitest";
import { actorOfChain, auditHash, auditMac, canonicalJson, chainFor, inItsChain, redactChanges, REDACTED, type HashedAuditFields, type StoredAuditEvent } from "@/lib/domain/audit";
import { chainVerifier } from "@/lib/domain/audit-chain";

const baseEvent: HashedAuditFields = {
  id: "e1", chain: "case:1", seq: 1, occurredAt: "2026-11-22T10:00:00.000Z", action: "case.file", outcome: "SUCCESS",
  actorId: "u", actorName: "Sanne", actorRole: "FAMILY", actorOrganisation: null, onBehalfOf: null, gemeenteId: "g",
  caseId: "1", caseNumber: "DB-2026-000001", changes: null, ip: "127.0.0.1", userAgent: "test", requestId: "r1",
  prevHash: null, hashVersion: 2,
};
import { couldBeInCaseNumber, formatCaseNumber, caseNumberPattern } from "@/lib/domain/case-number";
import { violatesFourEyes } from "@/lib/domain/decision";
import { rolesOnCase, type CaseScopeFacts } from "@/lib/domain/roles";

const facts: CaseScopeFacts = { gemeenteId: "g-a", regionId: "r-1", parties: [{ userId: "parent", role: "PARENT" }, { userId: "supporter", role: "CLIENT_SUPPORTER" }], referred: false };

describe("roles on a case", () => {
  it("counts a gemeente membership only for that gemeente", () => {
    expect(rolesOnCase("u", [{ role: "AANSPREEKPUNT", gemeenteId: "g-a", regionId: null }], facts)).toEqual(["AANSPREEKPUNT"]);
    expect(rolesOnCase("u", [{ role: "AANSPREEKPUNT", gemeenteId: "g-b", regionId: null }], facts)).toEqual([]);
  });

  it("lets the expert team in only after a referral to its region", () => {
    const expert = [{ role: "EXPERT" as const, gemeenteId: null, regionId: "r-1" }];
    expect(rolesOnCase("u", expert, facts)).toEqual([]);
    expect(rolesOnCase("u", expert, { ...facts, referred: true })).toEqual(["EXPERT"]);
    expect(rolesOnCase("u", [{ role: "EXPERT", gemeenteId: null, regionId: "r-2" }], { ...facts, referred: true })).toEqual([]);
  });

  it("gives the family their role only on their own case", () => {
    const family = [{ role: "FAMILY" as const, gemeenteId: null, regionId: null }];
    expect(rolesOnCase("parent", family, facts)).toEqual(["FAMILY"]);
    expect(rolesOnCase("stranger", family, facts)).toEqual([]);
  });

  it("gives a client supporter the professional's role on the case, never the family's", () => {
    const both = [
      { role: "FAMILY" as const, gemeenteId: null, regionId: null },
      { role: "PROFESSIONAL" as const, gemeenteId: null, regionId: null },
    ];
    expect(rolesOnCase("supporter", both, facts)).toEqual(["PROFESSIONAL"]);
    expect(rolesOnCase("parent", both, facts)).toEqual(["FAMILY"]);
  });

  it("gives national roles every case", () => {
    expect(rolesOnCase("u", [{ role: "OMBUDSMAN", gemeenteId: null, regionId: null }], facts)).toEqual(["OMBUDSMAN"]);
  });
});

describe("audit helpers", () => {
  it("redacts sensitive fields and keeps the rest", () => {
    const out = redactChanges({ childName: { old: null, new: "Noah" }, status: { old: "TRIAGE", new: "IN_PROGRESS" } });
    expect(out).toEqual({ childName: { old: null, new: REDACTED }, status: { old: "TRIAGE", new: "IN_PROGRESS" } });
  });

  it("hashes the same event the same way whatever the key order", () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 4, e: 5 }] } })).toBe('{"a":{"c":[3,{"e":5,"f":4}],"d":2},"b":1}');
    expect(auditHash(baseEvent)).toBe(auditHash({ ...baseEvent }));
    expect(auditHash(baseEvent)).not.toBe(auditHash({ ...baseEvent, action: "case.claim" }));
  });

  it("covers every stored field in version 2, and only the original fields in version 1", () => {
    const fields = Object.keys(baseEvent) as (keyof HashedAuditFields)[];
    for (const field of fields) {
      const changed = { ...baseEvent, [field]: field === "seq" || field === "hashVersion" ? 3 : "other" };
      expect(auditHash(changed), field).not.toBe(auditHash(baseEvent));
    }
    const v1 = { ...baseEvent, hashVersion: 1 };
    expect(auditHash({ ...v1, ip: "10.0.0.9", actorName: "Someone else" })).toBe(auditHash(v1));
    expect(auditHash({ ...v1, action: "case.claim" })).not.toBe(auditHash(v1));
  });
});

describe("audit chains", () => {
  const macKey = Buffer.from("unit-test-audit-mac-key-of-32-bytes!");
  /** A chain of stored events outside cases, linked and hashed as writeAudit does. */
  function chainOf(chain: string, actorIds: (string | null)[]): StoredAuditEvent[] {
    const events: StoredAuditEvent[] = [];
    actorIds.forEach((actorId, i) => {
      const fields = { ...baseEvent, id: `e${i + 1}`, chain, seq: i + 1, actorId, caseId: null, caseNumber: null, action: "case.search", prevHash: events.at(-1)?.hash ?? null };
      const hash = auditHash(fields);
      events.push({ ...fields, occurredAt: new Date(fields.occurredAt), hash, mac: auditMac(hash, macKey) });
    });
    return events;
  }

  function verify(chain: string, events: StoredAuditEvent[]) {
    const head = events.length ? { seq: events.at(-1)!.seq, hash: events.at(-1)!.hash } : null;
    const verifier = chainVerifier(chain, head, { macKey, legacySeq: 0, signed: null });
    for (const e of events) verifier.push(e);
    return verifier.finish();
  }

  it("writes a case's events to its chain, other events to the acting person's chain, and events of no one to the global chain", () => {
    expect(chainFor("c1", "u1")).toBe("case:c1");
    expect(chainFor(null, "u1")).toBe("actor:u1");
    expect(chainFor(null, null)).toBe("global");
    expect(actorOfChain(chainFor(null, "u1"))).toBe("u1");
    expect(actorOfChain(chainFor("c1", "u1"))).toBeNull();
    expect(actorOfChain("global")).toBeNull();
  });

  it("accepts events outside cases in the global chain, where they were written before each person had a chain", () => {
    expect(inItsChain({ chain: "global", caseId: null, actorId: "u1" })).toBe(true);
    expect(inItsChain({ chain: "actor:u1", caseId: null, actorId: "u1" })).toBe(true);
    expect(inItsChain({ chain: "actor:u2", caseId: null, actorId: "u1" })).toBe(false);
    expect(inItsChain({ chain: "global", caseId: "c1", actorId: "u1" })).toBe(false);
    expect(inItsChain({ chain: "actor:u1", caseId: "c1", actorId: "u1" })).toBe(false);
    expect(verify("global", chainOf("global", ["u1", "u2", null]))).toBeNull();
    expect(verify("actor:u1", chainOf("actor:u1", ["u1", "u1"]))).toBeNull();
  });

  it("finds an event in someone else's chain, even when its hash was computed for that place", () => {
    expect(verify("actor:u1", chainOf("actor:u1", ["u1", "u2", "u1"]))).toMatchObject({ chain: "actor:u1", seq: 2, kind: "altered" });
  });
});

describe("case numbers and four eyes", () => {
  it("formats human-readable numbers", () => {
    expect(formatCaseNumber(2026, 123)).toBe("DB-2026-000123");
    expect(caseNumberPattern.test("DB-2026-000123")).toBe(true);
    expect(caseNumberPattern.test("DB-2026-123")).toBe(false);
  });

  it("tells which texts could be part of a case number", () => {
    for (const part of ["DB-2026-000123", "db-2026", "2026-0001", "-0001", "B-2", "0", "26-00", "D"]) {
      expect(couldBeInCaseNumber(part), part).toBe(true);
    }
    for (const part of ["", "Amsterdam", "DB2026", "2026--1", "DB-2026-0001234", "DB-20x6", "1234567", " 2026", "BD"]) {
      expect(couldBeInCaseNumber(part), part).toBe(false);
    }
  });

  it("refuses the proposer as decider", () => {
    expect(violatesFourEyes("a", "a")).toBe(true);
    expect(violatesFourEyes("a", "b")).toBe(false);
  });
});

describe("input messages", () => {
  it("asks to fill in an empty field, and to write more for a short one", async () => {
    const { fileCaseInput } = await import("@/lib/domain/inputs");
    const issues = (input: Record<string, unknown>) =>
      // The first issue of a field is the one shown to the person.
      Object.fromEntries((fileCaseInput.safeParse(input).error?.issues ?? []).reverse().map((i) => [i.path.join("."), i.message]));
    expect(issues({ childName: "" }).childName).toBe("required");
    expect(issues({ childName: "A" }).childName).toBe("tooShort");
    expect(issues({ consent: undefined }).consent).toBe("consentRequired");
  });
});
