"use server";

import { refresh } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { addDocumentForm } from "@/lib/domain/documents";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { addDocument } from "@/lib/server/documents/add-document";

export type AddDocumentState = ActionState<{ fileName: string }>;

export async function addDocumentAction(_prev: AddDocumentState, formData: FormData): Promise<AddDocumentState> {
  const actor = await requireActor("/mijn-meldingen");
  const input = { caseId: formData.get("caseId") ?? undefined, file: formData.get("file") ?? undefined };
  const result = await runAction(addDocumentForm, input, formValues(formData), async ({ caseId, file }) => {
    const added = await addDocument(actor, { caseId, fileName: file.name, content: new Uint8Array(await file.arrayBuffer()) });
    return { fileName: added.fileName };
  });
  // The page's list is rendered on the server: show it again with the new document.
  if (result?.ok) refresh();
  return result;
}
