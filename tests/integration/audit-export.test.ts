import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { auditHash, chainFor, type HashedAuditFields } from "@/lib/domain/audit";
import { csvExportColumns, exportedEventFields, type AuditExportEnvelope, type ExportedAuditEvent } from "@/lib/domain/audit-export";
import { prisma } from "@/tests/support/owner-db";
import { exportAuditTrail } from "@/lib/server/audit/export-audit-trail";
import { streamedAttachment } from "@/lib/server/audit/export-response";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { startLocal } from "@/lib/server/cases/start-local";
import { caseInput, DEN_HAAG, makeActor } from "../support/factories";

const run = promisify(execFile);

type ExportFile = AuditExportEnvelope & { events: ExportedAuditEvent[] };

let parent: Actor;
let aanspreekpunt: Actor;
let ombudsman: Actor;
let dir: string;
let verifier: string;

/**
 * `node verify-audit-export.mjs <file>` as an auditor runs it: a copy of the
 * script alone in a folder outside the project, with plain node and none of
 * the project's environment, so it cannot lean on the project's code or packages.
 */
async function verifyExport(file: string): Promise<{ code: number; out: string }> {
  try {
    const env = { PATH: process.env.PATH ?? "" } as unknown as NodeJS.ProcessEnv;
    const { stdout, stderr } = await run(process.execPath, [verifier, file], { env, cwd: dir });
    return { code: 0, out: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = "";
  for await (const chunk of chunks) all += chunk;
  return all;
}

/**
 * A case with history, and an event by someone whose name would run as a
 * spreadsheet formula, with text that needs quoting and characters beyond ASCII.
 */
async function caseWithHistory() {
  const filed = await fileCase(parent, caseInput());
  await claimCase(aanspreekpunt, { caseId: filed.id });
  await startLocal(aanspreekpunt, { caseId: filed.id, note: "Gesprek met school gepland." });
  const odd: Actor = { ...aanspreekpunt, name: '=Ayşe "Yılmaz", test', organisation: "" };
  const gemeenteId = (await prisma.case.findUniqueOrThrow({ where: { id: filed.id } })).gemeenteId;
  await prisma.$transaction((tx) =>
    writeAudit(tx, odd, {
      action: "case.read",
      role: "AANSPREEKPUNT",
      case: { id: filed.id, number: filed.number, gemeenteId },
      changes: { domains: { old: ["JEUGDHULP"], new: ["JEUGDHULP", "ONDERWIJS"] }, size: { old: null, new: 12 } },
    }),
  );
  return filed;
}

async function writeJson(name: string, data: unknown): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, typeof data === "string" ? data : JSON.stringify(data, null, 2));
  return file;
}

