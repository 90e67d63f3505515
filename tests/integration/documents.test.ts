import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { MAX_DOCUMENT_BYTES } from "@/lib/domain/documents";
import { prisma } from "@/tests/support/owner-db";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { referCase } from "@/lib/server/cases/refer-case";
import { withdrawCase } from "@/lib/server/cases/withdraw-case";
import { addDocument } from "@/lib/server/documents/add-document";
import { listCaseDocuments } from "@/lib/server/documents/list-documents";
import { readDocument } from "@/lib/server/documents/read-document";
import { attachmentResponse } from "@/lib/server/download-response";
import { ConflictError, DomainError, NotFoundError } from "@/lib/server/errors";
import { caseInput, DELFT, DEN_HAAG, HAAGLANDEN, makeActor, referralFacts } from "../support/factories";
import { minimalPdfText as minimalPdf } from "@/tests/support/minimal-pdf";


/** A 1×1 transparent PNG. */
const onePixelPng = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d6a3d20000000049454e44ae426082",
  "hex",
);

function bytes(content: string | Uint8Array): Uint8Array<ArrayBuffer> {
  return typeof content === "string" ? new Uint8Array(Buffer.from(content, "utf8")) : new Uint8Array(content);
}

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

async function familyCase(gemeente = DEN_HAAG) {
  const parent = await makeActor("FAMILY");
  const filed = await fileCase(parent, caseInput({ ownGemeenteCode: gemeente }));
  return { parent, ...filed };
}

