import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { chainFor, REDACTED } from "@/lib/domain/audit";
import { amsterdamDay } from "@/lib/domain/deadlines";
import { prisma } from "@/tests/support/owner-db";
import { exportAuditTrail } from "@/lib/server/audit/export-audit-trail";
import { verifyAuditTrail } from "@/lib/server/audit/verify-audit-trail";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { referCase } from "@/lib/server/cases/refer-case";
import { readAuditTrail, emptyTrailFilter, parseTrailFilter, type TrailFilter } from "@/lib/server/cases/read-audit-trail";
import { emptyCaseSearch, parseCaseSearch, searchCases, type CaseSearch } from "@/lib/server/cases/search-cases";
import { startLocal } from "@/lib/server/cases/start-local";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/server/errors";
import { caseInput, DELFT, DEN_HAAG, HAAGLANDEN, makeActor, referralFacts } from "../support/factories";

const AMSTERDAM = "GM0363";
const AMSTERDAM_REGION = "JZ13";
const ROTTERDAM = "GM0599";

let parent: Actor;
let aanspreekpunt: Actor;
let aanspreekpuntDelft: Actor;
let ombudsman: Actor;

/**
 * A superuser connection that switches triggers off for its session, as
 * someone with direct database access could: only the hash chain can tell.
 */
let tamper: pg.Client;

type Filed = { id: string; number: string };
let denHaag: Filed, denHaagClaimed: Filed, delft: Filed, amsterdam: Filed, longAgo: Filed;

function search(change: Partial<CaseSearch>): CaseSearch {
  return { ...emptyCaseSearch, ...change };
}

function trail(change: Partial<TrailFilter>): TrailFilter {
  return { ...emptyTrailFilter, ...change };
}

async function auditCount(where: { action: string; chain?: string; actorId?: string }) {
  return prisma.auditEvent.count({ where });
}

async function caseWithHistory(): Promise<Filed> {
  const filed = await fileCase(parent, caseInput());
  await claimCase(aanspreekpunt, { caseId: filed.id });
  await startLocal(aanspreekpunt, { caseId: filed.id, note: "Gesprek met school gepland." });
  return filed;
}

beforeAll(async () => {
  parent = await makeActor("FAMILY");
  aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  aanspreekpuntDelft = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
  ombudsman = await makeActor("OMBUDSMAN");
  denHaag = await fileCase(parent, caseInput({ ownGemeenteCode: DEN_HAAG }));
  denHaagClaimed = await fileCase(parent, caseInput({ ownGemeenteCode: DEN_HAAG }));
  await claimCase(aanspreekpunt, { caseId: denHaagClaimed.id });
  delft = await fileCase(parent, caseInput({ ownGemeenteCode: DELFT }));
  await claimCase(aanspreekpuntDelft, { caseId: delft.id });
  amsterdam = await fileCase(parent, caseInput({ ownGemeenteCode: AMSTERDAM }));
  longAgo = await fileCase(parent, caseInput({ ownGemeenteCode: DEN_HAAG }));
  // Filed half past midnight on 15 June 2025 in Amsterdam, which is still 14 June in UTC.
  await prisma.case.update({ where: { id: longAgo.id }, data: { createdAt: new Date("2025-06-14T22:30:00Z") } });

  tamper = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await tamper.connect();
  await tamper.query("SET session_replication_role = replica");
});

afterAll(async () => {
  await tamper.end();
});

