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

/**
 * A line at the foot of every buffered page ("… · pagina 1 van 6"), marked as page
 * furniture, not content, so a screen reader skips it.
 */
export function writePageFooters(
  doc: InstanceType<typeof PDFDocument>,
  text: (page: number, count: number) => string,
  layout: { font: string; size: number; left: number; right: number; bottom: number },
): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would start a new page: lift the margin while the footer is drawn.
    doc.page.margins.bottom = 0;
    doc.markContent("Artifact", { type: "Pagination" });
    doc
      .font(layout.font)
      .fontSize(layout.size)
      .fillColor("#374151")
      .text(text(i - start + 1, count), layout.left, doc.page.height - 40, {
        width: doc.page.width - layout.left - layout.right,
        align: "center",
        lineBreak: false,
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = layout.bottom;
  }
}
