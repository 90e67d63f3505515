import "server-only";
import { filingDocumentsProblem, filingProblemOfType, type FilingDocumentsProblem } from "@/lib/domain/documents";
import { inspectDocument, type InspectedDocument } from "./inspect-document";

export type FilingDocument = { fileName: string; content: Uint8Array<ArrayBuffer>; inspection: InspectedDocument };

/**
 * The documents sent with a filing, read and checked before anything is
 * stored: one file that is too large or not a PDF or photo, and the filing
 * waits until the person has chosen again.
 */
/**
 * A file input left empty still sends one part: empty, with no name or type of its
 * own ("" or, after the action's encoding, "blob" or "undefined"; octet-stream). That
 * is no document. An empty file the person did choose keeps its name and type and is
 * refused as empty.
 */
function isEmptyField(file: File): boolean {
  return file.size === 0 && (["", "blob", "undefined"].includes(file.name) || ["", "application/octet-stream"].includes(file.type));
}

export async function inspectFilingDocuments(
  entries: readonly FormDataEntryValue[],
): Promise<{ ok: true; documents: FilingDocument[] } | { ok: false; problem: FilingDocumentsProblem }> {
  const files = entries.filter((e): e is File => typeof e !== "string" && !isEmptyField(e));
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