describe("the ombudsman's search", () => {
  it("finds cases by (part of) a number, a gemeente's name, gemeente, jeugdregio, step and period", async () => {
    const numbers = async (s: Partial<CaseSearch>) => (await searchCases(ombudsman, search(s))).rows.map((r) => r.number);

    expect(await numbers({ q: denHaag.number })).toEqual([denHaag.number]);
    expect(await numbers({ q: denHaag.number.slice(-6) })).toContain(denHaag.number);
    expect(await numbers({ q: denHaag.number.toLowerCase() })).toEqual([denHaag.number]);
    expect(await numbers({ q: "delf" })).toEqual([delft.number]);

    const inDelft = await searchCases(ombudsman, search({ gemeente: DELFT }));
    expect(inDelft.rows.map((r) => r.number)).toEqual([delft.number]);
    expect(inDelft.rows[0]).toMatchObject({ gemeente: { cbsCode: DELFT }, region: { code: HAAGLANDEN } });

    const haaglanden = await numbers({ region: HAAGLANDEN });
    expect(haaglanden.sort()).toEqual([denHaag, denHaagClaimed, delft, longAgo].map((c) => c.number).sort());
    expect(await numbers({ region: AMSTERDAM_REGION })).toEqual([amsterdam.number]);

    const inTriage = await numbers({ status: "TRIAGE" });
    expect(inTriage.sort()).toEqual([denHaagClaimed.number, delft.number].sort());
    expect(await numbers({ status: "TRIAGE", gemeente: DEN_HAAG })).toEqual([denHaagClaimed.number]);
    expect(await numbers({ status: "CLOSED" })).toEqual([]);

    // Days are Amsterdam days, both ends included.
    expect(await numbers({ from: "2025-06-15", to: "2025-06-15" })).toEqual([longAgo.number]);
    expect(await numbers({ to: "2025-06-14" })).toEqual([]);
    expect(await numbers({ from: "2025-06-16", to: "2025-12-31" })).toEqual([]);
    const today = amsterdamDay(new Date());
    expect(await numbers({ from: today, gemeente: DEN_HAAG })).toEqual([denHaagClaimed.number, denHaag.number]);
  });

  it("reads the filters from the URL, with an error for a day that does not exist or an end before the start", () => {
    expect(parseCaseSearch({ q: "  DB-2026 ", gemeente: "gm0518", region: HAAGLANDEN, status: "TRIAGE", from: "1-3-2026", to: "2026-03-31" })).toEqual({
      ok: true,
      search: { ...emptyCaseSearch, q: "DB-2026", gemeente: DEN_HAAG, region: HAAGLANDEN, status: "TRIAGE", from: "2026-03-01", to: "2026-03-31" },
    });
    expect(parseCaseSearch({ from: "2026-02-30" })).toMatchObject({ ok: false, fieldErrors: { from: "invalidDay" }, values: { from: "2026-02-30" } });
    expect(parseCaseSearch({ from: "morgen", to: "" })).toMatchObject({ ok: false, fieldErrors: { from: "invalidDay" } });
    expect(parseCaseSearch({ from: "2026-03-10", to: "2026-03-01" })).toMatchObject({ ok: false, fieldErrors: { to: "toBeforeFrom" } });
    expect(parseCaseSearch({ status: "DELETED", gemeente: "Delft" })).toMatchObject({
      ok: false,
      fieldErrors: { status: "unknownStatus", gemeente: "unknownGemeente" },
    });
    // A page position that is not a case number is dropped: the list starts at the top.
    expect(parseCaseSearch({ after: "x' OR 1=1" })).toEqual({ ok: true, search: emptyCaseSearch });
  });

  it("refuses unknown codes before reading or recording anything", async () => {
    const before = await auditCount({ action: "case.search" });
    const refused = searchCases(ombudsman, search({ gemeente: "GM9999", region: "JZ40" }));
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({ code: "checkFields", fieldErrors: { gemeente: "unknownGemeente", region: "unknownRegion" } });
    expect(await auditCount({ action: "case.search" })).toBe(before);
  });

  it("pages by keyset, newest first, without gaps or repeats, both ways", async () => {
    const filed: string[] = [];
    for (let i = 0; i < 7; i += 1) filed.push((await fileCase(parent, caseInput({ ownGemeenteCode: ROTTERDAM }))).number);
    const newestFirst = [...filed].reverse();
    const pages: string[][] = [];
    let page = await searchCases(ombudsman, search({ gemeente: ROTTERDAM }), { pageSize: 3 });
    expect(page.total).toBe(7);
    expect(page.previousBefore).toBeNull();
    pages.push(page.rows.map((r) => r.number));
    while (page.nextAfter) {
      page = await searchCases(ombudsman, search({ gemeente: ROTTERDAM, after: page.nextAfter }), { pageSize: 3 });
      pages.push(page.rows.map((r) => r.number));
    }
    expect(pages).toEqual([newestFirst.slice(0, 3), newestFirst.slice(3, 6), newestFirst.slice(6)]);
    expect(page.totalCapped).toBe(false);

    // And back again from the last page.
    const back = await searchCases(ombudsman, search({ gemeente: ROTTERDAM, before: page.previousBefore }), { pageSize: 3 });
    expect(back.rows.map((r) => r.number)).toEqual(newestFirst.slice(3, 6));
    expect(back.nextAfter).toBe(newestFirst[5]);
    const first = await searchCases(ombudsman, search({ gemeente: ROTTERDAM, before: back.previousBefore }), { pageSize: 3 });
    expect(first.rows.map((r) => r.number)).toEqual(newestFirst.slice(0, 3));
    expect(first.previousBefore).toBeNull();
  });

  it("counts up to its limit and says when there are more, so that a search of the whole country stays cheap", async () => {
    for (let i = 0; i < 4; i += 1) await fileCase(parent, caseInput({ ownGemeenteCode: DEN_HAAG }));
    const exact = await searchCases(ombudsman, search({}), { countLimit: 100_000 });
    expect(exact.total).toBeGreaterThan(3);
    expect(exact.totalCapped).toBe(false);
    const capped = await searchCases(ombudsman, search({}), { countLimit: 3 });
    expect(capped).toMatchObject({ total: 3, totalCapped: true });
    // The page itself is not cut: it is the same page as without the limit.
    expect(capped.rows.map((r) => r.number)).toEqual(exact.rows.map((r) => r.number));
    const recorded = await prisma.auditEvent.findFirstOrThrow({ where: { action: "case.search" }, orderBy: { seq: "desc" } });
    expect(recorded.changes).toEqual({ results: { old: null, new: ">3" } });
    const atTheLimit = await searchCases(ombudsman, search({}), { countLimit: exact.total });
    expect(atTheLimit).toMatchObject({ total: exact.total, totalCapped: false });
  });

  it("records every search once, in the ombudsman's own chain, with its filters as codes and the count, never the typed text", async () => {
    const own = chainFor(null, ombudsman.userId);
    const before = await auditCount({ action: "case.search", chain: own });
    const result = await searchCases(
      ombudsman,
      search({ q: "Noah de Vries", gemeente: DEN_HAAG, region: HAAGLANDEN, status: "SUBMITTED", from: "2025-01-01", to: "2030-12-31" }),
    );
    expect(result.total).toBe(0);
    expect(await auditCount({ action: "case.search", chain: own })).toBe(before + 1);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "case.search", chain: own }, orderBy: { seq: "desc" } });
    expect(event).toMatchObject({ chain: own, caseId: null, actorId: ombudsman.userId, actorRole: "OMBUDSMAN", outcome: "SUCCESS" });
    expect(event.changes).toEqual({
      query: { old: null, new: REDACTED },
      gemeente: { old: null, new: DEN_HAAG },
      region: { old: null, new: HAAGLANDEN },
      status: { old: null, new: "SUBMITTED" },
      filedFrom: { old: null, new: "2025-01-01" },
      filedTo: { old: null, new: "2030-12-31" },
      results: { old: null, new: 0 },
    });
    expect(JSON.stringify(event)).not.toContain("Noah");

    const all = await searchCases(ombudsman, search({}));
    const last = await prisma.auditEvent.findFirstOrThrow({ where: { action: "case.search" }, orderBy: { seq: "desc" } });
    expect(last.changes).toEqual({ results: { old: null, new: all.total } });
  });
});

