import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { FigureMark } from "@/lib/domain/figure-marks";
import { figuresCsv, figuresCsvFileName, figuresCsvResponse } from "@/lib/server/figures-csv";

const note = (mark: FigureMark, symbol: string) =>
  mark.kind === "hidden" ? `${symbol} = niet getoond` : `${symbol} = minder dan ${mark.threshold}`;

function read(csv: string): string[][] {
  return parse(csv, { bom: true, comment: "#" }) as string[][];
}

describe("figuresCsv", () => {
  it("writes counts, marks and statistics under the headers, with a note on each mark that occurs", () => {
    const csv = figuresCsv({
      columns: ["Kwartaal", "Ingediend", { header: "Binnen de norm (%)", percent: true }, "Mediaan (werkdagen)"],
      rows: [
        ["2025 K1", { kind: "count", value: 20 }, { kind: "value", value: 0.4236, cases: 20 }, { kind: "value", value: 12.5, cases: 20 }],
        ["2025 K2", { kind: "small", threshold: 5 }, { kind: "tooFew", threshold: 5 }, { kind: "value", value: 9, cases: 6 }],
        ["2025 K3", { kind: "hidden" }, { kind: "value", value: 1, cases: 30 }, { kind: "count", value: 0 }],
      ],
      note,
    });
    expect(csv.startsWith("\uFEFF# <5 = minder dan 5\n# * = minder dan 5\n# x = niet getoond\n")).toBe(true);
    expect(read(csv)).toEqual([
      ["Kwartaal", "Ingediend", "Binnen de norm (%)", "Mediaan (werkdagen)"],
      ["2025 K1", "20", "42.4", "12.5"],
      ["2025 K2", "<5", "*", "9"],
      ["2025 K3", "x", "100", "0"],
    ]);
  });

  it("writes no notes when every figure is shown", () => {
    const csv = figuresCsv({ columns: ["Oorzaak", "Aantal"], rows: [["Wachtlijst", { kind: "count", value: 8 }]], note });
    expect(csv).toBe('\uFEFF"Oorzaak","Aantal"\n"Wachtlijst",8\n');
  });

  it("keeps a label that looks like a formula from running in a spreadsheet", () => {
    const labels = ["=HYPERLINK(\"https://example.org\")", "+31 6 1234", "-1+1", "@SUM(A1)", "\tTab", "Gewoon"];
    const csv = figuresCsv({ columns: ["Gemeente", "Aantal"], rows: labels.map((l) => [l, { kind: "count", value: 6 }]), note });
    const cells = read(csv).slice(1).map((row) => row[0]);
    expect(cells).toEqual(["'=HYPERLINK(\"https://example.org\")", "'+31 6 1234", "'-1+1", "'@SUM(A1)", "'\tTab", "Gewoon"]);
  });

  it("quotes commas, quotes and line breaks, and keeps a note on one line", () => {
    const csv = figuresCsv({
      columns: ["Oorzaak", "Aantal"],
      rows: [['Wachtlijst, "lang"\nof geen plek', { kind: "small", threshold: 5 }]],
      note: () => "eerste regel\r\ntweede regel",
    });
    expect(csv).toContain("# eerste regel tweede regel\n");
    expect(read(csv)[1]).toEqual(['Wachtlijst, "lang"\nof geen plek', "<5"]);
  });
});

describe("figuresCsvFileName", () => {
  it("makes a plain file name of what the file holds", () => {
    expect(figuresCsvFileName("oorzaken", "Súdwest-Fryslân", "2025 K1")).toBe("doorbraak-oorzaken-sudwest-fryslan-2025-k1.csv");
  });
});

describe("figuresCsvResponse", () => {
  it("answers with a CSV attachment in UTF-8 that is not cached", async () => {
    const response = figuresCsvResponse('\uFEFF"Oorzaak"\n', "doorbraak-oorzaken.csv");
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toContain('filename="doorbraak-oorzaken.csv"');
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
