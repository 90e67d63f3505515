import "server-only";
import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type/core";
import { isDocumentContentType, sizeProblem, type DocumentContentType, type DocumentProblem } from "@/lib/domain/documents";

export type InspectedDocument = { ok: true; contentType: DocumentContentType; size: number; sha256: string };
export type Inspection = InspectedDocument | { ok: false; problem: DocumentProblem };

/**
 * What an uploaded file really is, read from its first bytes (magic numbers).
 * The name and the type the browser sent are never consulted: a web page
 * renamed to "brief.pdf" is refused, a PNG named "scan.txt" is a PNG.
 */
export async function inspectDocument(content: Uint8Array): Promise<Inspection> {
  const problem = sizeProblem(content.byteLength);
  if (problem) return { ok: false, problem };
  const detected = await fileTypeFromBuffer(content);
  if (!detected || !isDocumentContentType(detected.mime)) return { ok: false, problem: "fileType" };
  return {
    ok: true,
    contentType: detected.mime,
    size: content.byteLength,
    sha256: createHash("sha256").update(content).digest("hex"),
  };
}