describe("the audit trail view", () => {
  it("records each opening with its filters before reading, so the reader sees it", async () => {
    const filed = await caseWithHistory();
    const opened = await readAuditTrail(ombudsman, filed.number);
    expect(opened.events.at(-1)).toMatchObject({ action: "audit.read", actorId: ombudsman.userId, actorRole: "OMBUDSMAN", changes: null });
    expect(opened.head).toEqual({ seq: opened.events.at(-1)!.seq, hash: opened.events.at(-1)!.hash });
    expect(opened.total).toBe(opened.head.seq);

    const reads = await auditCount({ action: "audit.read", chain: chainFor(filed.id) });
    await readAuditTrail(ombudsman, filed.number, trail({ who: "Jansen", role: "AANSPREEKPUNT", action: "case.claim", from: "2026-01-01", to: "2030-12-31" }));
    expect(await auditCount({ action: "audit.read", chain: chainFor(filed.id) })).toBe(reads + 1);
    const recorded = await prisma.auditEvent.findFirstOrThrow({ where: { chain: chainFor(filed.id) }, orderBy: { seq: "desc" } });
    expect(recorded).toMatchObject({ action: "audit.read", actorId: ombudsman.userId, caseNumber: filed.number });
    expect(recorded.changes).toEqual({
      query: { old: null, new: REDACTED },
      role: { old: null, new: "AANSPREEKPUNT" },
      auditAction: { old: null, new: "case.claim" },
      from: { old: null, new: "2026-01-01" },
      to: { old: null, new: "2030-12-31" },
    });
  });

  it("filters by who, role, action and period", async () => {
    const filed = await caseWithHistory();
    const actions = async (f: Partial<TrailFilter>) => (await readAuditTrail(ombudsman, filed.number, trail(f))).events.map((e) => e.action);

    expect(await actions({ action: "case.file" })).toEqual(["case.file"]);
    expect(await actions({ role: "AANSPREEKPUNT" })).toEqual(["case.claim", "case.startLocal"]);
    expect(await actions({ role: "FAMILY" })).toEqual(["case.file"]);
    // Part of the name, in any case.
    expect(await actions({ who: aanspreekpunt.name.split(" ")[1]!.toUpperCase() })).toEqual(["case.claim", "case.startLocal"]);
    expect(await actions({ role: "SYSTEM" })).toEqual([]);
    // The openings of this test are in the trail too, each in its turn.
    const reads = await actions({ action: "audit.read" });
    expect(reads).toHaveLength(6);

    const today = amsterdamDay(new Date());
    const yesterday = amsterdamDay(new Date(Date.now() - 86_400_000));
    expect(await actions({ from: today, action: "case.file" })).toEqual(["case.file"]);
    expect(await actions({ to: yesterday })).toEqual([]);
    const filtered = await readAuditTrail(ombudsman, filed.number, trail({ role: "AANSPREEKPUNT" }));
    expect(filtered.total).toBe(2);
    expect(filtered.head.seq).toBeGreaterThan(10);
  });

  it("names the person a change is about, with their role, while the event keeps the id it was written with", async () => {
    const filed = await caseWithHistory();
    const claimed = await readAuditTrail(ombudsman, filed.number, trail({ action: "case.claim" }));
    const event = claimed.events[0]!;
    expect(event.changes).toMatchObject({ assigneeId: { old: null, new: aanspreekpunt.userId } });
    expect(claimed.people).toEqual({ [aanspreekpunt.userId]: { name: aanspreekpunt.name, role: "AANSPREEKPUNT" } });
    // A page without such a change names nobody.
    expect((await readAuditTrail(ombudsman, filed.number, trail({ action: "case.file" }))).people).toEqual({});
  });

  it("reads the trail's filters from the URL, with errors for bad days and unknown values", () => {
    expect(parseTrailFilter({ who: " Jansen ", role: "SYSTEM", action: "audit.export", from: "2026-01-01", to: "31-01-2026", after: "100" })).toEqual({
      ok: true,
      filter: { who: "Jansen", role: "SYSTEM", action: "audit.export", from: "2026-01-01", to: "2026-01-31", after: 100, before: null },
    });
    expect(parseTrailFilter({ to: "2026-13-01" })).toMatchObject({ ok: false, fieldErrors: { to: "invalidDay" } });
    expect(parseTrailFilter({ from: "2026-02-01", to: "2026-01-31" })).toMatchObject({ ok: false, fieldErrors: { to: "toBeforeFrom" } });
    expect(parseTrailFilter({ role: "KING", action: "case.delete" })).toMatchObject({ ok: false, fieldErrors: { role: "unknownRole", action: "unknownAction" } });
    expect(parseTrailFilter({ before: "-1" })).toEqual({ ok: true, filter: emptyTrailFilter });
  });

  it("pages by seq, oldest first, without gaps or repeats, while its own readings are added", async () => {
    const filed = await caseWithHistory();
    const seen: number[] = [];
    let page = await readAuditTrail(ombudsman, filed.number, emptyTrailFilter, { pageSize: 2 });
    seen.push(...page.events.map((e) => e.seq));
    while (page.nextAfter) {
      page = await readAuditTrail(ombudsman, filed.number, trail({ after: page.nextAfter }), { pageSize: 2 });
      seen.push(...page.events.map((e) => e.seq));
    }
    expect(seen).toEqual(Array.from({ length: page.head.seq }, (_, i) => i + 1));

    const last = await readAuditTrail(ombudsman, filed.number, trail({ before: page.head.seq + 1 }), { pageSize: 2 });
    expect(last.events.map((e) => e.seq)).toEqual([page.head.seq - 1, page.head.seq]);
    expect(last.previousBefore).toBe(page.head.seq - 1);
    // This reading itself comes after them: the view offers it as the next page.
    expect(last.head.seq).toBe(page.head.seq + 1);
    expect(last.nextAfter).toBe(page.head.seq);
  });
});

