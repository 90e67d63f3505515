/** A complete, valid one-page PDF (no content stream needed for a blank page): what the type detection accepts. */
export const minimalPdfText = [
  "%PDF-1.4",
  "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
  "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
  "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj",
  "trailer << /Root 1 0 R /Size 4 >>",
  "%%EOF",
  "",
].join("\n");

/** The same PDF as bytes, a fresh copy on every call. */
export function minimalPdf(): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(minimalPdfText, "utf8"));
}