beforeAll(async () => {
  parent = await makeActor("FAMILY");
  aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  ombudsman = await makeActor("OMBUDSMAN");
  dir = await mkdtemp(path.join(tmpdir(), "doorbraak-audit-export-"));
  verifier = path.join(dir, "verify-audit-export.mjs");
  await copyFile(path.join(process.cwd(), "scripts", "verify-audit-export.mjs"), verifier);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the JSON export and the standalone verifier", () => {
  it("exports a trail that the verifier finds whole, and names the first event that was changed in the file", async () => {
    const filed = await caseWithHistory();
    const exported = await exportAuditTrail(ombudsman, filed.number, "json", { batchSize: 2 });
    const original = await text(exported.chunks);
    const file = await writeJson("trail.json", original);

    const whole = await verifyExport(file);
    expect(whole.out).toMatch(/^OK /);
    expect(whole.out).toContain(`case ${filed.number}`);
    expect(whole.code).toBe(0);

    const data = JSON.parse(original) as ExportFile;
    expect(data).toMatchObject({ format: "doorbraak-audit-trail", version: 1, case: { number: filed.number, id: filed.id }, chain: chainFor(filed.id) });
    expect(Object.keys(data.events[0]!)).toEqual([...exportedEventFields]);
    const stored = await prisma.auditEvent.findMany({ where: { chain: chainFor(filed.id) }, orderBy: { seq: "asc" } });
    expect(data.events.map((e) => [e.seq, e.hash])).toEqual(stored.map((e) => [e.seq, e.hash]));

    // One field of one event changed.
    const altered = structuredClone(data);
    altered.events[1]!.actorName = "Iemand anders";
    const alteredOut = await verifyExport(await writeJson("altered.json", altered));
    expect(alteredOut.code).toBe(1);
    expect(alteredOut.out).toMatch(/^BROKEN .*event 2 .*\(altered\)/);

    // A nested value changed, or a null field left out.
    const nested = structuredClone(data);
    (nested.events.find((e) => e.action === "case.read")!.changes as Record<string, { new: unknown }>).size!.new = 13;
    expect((await verifyExport(await writeJson("nested.json", nested))).out).toContain("(altered)");
    const missing = structuredClone(data);
    delete (missing.events[0] as Partial<ExportedAuditEvent>).onBehalfOf;
    expect((await verifyExport(await writeJson("missing.json", missing))).out).toMatch(/event 1 .*\(altered\)/);

    const removed = structuredClone(data);
    removed.events.splice(2, 1);
    const removedOut = await verifyExport(await writeJson("removed.json", removed));
    expect(removedOut.code).toBe(1);
    expect(removedOut.out).toMatch(/before event 4 .*\(removed\)/);

    // An event put in the middle with a hash of its own: it cannot point at its predecessor and be pointed at too.
    const relinked = structuredClone(data);
    const { hash: _stale, ...third } = relinked.events[2]!;
    third.prevHash = "0".repeat(64);
    relinked.events[2] = { ...third, hash: auditHash(third) };
    const relinkedOut = await verifyExport(await writeJson("relinked.json", relinked));
    expect(relinkedOut.code).toBe(1);
    expect(relinkedOut.out).toMatch(/event 3 .*\(relinked\)/);

    const cutShort = structuredClone(data);
    cutShort.events.pop();
    const cutOut = await verifyExport(await writeJson("cut.json", cutShort));
    expect(cutOut.code).toBe(1);
    expect(cutOut.out).toContain("(head)");

    expect((await verifyExport(await writeJson("other.json", { hello: "world" }))).code).toBe(2);
    expect((await verifyExport(path.join(dir, "does-not-exist.json"))).code).toBe(2);
    // The file on disk is what was exported.
    expect(await readFile(file, "utf8")).toBe(original);
  });

  it("checks hash versions 1 and 2 exactly as the portal computes them", async () => {
    const base = (seq: number, prevHash: string | null, hashVersion: number): HashedAuditFields => ({
      id: `e${seq}`, chain: "case:c1", seq, occurredAt: `2024-0${seq}-01T10:00:00.000Z`, action: "case.read", outcome: "SUCCESS",
      actorId: "u1", actorName: "Zoë", actorRole: "AANSPREEKPUNT", actorOrganisation: null, onBehalfOf: null, gemeenteId: "g1",
      caseId: "c1", caseNumber: "DB-2024-000001", changes: { b: { old: null, new: [1, { z: "ü", a: null }] }, a: { old: "x", new: "y" } },
      ip: "::1", userAgent: "test", requestId: `r${seq}`, prevHash, hashVersion,
    });
    const events: ExportedAuditEvent[] = [];
    for (const [seq, version] of [[1, 1], [2, 1], [3, 2]] as const) {
      const fields = base(seq, events.at(-1)?.hash ?? null, version);
      events.push({ ...fields, hash: auditHash(fields) });
    }
    const data = { format: "doorbraak-audit-trail", version: 1, chain: "case:c1", case: { number: "DB-2024-000001", id: "c1" }, head: { seq: 3, hash: events[2]!.hash }, events };
    expect((await verifyExport(await writeJson("versions.json", data))).code).toBe(0);
    // Version 1 does not cover the IP address; version 2 does.
    const v1 = structuredClone(data);
    v1.events[0]!.ip = "10.0.0.1";
    expect((await verifyExport(await writeJson("v1-ip.json", v1))).code).toBe(0);
    const v2 = structuredClone(data);
    v2.events[2]!.ip = "10.0.0.1";
    expect((await verifyExport(await writeJson("v2-ip.json", v2))).out).toMatch(/event 3 .*\(altered\)/);
  });

  it("reads a long trail (over 5,000 events) in batches and still ends at its head", async () => {
    const filed = await fileCase(parent, caseInput());
    const found = await prisma.case.findUniqueOrThrow({ where: { id: filed.id } });
    const chain = chainFor(filed.id);
    // Written as writeAudit would write them, but in bulk: one by one would take most of a minute.
    const head = await prisma.auditChainHead.findUniqueOrThrow({ where: { chain } });
    const rows: (HashedAuditFields & { hash: string })[] = [];
    let prevHash = head.hash;
    for (let seq = head.seq + 1; seq <= head.seq + 5100; seq += 1) {
      const fields: HashedAuditFields = {
        id: `bulk-${filed.id}-${seq}`, chain, seq, occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(), action: "case.read",
        outcome: "SUCCESS", actorId: aanspreekpunt.userId, actorName: aanspreekpunt.name, actorRole: "AANSPREEKPUNT", actorOrganisation: null,
        onBehalfOf: null, gemeenteId: found.gemeenteId, caseId: found.id, caseNumber: found.number, changes: null, ip: "127.0.0.1",
        userAgent: "vitest", requestId: `bulk-${seq}`, prevHash, hashVersion: 2,
      };
      prevHash = auditHash(fields);
      rows.push({ ...fields, hash: prevHash });
    }
    // 5,100 events in one transaction can outlast Prisma's default of 5 s on a busy machine.
    await prisma.$transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += 1000) {
        await tx.auditEvent.createMany({
          data: rows.slice(i, i + 1000).map((r) => ({ ...r, occurredAt: new Date(r.occurredAt), actorRole: "AANSPREEKPUNT" as const, outcome: "SUCCESS" as const, changes: undefined })),
        });
      }
      await tx.auditChainHead.update({ where: { chain }, data: { seq: rows.at(-1)!.seq, hash: rows.at(-1)!.hash } });
      // Five thousand rows take longer than Prisma's default of five seconds on a busy machine.
    }, { timeout: 60_000 });

    const exported = await exportAuditTrail(ombudsman, filed.number, "json");
    const data = JSON.parse(await text(exported.chunks)) as ExportFile;
    const total = head.seq + 5100 + 1;
    expect(data.events).toHaveLength(total);
    expect(data.events.at(-1)).toMatchObject({ seq: total, action: "audit.export", hash: data.head.hash });
    const out = await verifyExport(await writeJson("long.json", data));
    expect(out.out).toContain(`${total} event(s) checked`);
    expect(out.code).toBe(0);
  });
});

