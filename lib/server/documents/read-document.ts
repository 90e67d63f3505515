import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { fileNameForType } from "@/lib/domain/documents";
import { recordId } from "@/lib/domain/fields";
import { may } from "@/lib/domain/permissions";
import { asActor } from "@/lib/db/acting";
import { caseScope, findScopedCase } from "@/lib/db/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { actingRole } from "@/lib/server/cases/transition";
import { ForbiddenError, NotFoundError } from "@/lib/server/errors";

export type DocumentDownload = { fileName: string; contentType: string; size: number; sha256: string; content: Uint8Array };

/**
 * Someone downloads a case document. The document is only found through a
 * case the actor may read documents of, so another gemeente's or another
 * family's document id answers "not found", exactly like an id that does
 * not exist. Every download is audited, in the transaction that reads it.
 */
export async function readDocument(actor: Actor, documentId: string): Promise<DocumentDownload> {
  // The id comes from the address: a NUL byte or other junk would make PostgreSQL fail.
  if (!recordId().safeParse(documentId).success) throw new NotFoundError();
  return asActor(actor, async (tx) => {
    const reachable = await tx.caseDocument.findFirst({
      where: { id: documentId, case: caseScope(actor, "case.readDocument") },
      select: { caseId: true },
    });
    if (!reachable) throw new NotFoundError();
    const { case: found, heldRoles } = await findScopedCase(tx, actor, "case.readDocument", { id: reachable.caseId });
    if (!may(heldRoles, "case.readDocument")) throw new ForbiddenError();
    const document = await tx.caseDocument.findFirst({
      where: { id: documentId, caseId: found.id, gemeenteId: found.gemeenteId },
      select: { id: true, fileName: true, contentType: true, size: true, sha256: true, content: true },
    });
    if (!document) throw new NotFoundError();
    await writeAudit(tx, actor, {
      action: "case.readDocument",
      role: actingRole(heldRoles, "case.readDocument"),
      case: { id: found.id, number: found.number, gemeenteId: found.gemeenteId },
      changes: { documentId: { old: null, new: document.id } },
    });
    return {
      // Documents stored before names followed the type are served right too.
      fileName: fileNameForType(document.fileName, document.contentType),
      contentType: document.contentType,
      size: document.size,
      sha256: document.sha256,
      content: document.content,
    };
  });
}
