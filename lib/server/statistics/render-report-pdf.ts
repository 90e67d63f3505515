import "server-only";
import PDFDocument from "pdfkit";
import { collectPdf, writePageFooters } from "@/lib/server/pdf-output";
import { scaleLinear } from "d3-scale";
import { figureValue } from "@/lib/domain/figure-marks";
import type { QuarterlyReport, ReportChart, ReportTable } from "@/lib/domain/quarterly-report";
import { toShowable } from "@/lib/server/decisions/pdf-text";

/**
 * Lays a quarterly report out as an A4 PDF, as the decision letter is laid
 * out (decision 011): a tagged PDF in the report's language with Helvetica,
 * headings and tables in the structure tree. Charts are drawn with pdfkit's
 * own vector drawing from the same figures as the page's SVG charts (decision
 * 028): bars from a d3 linear scale, series told apart by fill pattern as well
 * as colour, a figure not shown is a gap with its mark, never a zero bar.
 */

const BODY = "Helvetica";
const BOLD = "Helvetica-Bold";
const INK = "#0f172a";
const MUTED = "#334155";
const ACCENT = "#134e4a";
const RULE = "#cbd5e1";
const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };
const BODY_SIZE = 10.5;
const SMALL_SIZE = 9;
const LINE_GAP = 2.5;

/** The colours and fills of the page's charts (components/charts/chart-kit.tsx), in the same order. */
const seriesLook = [
  { color: "#0f766e", pattern: "solid" },
  { color: "#475569", pattern: "hatch" },
  { color: "#b45309", pattern: "dots" },
  { color: "#6d28d9", pattern: "cross" },
] as const;

const BAR = 9;
const BAR_GAP = 2;
const GROUP_GAP = 7;
const LABEL_HEIGHT = 13;
/** Room after the longest bar for its value ("12 werkdagen"). */
const VALUE_ROOM = 78;

const show = (text: string) => toShowable(text).text;

export async function renderQuarterlyReportPdf(report: QuarterlyReport, madeAt: Date): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    tagged: true,
    lang: report.locale === "en" ? "en-GB" : "nl-NL",
    displayTitle: true,
    pdfVersion: "1.7",
    info: { Title: show(report.title), Author: "Doorbraak", Subject: show(report.title), Creator: "Doorbraak", CreationDate: madeAt },
  });
  const finished = collectPdf(doc);

  const root = doc.struct("Document");
  doc.addStructure(root);
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const body = () => doc.font(BODY).fontSize(BODY_SIZE).fillColor(INK);
  const bottom = () => doc.page.height - MARGIN.bottom;
  /** Starts a new page when less than `height` is left, so that a heading or chart is not cut off. */
  const keepTogether = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  for (const block of report.blocks) {
    switch (block.kind) {
      case "title":
        doc.font(BOLD).fontSize(20).fillColor(ACCENT).text(show(block.text), { structParent: root, structType: "H1", lineGap: LINE_GAP });
        doc.font(BODY).fontSize(14).fillColor(INK).text(show(block.subtitle), { structParent: root, structType: "P", lineGap: LINE_GAP });
        doc.moveDown(0.8);
        break;
      case "facts":
        for (const row of block.rows) {
          root.add(
            doc.struct("P", {}, () => {
              doc.font(BOLD).fontSize(BODY_SIZE).fillColor(INK).text(`${show(row.label)}: `, { continued: true, lineGap: LINE_GAP });
              body().text(show(row.value), { lineGap: LINE_GAP });
            }),
          );
        }
        doc.moveDown(0.8);
        break;
      case "heading":
        body();
        keepTogether(4 * doc.currentLineHeight(true) + 40);
        doc.moveDown(0.6);
        doc.font(BOLD).fontSize(15).fillColor(ACCENT).text(show(block.text), { structParent: root, structType: "H2", lineGap: LINE_GAP });
        doc.moveDown(0.3);
        break;
      case "paragraph":
        body().text(show(block.text), { structParent: root, structType: "P", lineGap: LINE_GAP });
        doc.moveDown(0.5);
        break;
      case "chart":
        drawChart(doc, root, block.chart, width, keepTogether);
        drawTable(doc, root, block.table, width, keepTogether);
        break;
      case "table":
        drawTable(doc, root, block.table, width, keepTogether);
        break;
    }
  }
  root.end();
  const footer = show(report.footer);
  writePageFooters(doc, (page, count) => show(`${footer} · ${report.pageLabel(page, count)}`), { font: BODY, size: 8, ...MARGIN });
  doc.end();
  return finished;
}

function chartHeight(chart: ReportChart): number {
  const legend = chart.series.length > 1 ? 16 : 0;
  const perGroup = LABEL_HEIGHT + chart.series.length * (BAR + BAR_GAP) + GROUP_GAP;
  return 22 + legend + chart.groups.length * perGroup + chart.legend.length * 12;
}

/** Fills a bar with its series' look: solid, hatched, dotted or crossed, as on the page. */
function fillBar(doc: PDFKit.PDFDocument, x: number, y: number, w: number, h: number, index: number): void {
  const look = seriesLook[index % seriesLook.length]!;
  doc.save();
  if (look.pattern === "solid") {
    doc.rect(x, y, w, h).fill(look.color);
  } else {
    doc.rect(x, y, w, h).fillAndStroke("#ffffff", look.color);
    doc.rect(x, y, w, h).clip();
    doc.lineWidth(1.2).strokeColor(look.color).fillColor(look.color);
    if (look.pattern === "hatch") for (let i = -h; i < w; i += 4) doc.moveTo(x + i, y + h).lineTo(x + i + h, y).stroke();
    if (look.pattern === "dots") for (let i = 2; i < w; i += 4) for (let j = 2; j < h; j += 4) doc.circle(x + i, y + j, 0.9).fill();
    if (look.pattern === "cross") {
      for (let i = 2; i < w; i += 5) doc.moveTo(x + i, y).lineTo(x + i, y + h).stroke();
      for (let j = 2; j < h; j += 5) doc.moveTo(x, y + j).lineTo(x + w, y + j).stroke();
    }
  }
  doc.restore();
}

