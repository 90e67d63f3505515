import "server-only";
import PDFDocument from "pdfkit";
import { collectPdf, writePageFooters } from "@/lib/server/pdf-output";
import { letterContent, UNSHOWABLE_NOTE, type LetterBlock, type LetterData, type LetterRow } from "./letter-content";
import { toShowable } from "./pdf-text";

const BODY = "Helvetica";
const BOLD = "Helvetica-Bold";
const INK = "#000000";
const ACCENT = "#134e4a";
const MARGIN = { top: 56, bottom: 64, left: 64, right: 64 };
const BODY_SIZE = 11;
const LINE_GAP = 3;

/**
 * Replaces every text in the blocks by what Helvetica can show, and says
 * whether anything had to be left out, so the letter can tell the reader.
 */
function showableBlocks(blocks: LetterBlock[]): { blocks: LetterBlock[]; lossy: boolean } {
  let lossy = false;
  const show = (s: string) => {
    const shown = toShowable(s);
    lossy ||= shown.lossy;
    return shown.text;
  };
  const rows = (r: LetterRow[]) => r.map((row) => ({ label: show(row.label), value: show(row.value) }));
  const shown = blocks.map((b): LetterBlock => {
    switch (b.kind) {
      case "letterhead":
        return { kind: b.kind, lines: b.lines.map(show) };
      case "bullets":
        return { kind: b.kind, items: b.items.map(show) };
      case "facts":
        return { kind: b.kind, rows: rows(b.rows) };
      case "assignment":
        return { kind: b.kind, title: show(b.title), rows: rows(b.rows) };
      default:
        return { kind: b.kind, text: show(b.text) };
    }
  });
  if (lossy) {
    const afterFacts = shown.findIndex((b) => b.kind === "facts") + 1;
    shown.splice(afterFacts, 0, { kind: "paragraph", text: UNSHOWABLE_NOTE });
  }
  return { blocks: shown, lossy };
}

/**
 * Lays the decision letter out as an A4 PDF: a tagged PDF in Dutch, with its
 * headings, paragraphs and lists in the structure tree, so that a screen
 * reader can read it in order. Takes plain data; the wording is in letter-content.
 */
export async function renderDecisionLetter(data: LetterData, content: LetterBlock[] = letterContent(data)): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    tagged: true,
    lang: "nl-NL",
    displayTitle: true,
    pdfVersion: "1.7",
    info: {
      Title: `Besluit ${data.caseNumber}`,
      Author: toShowable(`Gemeente ${data.gemeente.name}`).text,
      Subject: "Besluit met doorzettingsmacht",
      Creator: "Doorbraak",
      CreationDate: data.madeAt,
    },
  });
  const finished = collectPdf(doc);

  const root = doc.struct("Document");
  doc.addStructure(root);
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const body = () => doc.font(BODY).fontSize(BODY_SIZE).fillColor(INK);

  /** Starts a new page when less than `height` is left, so a heading never sits alone at the bottom. */
  const keepTogether = (height: number) => {
    if (doc.y + height > doc.page.height - MARGIN.bottom) doc.addPage();
  };
  const rowHeight = (row: LetterRow) => {
    body();
    return doc.heightOfString(`${row.label}: ${row.value}`, { width, lineGap: LINE_GAP });
  };
  const writeRow = (row: LetterRow) =>
    root.add(
      doc.struct("P", {}, () => {
        doc.font(BOLD).fontSize(BODY_SIZE).fillColor(INK).text(`${row.label}: `, { continued: true, lineGap: LINE_GAP });
        body().text(row.value, { lineGap: LINE_GAP });
      }),
    );

  const { blocks } = showableBlocks(content);
  for (const block of blocks) {
    switch (block.kind) {
      case "letterhead": {
        const [first = "", ...rest] = block.lines;
        root.add(
          doc.struct("P", {}, () => {
            doc.font(BOLD).fontSize(14).fillColor(ACCENT).text(first, { lineGap: LINE_GAP });
            body().text(rest.join("\n"), { lineGap: LINE_GAP });
          }),
        );
        doc.moveDown(1);
        break;
      }
      case "facts":
        block.rows.forEach(writeRow);
        doc.moveDown(1);
        break;
      case "title":
        doc.font(BOLD).fontSize(17).fillColor(ACCENT).text(block.text, { structParent: root, structType: "H1", lineGap: LINE_GAP });
        doc.moveDown(0.6);
        break;
      case "heading":
        body();
        keepTogether(3 * doc.currentLineHeight(true) + 24);
        doc.moveDown(0.4);
        doc.font(BOLD).fontSize(13).fillColor(ACCENT).text(block.text, { structParent: root, structType: "H2", lineGap: LINE_GAP });
        doc.moveDown(0.3);
        break;
      case "paragraph":
        body().text(block.text, { structParent: root, structType: "P", lineGap: LINE_GAP });
        doc.moveDown(0.5);
        break;
      case "bullets":
        body().list(block.items, { structParent: root, bulletRadius: 2, textIndent: 14, bulletIndent: 6, lineGap: LINE_GAP });
        doc.moveDown(0.5);
        break;
      case "assignment": {
        const height = block.rows.reduce((sum, row) => sum + rowHeight(row), 0);
        keepTogether(Math.min(height + 30, doc.page.height - MARGIN.top - MARGIN.bottom));
        doc.font(BOLD).fontSize(12).fillColor(ACCENT).text(block.title, { structParent: root, structType: "H3", lineGap: LINE_GAP });
        block.rows.forEach(writeRow);
        doc.moveDown(0.6);
        break;
      }
    }
  }
  root.end();
  writePageFooters(doc, (page, count) => `Besluit ${data.caseNumber} · pagina ${page} van ${count}`, { font: BODY, size: 9, ...MARGIN });
  doc.end();
  return finished;
}

