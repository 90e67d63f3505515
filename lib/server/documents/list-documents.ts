import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { fileNameForType, mayAddDocuments } from "@/lib/domain/documents";
import { may } from "@/lib/domain/permissions";
import { asActor } from "@/lib/db/acting";
import { findScopedCase } from "@/lib/db/scope";

export type DocumentListItem = { id: string; fileName: string; contentType: string; size: number; createdAt: Date };

export type CaseDocuments = {
  caseId: string;
  documents: DocumentListItem[];
  /** Whether the actor may add a document to this case now */
  canAdd: boolean;
  /** The case is closed: nobody adds documents any more */
  closed: boolean;
};

/**
 * The documents of one case, newest first: what they are, never their
 * content. Scoped like every case read: not yours is "not found".
 */
export async function listCaseDocuments(actor: Actor, where: { id: string } | { number: string }): Promise<CaseDocuments> {
  const { found, heldRoles, documents } = await asActor(actor, async (tx) => {
    const { case: found, heldRoles } = await findScopedCase(tx, actor, "case.readDocument", where);
    const documents = await tx.caseDocument.findMany({
      where: { caseId: found.id, gemeenteId: found.gemeenteId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, fileName: true, contentType: true, size: true, createdAt: true },
    });
    return { found, heldRoles, documents };
  });
  const open = mayAddDocuments(found.status);
  return {
    caseId: found.id,
    // The list shows the name a download gets, also for documents stored before that rule.
    documents: documents.map((d) => ({ ...d, fileName: fileNameForType(d.fileName, d.contentType) })),
    canAdd: open && may(heldRoles, "case.addDocument"),
    closed: !open,
  };
}