function drawChart(
  doc: PDFKit.PDFDocument,
  root: PDFKit.PDFStructureElement,
  chart: ReportChart,
  width: number,
  keepTogether: (height: number) => void,
): void {
  keepTogether(Math.min(chartHeight(chart) + 60, doc.page.height - MARGIN.top - MARGIN.bottom));
  doc.moveDown(0.3);
  doc.font(BOLD).fontSize(11).fillColor(INK).text(show(chart.title), { structParent: root, structType: "P", lineGap: LINE_GAP });
  doc.moveDown(0.3);
  const values = chart.groups.flatMap((g) => g.values.map((v) => (v.figure ? figureValue(v.figure) : null) ?? 0));
  const x = scaleLinear()
    .domain([0, Math.max(1, ...values)])
    .range([0, width - VALUE_ROOM]);
  const left = MARGIN.left;
  // The drawing is one figure with its summary as alternative text; its table follows as real text.
  root.add(
    doc.struct("Figure", { alt: show(`${chart.title}. ${chart.summary}`) }, () => {
      let y = doc.y;
      if (chart.series.length > 1) {
        let lx = left;
        for (const [i, name] of chart.series.entries()) {
          fillBar(doc, lx, y + 1, 14, 8, i);
          doc.font(BODY).fontSize(SMALL_SIZE).fillColor(INK).text(show(name), lx + 18, y, { lineBreak: false });
          lx += 18 + doc.widthOfString(show(name)) + 16;
        }
        y += 16;
      }
      for (const group of chart.groups) {
        doc.font(BODY).fontSize(SMALL_SIZE).fillColor(INK).text(show(group.label), left, y, { width, lineBreak: false, ellipsis: true });
        y += LABEL_HEIGHT;
        group.values.forEach((value, i) => {
          const shown = value.figure ? figureValue(value.figure) : null;
          const barWidth = shown === null ? 0 : x(shown);
          if (barWidth > 0) fillBar(doc, left, y, Math.max(barWidth, 1), BAR, i);
          // A figure not shown gets its mark where the bar would start: a gap, never a zero.
          doc
            .font(shown === null ? BOLD : BODY)
            .fontSize(8.5)
            .fillColor(shown === null ? MUTED : INK)
            .text(show(value.short), left + barWidth + 4, y + 0.5, { lineBreak: false });
          y += BAR + BAR_GAP;
        });
        y += GROUP_GAP;
      }
      doc.moveTo(left, y - GROUP_GAP / 2).lineTo(left + width, y - GROUP_GAP / 2).lineWidth(0.5).strokeColor(RULE).stroke();
      doc.x = left;
      doc.y = y;
    }),
  );
  for (const line of chart.legend) {
    doc.font(BODY).fontSize(8.5).fillColor(MUTED).text(show(line), MARGIN.left, doc.y, { width, structParent: root, structType: "P", lineGap: 1.5 });
  }
  doc.moveDown(0.4);
}

function drawTable(
  doc: PDFKit.PDFDocument,
  root: PDFKit.PDFStructureElement,
  table: ReportTable,
  width: number,
  keepTogether: (height: number) => void,
): void {
  const rowHeight = table.format === "text" ? 40 : 16;
  keepTogether(Math.min(30 + (table.rows.length + 1) * rowHeight, 260));
  doc.font(BOLD).fontSize(SMALL_SIZE).fillColor(INK).text(show(table.caption), MARGIN.left, doc.y, { width, structParent: root, structType: "P", lineGap: LINE_GAP });
  doc.moveDown(0.2);
  const border = { top: 0.5, bottom: 0.5, left: 0, right: 0 };
  const borderColor = RULE;
  const padding = [3, 4, 3, 4] as [number, number, number, number];
  const header = table.columns.map((text) => ({
    text: show(text),
    type: "TH" as const,
    scope: "column",
    font: { src: BOLD, size: SMALL_SIZE },
    backgroundColor: "#f1f5f9",
    border,
    borderColor,
    padding,
  }));
  const rows = table.rows.map((row) => [
    { text: show(row.label), type: "TH" as const, scope: "row", font: { src: BOLD, size: SMALL_SIZE }, border, borderColor, padding },
    ...row.cells.map((cell) => ({ text: show(cell.text), type: "TD" as const, font: { src: BODY, size: SMALL_SIZE }, border, borderColor, padding, textColor: cell.figure && figureValue(cell.figure) === null ? MUTED : INK })),
  ]);
  const first = table.columns.length > 4 ? 0.28 : 0.4;
  doc.font(BODY).fontSize(SMALL_SIZE).fillColor(INK);
  doc.table({
    position: { x: MARGIN.left, y: doc.y },
    maxWidth: width,
    columnStyles: (i: number) => (i === 0 ? { width: width * first } : { width: (width * (1 - first)) / (table.columns.length - 1) }),
    data: [header, ...rows],
    // pdfkit tags the table (Table, TR, TH with its scope, TD) under this parent.
    structParent: root,
  } as PDFKit.Mixins.TableOptionsWithData);
  doc.x = MARGIN.left;
  doc.moveDown(0.8);
}

