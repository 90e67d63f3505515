import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { cleanFileName, documentTypes, fileNameForType, mayAddDocuments, type AddDocumentInput } from "@/lib/domain/documents";
import { may } from "@/lib/domain/permissions";
import { asActor } from "@/lib/db/acting";
import { findScopedCase, lockCase } from "@/lib/db/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { actingRole } from "@/lib/server/cases/transition";
import { ConflictError, DomainError, ForbiddenError } from "@/lib/server/errors";
import type { Tx } from "@/lib/db/client";
import type { Role } from "@/lib/domain/roles";
import { inspectDocument, type InspectedDocument } from "./inspect-document";

export type AddedDocument = { id: string; caseNumber: string; fileName: string; contentType: string; size: number };

/**
 * A family member or a professional on the case adds a document (PDF or
 * image). The type comes from the content, the checksum is taken on arrival,
 * and the row, its timeline entry and the audit event are written together.
 * The name keeps the person's own words but gets the extension of that type.
 * The file name stays out of the audit trail: it may carry the child's name.
 */
export async function addDocument(actor: Actor, input: AddDocumentInput): Promise<AddedDocument> {
  // Read the bytes before the transaction, so that it holds no connection while hashing 10 MB.
  const inspection = await inspectDocument(input.content);
  return asActor(actor, async (tx) => {
    await lockCase(tx, input.caseId);
    const { case: found, heldRoles } = await findScopedCase(tx, actor, "case.addDocument", { id: input.caseId });
    if (!may(heldRoles, "case.addDocument")) throw new ForbiddenError();
    if (!mayAddDocuments(found.status)) throw new ConflictError("wrongState");
    if (!inspection.ok) throw new DomainError("checkFields", { file: inspection.problem });

    const role = actingRole(heldRoles, "case.addDocument");
    return storeDocument(tx, actor, found, role, { fileName: input.fileName, content: input.content, inspection });
  });
}

/**
 * Writes an inspected document to a case the actor may add to: the row, its
 * timeline entry and the audit event, in the caller's transaction. Also used
 * when documents come with the filing itself.
 */
export async function storeDocument(
  tx: Tx,
  actor: Actor,
  found: { id: string; number: string; gemeenteId: string },
  role: Role | null,
  input: { fileName: string; content: Uint8Array<ArrayBuffer>; inspection: InspectedDocument },
): Promise<AddedDocument> {
  const inspection = input.inspection;
  // Stored with the detected type's extension: a PDF named poly.html is saved as poly.pdf.
  const fileName = fileNameForType(
    cleanFileName(input.fileName, `document.${documentTypes[inspection.contentType]}`),
    inspection.contentType,
  );
  const document = await tx.caseDocument.create({
    data: {
      caseId: found.id,
      gemeenteId: found.gemeenteId,
      fileName,
      contentType: inspection.contentType,
      size: inspection.size,
      sha256: inspection.sha256,
      content: input.content,
      uploadedById: actor.userId,
    },
    select: { id: true, createdAt: true },
  });
  await tx.timelineEntry.create({
    data: {
      caseId: found.id,
      gemeenteId: found.gemeenteId,
      kind: "documentAdded",
      body: fileName,
      visibleToFamily: true,
      actorId: actor.userId,
      actorRole: role,
      createdAt: document.createdAt,
    },
  });
  await writeAudit(tx, actor, {
    action: "case.addDocument",
    role,
    case: { id: found.id, number: found.number, gemeenteId: found.gemeenteId },
    changes: {
      documentId: { old: null, new: document.id },
      contentType: { old: null, new: inspection.contentType },
      size: { old: null, new: inspection.size },
      sha256: { old: null, new: inspection.sha256 },
    },
  });
  return { id: document.id, caseNumber: found.number, fileName, contentType: inspection.contentType, size: inspection.size };
}