describe("the CSV export", () => {
  type Cell = string | null;
  /** An empty cell that was not quoted is a missing value; a quoted one is an empty text. */
  function parseCsv(body: string): Record<string, Cell>[] {
    return parse(body, {
      bom: true,
      columns: true,
      cast: (value, context) => (context.header || context.quoting || value !== "" ? value : null),
    }) as Record<string, Cell>[];
  }

  /** Undoes the spreadsheet guard in front of a value that starts like a formula. */
  function unguarded(value: Cell): Cell {
    return value !== null && /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
  }

  it("parses, has every hashed field, the same hashes as the trail, and the head on every row", async () => {
    const filed = await caseWithHistory();
    const before = await prisma.auditEvent.count({ where: { chain: chainFor(filed.id), action: "audit.export" } });
    const exported = await exportAuditTrail(ombudsman, filed.number, "csv", { batchSize: 2 });
    expect(await prisma.auditEvent.count({ where: { chain: chainFor(filed.id), action: "audit.export" } })).toBe(before + 1);

    const response = streamedAttachment(exported);
    expect(response.headers.get("Content-Disposition")).toMatch(new RegExp(`^attachment; filename="audittrail-${filed.number}-\\d{8}-\\d{6}\\.csv"`));
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const body = await response.text();

    expect(body.replace(/^\uFEFF/, "").split("\n")[0]).toBe(csvExportColumns.map((c) => `"${c}"`).join(","));
    const rows = parseCsv(body);
    const stored = await prisma.auditEvent.findMany({ where: { chain: chainFor(filed.id) }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => [Number(r.seq), r.hash])).toEqual(stored.map((e) => [e.seq, e.hash]));
    expect(rows.every((r) => r.headSeq === String(exported.head.seq) && r.headHash === exported.head.hash)).toBe(true);
    expect(rows.at(-1)).toMatchObject({ action: "audit.export", actorId: ombudsman.userId, hash: exported.head.hash });

    // The guard keeps a name from running as a formula; quoting keeps "" apart from a missing value.
    const odd = rows.find((r) => r.actorName?.includes("Yılmaz"))!;
    expect(odd.actorName).toBe(`'=Ayşe "Yılmaz", test`);
    expect(odd.actorOrganisation).toBe("");
    expect(odd.onBehalfOf).toBeNull();

    // Every hashed field is there: each row gives its hash again.
    for (const row of rows) {
      const fields = Object.fromEntries(exportedEventFields.filter((f) => f !== "hash").map((f) => [f, unguarded(row[f] ?? null)])) as Record<string, unknown>;
      fields.seq = Number(fields.seq);
      fields.hashVersion = Number(fields.hashVersion);
      fields.changes = fields.changes === null ? null : JSON.parse(fields.changes as string);
      expect(auditHash(fields as HashedAuditFields), `event ${row.seq}`).toBe(row.hash);
    }
  });
});
