import "server-only";
import type PDFDocument from "pdfkit";

/**
 * The bytes of a pdfkit document once it has ended: call before drawing, and
 * await after `doc.end()`.
 */
export function collectPdf(doc: InstanceType<typeof PDFDocument>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  return new Promise<Uint8Array>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
}
