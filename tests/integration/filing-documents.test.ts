import { describe, expect, it } from "vitest";
import { MAX_DOCUMENT_BYTES, MAX_FILING_DOCUMENTS } from "@/lib/domain/documents";
import { prisma } from "@/tests/support/owner-db";
import { fileCase } from "@/lib/server/cases/file-case";
import { inspectFilingDocuments } from "@/lib/server/documents/filing-documents";
import { minimalPdfText } from "@/tests/support/minimal-pdf";
import { caseInput, makeActor } from "../support/factories";

const pdf = (name: string) => new File([minimalPdfText], name, { type: "application/pdf" });

describe("documents sent with the filing", () => {
  it("are stored with the case in the filing's transaction, each with its timeline entry and audit event", async () => {
    const parent = await makeActor("FAMILY");
    const checked = await inspectFilingDocuments([pdf("verslag school.pdf"), pdf("brief-huisarts.pdf")]);
    if (!checked.ok) throw new Error(checked.problem);
    const { id } = await fileCase(parent, caseInput(), checked.documents);

    const stored = await prisma.caseDocument.findMany({ where: { caseId: id }, orderBy: { fileName: "asc" } });
    expect(stored.map((d) => [d.fileName, d.contentType, d.uploadedById])).toEqual([
      ["brief-huisarts.pdf", "application/pdf", parent.userId],
      ["verslag school.pdf", "application/pdf", parent.userId],
    ]);
    expect(await prisma.timelineEntry.count({ where: { caseId: id, kind: "documentAdded", visibleToFamily: true } })).toBe(2);
    const actions = (await prisma.auditEvent.findMany({ where: { caseId: id }, orderBy: { seq: "asc" }, select: { action: true } })).map((e) => e.action);
    expect(actions.slice(0, 3)).toEqual(["case.file", "case.addDocument", "case.addDocument"]);
  });

  it("refuses the whole set before anything is stored when one file is not a PDF or photo, too large, or there are too many", async () => {
    expect(await inspectFilingDocuments([pdf("goed.pdf"), new File(["Dit is geen pdf."], "nep.pdf")])).toEqual({ ok: false, problem: "documentType" });
    expect(await inspectFilingDocuments([new File([new Uint8Array(MAX_DOCUMENT_BYTES + 1)], "groot.pdf")])).toEqual({ ok: false, problem: "documentTooLarge" });
    expect(await inspectFilingDocuments(Array.from({ length: MAX_FILING_DOCUMENTS + 1 }, (_, i) => pdf(`${i}.pdf`)))).toEqual({ ok: false, problem: "tooManyDocuments" });
    expect(await inspectFilingDocuments([new File([""], "leeg.pdf", { type: "application/pdf" })])).toEqual({ ok: false, problem: "documentEmpty" });
  });

  it("takes an empty file field and plain text fields as no documents", async () => {
    expect(await inspectFilingDocuments([new File([], ""), "tekst"])).toEqual({ ok: true, documents: [] });
    expect(await inspectFilingDocuments([new File([], "blob")])).toEqual({ ok: true, documents: [] });
    expect(await inspectFilingDocuments([new File([], "x", { type: "application/octet-stream" })])).toEqual({ ok: true, documents: [] });
  });
});