/** The field error a refused upload carries, or the error itself when it is something else. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error.fieldErrors.file ?? error.code;
}

describe("adding a document", () => {
  it("stores a real PDF with the detected type, its size and checksum, a timeline entry and an audit event", async () => {
    const { parent, id, number } = await familyCase();
    const content = bytes(minimalPdf);

    const added = await addDocument(parent, { caseId: id, fileName: "Verslag school Noor.pdf", content });

    expect(added).toMatchObject({ caseNumber: number, fileName: "Verslag school Noor.pdf", contentType: "application/pdf", size: content.byteLength });
    const row = await prisma.caseDocument.findUniqueOrThrow({ where: { id: added.id } });
    const theCase = await prisma.case.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      caseId: id,
      gemeenteId: theCase.gemeenteId,
      fileName: "Verslag school Noor.pdf",
      contentType: "application/pdf",
      size: content.byteLength,
      sha256: sha256(content),
      uploadedById: parent.userId,
    });
    expect(Buffer.from(row.content).equals(Buffer.from(content))).toBe(true);

    const entry = await prisma.timelineEntry.findFirstOrThrow({ where: { caseId: id, kind: "documentAdded" } });
    expect(entry).toMatchObject({ visibleToFamily: true, actorId: parent.userId, actorRole: "FAMILY", gemeenteId: theCase.gemeenteId });

    const event = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: id, action: "case.addDocument" } });
    expect(event).toMatchObject({ actorId: parent.userId, actorRole: "FAMILY", outcome: "SUCCESS", caseNumber: number, gemeenteId: theCase.gemeenteId });
    expect(event.changes).toEqual({
      documentId: { old: null, new: added.id },
      contentType: { old: null, new: "application/pdf" },
      size: { old: null, new: content.byteLength },
      sha256: { old: null, new: sha256(content) },
    });
    // The name may carry the child's name: it never enters the audit trail.
    expect(JSON.stringify(event)).not.toContain("Noor");
  });

  it("refuses a web page named brief.pdf, whatever its name says", async () => {
    const { parent, id } = await familyCase();
    const html = "<!doctype html><html><body><script>alert(1)</script>Brief</body></html>";
    expect(await refusal(addDocument(parent, { caseId: id, fileName: "brief.pdf", content: bytes(html) }))).toBe("fileType");
    expect(await refusal(addDocument(parent, { caseId: id, fileName: "brief.pdf", content: bytes("Beste gemeente, hierbij de brief.") }))).toBe(
      "fileType",
    );
    expect(await prisma.caseDocument.count({ where: { caseId: id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { caseId: id, action: "case.addDocument" } })).toBe(0);
    expect(await prisma.timelineEntry.count({ where: { caseId: id, kind: "documentAdded" } })).toBe(0);
  });

  it("refuses other binary formats too: a zip archive named scan.pdf", async () => {
    const { parent, id } = await familyCase();
    const zip = Buffer.from("504b0304140000000800000000000000000000000000000000000000", "hex");
    expect(await refusal(addDocument(parent, { caseId: id, fileName: "scan.pdf", content: bytes(zip) }))).toBe("fileType");
  });

  it("stores a PNG named scan.txt as image/png, under its name with the extension of that type", async () => {
    const { parent, id } = await familyCase();
    const added = await addDocument(parent, { caseId: id, fileName: "scan.txt", content: bytes(onePixelPng) });
    const row = await prisma.caseDocument.findUniqueOrThrow({ where: { id: added.id } });
    expect(row).toMatchObject({ contentType: "image/png", fileName: "scan.png", size: onePixelPng.byteLength, sha256: sha256(onePixelPng) });
    expect(added.fileName).toBe("scan.png");
  });

  it.each([
    ["poly.html", "poly.pdf"],
    ["x.exe", "x.pdf"],
    ["Verslag v1.2", "Verslag v1.2.pdf"],
  ])("stores and serves a PDF named %j as %j, in the list, the timeline and the download header", async (name, saved) => {
    const { parent, id } = await familyCase();
    const added = await addDocument(parent, { caseId: id, fileName: name, content: bytes(minimalPdf) });
    expect((await prisma.caseDocument.findUniqueOrThrow({ where: { id: added.id } })).fileName).toBe(saved);
    expect((await prisma.timelineEntry.findFirstOrThrow({ where: { caseId: id, kind: "documentAdded" } })).body).toBe(saved);
    expect((await listCaseDocuments(parent, { id })).documents.map((d) => d.fileName)).toEqual([saved]);
    const response = attachmentResponse(await readDocument(parent, added.id));
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="${saved}"; filename*=UTF-8''${encodeURIComponent(saved)}`);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
  });

  it("serves a document stored earlier under a wrong extension with the right one", async () => {
    const { parent, id } = await familyCase();
    const added = await addDocument(parent, { caseId: id, fileName: "poly.pdf", content: bytes(minimalPdf) });
    // As it was stored before names followed the detected type.
    await prisma.caseDocument.update({ where: { id: added.id }, data: { fileName: "poly.html" } });
    const download = await readDocument(parent, added.id);
    expect(download.fileName).toBe("poly.pdf");
    expect(attachmentResponse(download).headers.get("Content-Disposition")).toContain(`filename="poly.pdf"`);
    expect((await listCaseDocuments(parent, { id })).documents.map((d) => d.fileName)).toEqual(["poly.pdf"]);
  });

  it("refuses an empty file and a file over 10 MB, and takes one of exactly 10 MB", async () => {
    const { parent, id } = await familyCase();
    expect(await refusal(addDocument(parent, { caseId: id, fileName: "leeg.pdf", content: new Uint8Array(0) }))).toBe("fileEmpty");

    const limit = new Uint8Array(MAX_DOCUMENT_BYTES);
    limit.set(Buffer.from(minimalPdf));
    const tooLarge = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    tooLarge.set(Buffer.from(minimalPdf));
    expect(await refusal(addDocument(parent, { caseId: id, fileName: "groot.pdf", content: tooLarge }))).toBe("fileTooLarge");
    expect(await prisma.caseDocument.count({ where: { caseId: id } })).toBe(0);

    const added = await addDocument(parent, { caseId: id, fileName: "precies.pdf", content: limit });
    expect(added.size).toBe(MAX_DOCUMENT_BYTES);
  });

  it.each([
    ["scan\u0000\u0007\nvan school.pdf", "scanvan school.pdf"],
    ["factuur\u202Efdp.png", "factuurfdp.pdf"],
    ["تقرير المدرسة.pdf", "تقرير المدرسة.pdf"],
    ["😀 tekening van Noor 👨‍👩‍👧.pdf", "😀 tekening van Noor 👨‍👩‍👧.pdf"],
    ["../../etc/passwd", "passwd.pdf"],
    ["<img src=x onerror=alert(1)>.pdf", "<img src=x onerror=alert(1)>.pdf"],
    ["<script>alert(1)</script>.pdf", "script>.pdf"],
    ["", "document.pdf"],
    ["\u0000", "document.pdf"],
    [`${"lang ".repeat(60)}.pdf`, `${"lang ".repeat(60).slice(0, 196).trimEnd()}.pdf`],
  ])("keeps a bad file name %j as %j, never failing on it", async (raw, stored) => {
    const { parent, id } = await familyCase();
    const added = await addDocument(parent, { caseId: id, fileName: raw, content: bytes(minimalPdf) });
    const row = await prisma.caseDocument.findUniqueOrThrow({ where: { id: added.id } });
    expect(row.fileName).toBe(stored);
    const download = await readDocument(parent, added.id);
    expect(download.fileName).toBe(stored);
  });

  it("is no longer possible once the family withdrew the case; its documents can still be read", async () => {
    const { parent, id } = await familyCase();
    const before = await addDocument(parent, { caseId: id, fileName: "eerder.pdf", content: bytes(minimalPdf) });
    await withdrawCase(parent, { caseId: id, reason: "Er is inmiddels een plek gevonden." });
    const refused = addDocument(parent, { caseId: id, fileName: "later.pdf", content: bytes(minimalPdf) });
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    expect(await refusal(refused)).toBe("wrongState");
    expect((await readDocument(parent, before.id)).fileName).toBe("eerder.pdf");
    expect(await listCaseDocuments(parent, { id })).toMatchObject({ canAdd: false, closed: true });
  });

  it("checks the case before the file: someone who may not add learns nothing about the file", async () => {
    const { id } = await familyCase();
    const stranger = await makeActor("FAMILY");
    await expect(addDocument(stranger, { caseId: id, fileName: "leeg.pdf", content: new Uint8Array(0) })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("downloading a document", () => {
  it("returns the stored bytes and type, and audits every download", async () => {
    const { parent, id, number } = await familyCase();
    const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const added = await addDocument(parent, { caseId: id, fileName: "scan.txt", content: bytes(onePixelPng) });

    const download = await readDocument(aanspreekpunt, added.id);
    expect(download).toMatchObject({ fileName: "scan.png", contentType: "image/png", size: onePixelPng.byteLength, sha256: sha256(onePixelPng) });
    expect(Buffer.from(download.content).equals(onePixelPng)).toBe(true);
    await readDocument(parent, added.id);

    const reads = await prisma.auditEvent.findMany({ where: { caseId: id, action: "case.readDocument" }, orderBy: { seq: "asc" } });
    expect(reads.map((e) => [e.actorId, e.actorRole])).toEqual([
      [aanspreekpunt.userId, "AANSPREEKPUNT"],
      [parent.userId, "FAMILY"],
    ]);
    for (const e of reads) {
      expect(e).toMatchObject({ caseNumber: number, outcome: "SUCCESS", requestId: expect.stringMatching(/^test-/) });
      expect(e.changes).toEqual({ documentId: { old: null, new: added.id } });
    }
  });

  it("answers 'not found' for an id that does not exist, without writing anything", async () => {
    const { parent, id } = await familyCase();
    await expect(readDocument(parent, "does-not-exist")).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.auditEvent.count({ where: { caseId: id, action: "case.readDocument" } })).toBe(0);
  });

  it.each([
    ["a NUL byte", "abc\u0000def"],
    ["only a NUL byte", "\u0000"],
    ["a broken surrogate", "abc\uD800"],
    ["an empty id", ""],
    ["a path", "../etc/passwd"],
    ["a quote", "x' OR '1'='1"],
    ["an overlong id", "a".repeat(10_000)],
  ])("answers 'not found' for an id with %s, not a server error", async (_what, badId) => {
    const { parent, id } = await familyCase();
    const added = await addDocument(parent, { caseId: id, fileName: "brief.pdf", content: bytes(minimalPdf) });
    await expect(readDocument(parent, badId)).rejects.toBeInstanceOf(NotFoundError);
    // A real id with a NUL byte stuck on is not that document either.
    await expect(readDocument(parent, `${added.id}\u0000`)).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.auditEvent.count({ where: { caseId: id, action: "case.readDocument" } })).toBe(0);
  });
});

describe("who may add and download documents", () => {
  type Who = { make: (filer: Actor) => Promise<Actor>; add: boolean; read: boolean };
  // The case is filed in Den Haag (region Haaglanden) and referred to the expert team.
  const table: Record<string, Who> = {
    "the parent who filed": { make: async (filer) => filer, add: true, read: true },
    "the professional who filed another case": { make: () => professionalWithOwnCase(), add: false, read: false },
    "a family member of another case": { make: () => familyWithOwnCase(), add: false, read: false },
    "the aanspreekpunt of Den Haag": { make: () => makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG }), add: false, read: true },
    "the aanspreekpunt of Delft": { make: () => makeActor("AANSPREEKPUNT", { gemeente: DELFT }), add: false, read: false },
    "a decision holder of Den Haag": { make: () => makeActor("DECISION_HOLDER", { gemeente: DEN_HAAG }), add: false, read: true },
    "a decision holder of Delft": { make: () => makeActor("DECISION_HOLDER", { gemeente: DELFT }), add: false, read: false },
    "an expert of Haaglanden": { make: () => makeActor("EXPERT", { region: HAAGLANDEN }), add: false, read: true },
    "the ombudsman": { make: () => makeActor("OMBUDSMAN"), add: false, read: true },
    "the gemeente admin of Den Haag": { make: () => makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG }), add: false, read: false },
    "a platform admin": { make: () => makeActor("PLATFORM_ADMIN"), add: false, read: false },
  };

  async function familyWithOwnCase(): Promise<Actor> {
    return (await familyCase()).parent;
  }

  async function professionalWithOwnCase(): Promise<Actor> {
    const professional = await makeActor("PROFESSIONAL");
    await fileCase(professional, caseInput({ filerRole: "PROFESSIONAL", organisation: "Leerplicht", consentMethod: "PHONE" }));
    return professional;
  }

  it.each(Object.entries(table))("%s", async (_who, { make, add, read }) => {
    const { parent, id } = await familyCase();
    const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    await claimCase(aanspreekpunt, { caseId: id });
    await referCase(aanspreekpunt, { caseId: id, ...referralFacts(), question: "Kan het expertteam meedenken over passend onderwijs?" });
    const existing = await addDocument(parent, { caseId: id, fileName: "verslag.pdf", content: bytes(minimalPdf) });
    const actor = await make(parent);

    const adding = addDocument(actor, { caseId: id, fileName: "nog een.pdf", content: bytes(minimalPdf) });
    if (add) await expect(adding).resolves.toMatchObject({ contentType: "application/pdf" });
    else await expect(adding).rejects.toBeInstanceOf(NotFoundError);

    if (read) {
      await expect(readDocument(actor, existing.id)).resolves.toMatchObject({ fileName: "verslag.pdf" });
      await expect(listCaseDocuments(actor, { id })).resolves.toMatchObject({ canAdd: add });
    } else {
      await expect(readDocument(actor, existing.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(listCaseDocuments(actor, { id })).rejects.toBeInstanceOf(NotFoundError);
    }
    const reads = await prisma.auditEvent.count({ where: { caseId: id, action: "case.readDocument", actorId: actor.userId } });
    expect(reads).toBe(read ? 1 : 0);
  });

  it("lets a professional on the case add documents, and an expert only see them once the case was referred", async () => {
    const professional = await makeActor("PROFESSIONAL");
    const expert = await makeActor("EXPERT", { region: HAAGLANDEN });
    const { id } = await fileCase(professional, caseInput({ filerRole: "PROFESSIONAL", organisation: "Leerplicht", consentMethod: "PHONE" }));
    const added = await addDocument(professional, { caseId: id, fileName: "verslag leerplicht.pdf", content: bytes(minimalPdf) });
    expect((await prisma.timelineEntry.findFirstOrThrow({ where: { caseId: id, kind: "documentAdded" } })).actorRole).toBe("PROFESSIONAL");
    await expect(readDocument(expert, added.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(readDocument(professional, added.id)).resolves.toMatchObject({ contentType: "application/pdf" });
  });
});

describe("the list of documents", () => {
  it("shows what each document is, newest first, without its content", async () => {
    const { parent, id, number } = await familyCase();
    const first = await addDocument(parent, { caseId: id, fileName: "eerste.pdf", content: bytes(minimalPdf) });
    // Two uploads can land in the same millisecond: make the order explicit.
    await prisma.caseDocument.update({ where: { id: first.id }, data: { createdAt: new Date(Date.now() - 60_000) } });
    const second = await addDocument(parent, { caseId: id, fileName: "tweede.png", content: bytes(onePixelPng) });
    const list = await listCaseDocuments(parent, { number });
    expect(list).toMatchObject({ caseId: id, canAdd: true, closed: false });
    expect(list.documents.map((d) => d.id)).toEqual([second.id, first.id]);
    expect(list.documents[0]).toEqual({
      id: second.id,
      fileName: "tweede.png",
      contentType: "image/png",
      size: onePixelPng.byteLength,
      createdAt: expect.any(Date),
    });
  });
});