describe("verifying a case's chain", () => {
  it("reports a whole chain with the number of events checked, and records the check with its outcome", async () => {
    const filed = await caseWithHistory();
    const events = await prisma.auditEvent.count({ where: { chain: chainFor(filed.id) } });
    const result = await verifyAuditTrail(ombudsman, filed.number);
    expect(result).toMatchObject({ caseNumber: filed.number, checked: events, broken: null });
    expect(await auditCount({ action: "audit.verify", chain: chainFor(filed.id) })).toBe(1);
    const recorded = await prisma.auditEvent.findFirstOrThrow({ where: { chain: chainFor(filed.id) }, orderBy: { seq: "desc" } });
    expect(recorded).toMatchObject({ action: "audit.verify", actorId: ombudsman.userId, actorRole: "OMBUDSMAN", seq: events + 1 });
    expect(recorded.changes).toEqual({ checkedEvents: { old: null, new: events }, chainStatus: { old: null, new: "whole" } });

    // The check itself keeps the chain whole.
    expect(await verifyAuditTrail(ombudsman, filed.number)).toMatchObject({ checked: events + 1, broken: null });
  });

  it("names the event and the kind of break after a row was changed or removed in the database", async () => {
    const altered = await caseWithHistory();
    await tamper.query(`UPDATE "AuditEvent" SET "actorName" = 'Iemand anders' WHERE chain = $1 AND seq = 2`, [chainFor(altered.id)]);
    expect(await verifyAuditTrail(ombudsman, altered.number)).toMatchObject({ broken: { seq: 2, kind: "altered" } });
    const recorded = await prisma.auditEvent.findFirstOrThrow({ where: { chain: chainFor(altered.id) }, orderBy: { seq: "desc" } });
    expect(recorded).toMatchObject({ action: "audit.verify" });
    expect(recorded.changes).toMatchObject({ chainStatus: { new: "altered" }, brokenAt: { new: 2 } });
    expect(await auditCount({ action: "audit.verify", chain: chainFor(altered.id) })).toBe(1);

    const removed = await caseWithHistory();
    await tamper.query(`DELETE FROM "AuditEvent" WHERE chain = $1 AND seq = 2`, [chainFor(removed.id)]);
    expect(await verifyAuditTrail(ombudsman, removed.number)).toMatchObject({ broken: { seq: 3, kind: "removed" } });

    const cutShort = await caseWithHistory();
    const lastSeq = await prisma.auditEvent.count({ where: { chain: chainFor(cutShort.id) } });
    await tamper.query(`DELETE FROM "AuditEvent" WHERE chain = $1 AND seq = $2`, [chainFor(cutShort.id), lastSeq]);
    expect(await verifyAuditTrail(ombudsman, cutShort.number)).toMatchObject({ broken: { seq: lastSeq - 1, kind: "head" } });
  });
});

