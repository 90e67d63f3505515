import "server-only";
import { filingDocumentsProblem, filingProblemOfType, type FilingDocumentsProblem } from "@/lib/domain/documents";
import { inspectDocument, type InspectedDocument } from "./inspect-document";

export type FilingDocument = { fileName: string; content: Uint8Array<ArrayBuffer>; inspection: InspectedDocument };

/**
 * The documents sent with a filing, read and checked before anything is
 * stored: one file that is too large or not a PDF or photo, and the filing
 * waits until the person has chosen again. A file input left empty sends one
 * nameless, empty file, which is not a document.
 */
export async function inspectFilingDocuments(
  entries: readonly FormDataEntryValue[],
): Promise<{ ok: true; documents: FilingDocument[] } | { ok: false; problem: FilingDocumentsProblem }> {
  const files = entries.filter((e): e is File => typeof e !== "string" && !(e.size === 0 && e.name === ""));
  const sizeProblem = filingDocumentsProblem(files.map((f) => f.size));
  if (sizeProblem) return { ok: false, problem: sizeProblem };
  const documents: FilingDocument[] = [];
  for (const file of files) {
    const content = new Uint8Array(await file.arrayBuffer());
    const inspection = await inspectDocument(content);
    if (!inspection.ok) return { ok: false, problem: filingProblemOfType(inspection.problem) };
    documents.push({ fileName: file.name, content, inspection });
  }
  return { ok: true, documents };
}