describe("exporting a case's trail", () => {
  async function text(chunks: AsyncIterable<string>): Promise<string> {
    let all = "";
    for await (const chunk of chunks) all += chunk;
    return all;
  }

  it("records the export first, so the file ends with it and with the head", async () => {
    const filed = await caseWithHistory();
    const exported = await exportAuditTrail(ombudsman, filed.number, "json", { batchSize: 2 });
    expect(await auditCount({ action: "audit.export", chain: chainFor(filed.id) })).toBe(1);
    // Events written after the export began are not in it: the file ends at its head.
    await readAuditTrail(ombudsman, filed.number);
    const file = JSON.parse(await text(exported.chunks)) as { head: { seq: number; hash: string }; events: { seq: number; hash: string; action: string; actorId: string; changes: unknown }[] };
    expect(file.events.map((e) => e.seq)).toEqual(Array.from({ length: exported.head.seq }, (_, i) => i + 1));
    expect(file.head).toEqual(exported.head);
    expect(file.events.at(-1)).toMatchObject({ action: "audit.export", actorId: ombudsman.userId, changes: { format: { old: null, new: "json" } }, hash: exported.head.hash });
  });
});

describe("who may search, read, verify and export", () => {
  const table: Record<string, { make: () => Promise<Actor>; allowed: boolean }> = {
    "the family that filed": { make: async () => parent, allowed: false },
    "a professional": { make: () => makeActor("PROFESSIONAL"), allowed: false },
    "the aanspreekpunt of the case's gemeente": { make: async () => aanspreekpunt, allowed: false },
    "a decision holder of the case's gemeente": { make: () => makeActor("DECISION_HOLDER", { gemeente: DEN_HAAG }), allowed: false },
    "an expert of the case's region": { make: () => makeActor("EXPERT", { region: HAAGLANDEN }), allowed: false },
    "the gemeente admin": { make: () => makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG }), allowed: false },
    "a platform admin": { make: () => makeActor("PLATFORM_ADMIN"), allowed: false },
    "the ombudsman": { make: () => makeActor("OMBUDSMAN"), allowed: true },
  };

  it.each(Object.entries(table))("%s", async (_who, { make, allowed }) => {
    const filed = await fileCase(parent, caseInput());
    await claimCase(aanspreekpunt, { caseId: filed.id });
    await referCase(aanspreekpunt, { caseId: filed.id, ...referralFacts(), question: "Kan het expertteam meedenken over passend onderwijs?" });
    const actor = await make();
    const written = () => prisma.auditEvent.count({ where: { actorId: actor.userId, action: { in: ["case.search", "audit.read", "audit.verify", "audit.export"] } } });
    const before = await written();

    const searching = () => searchCases(actor, search({ q: filed.number }));
    const reading = () => readAuditTrail(actor, filed.number);
    const verifying = () => verifyAuditTrail(actor, filed.number);
    const exporting = () => exportAuditTrail(actor, filed.number, "csv");
    if (allowed) {
      await expect(searching()).resolves.toMatchObject({ total: 1 });
      await expect(reading()).resolves.toMatchObject({ case: { number: filed.number } });
      await expect(verifying()).resolves.toMatchObject({ broken: null });
      await expect(exporting()).resolves.toMatchObject({ contentType: "text/csv; charset=utf-8" });
      expect(await written()).toBe(before + 4);
    } else {
      await expect(searching()).rejects.toBeInstanceOf(ForbiddenError);
      // Not theirs to read looks the same as not there.
      await expect(reading()).rejects.toBeInstanceOf(NotFoundError);
      await expect(verifying()).rejects.toBeInstanceOf(NotFoundError);
      await expect(exporting()).rejects.toBeInstanceOf(NotFoundError);
      expect(await written()).toBe(before);
    }
  });

  it("answers 'not found' to the ombudsman for a case that does not exist, without recording anything", async () => {
    const before = await prisma.auditEvent.count();
    await expect(readAuditTrail(ombudsman, "DB-1999-000001")).rejects.toBeInstanceOf(NotFoundError);
    await expect(verifyAuditTrail(ombudsman, "DB-1999-000001")).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportAuditTrail(ombudsman, "DB-1999-000001", "json")).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.auditEvent.count()).toBe(before);
  });
});
