/**
 * The letter uses PDF's built-in Helvetica, which can only show the characters
 * of the Windows-1252 ("WinAnsi") set. Names and texts are typed by people and
 * may hold anything: this makes each text showable before it reaches the PDF,
 * keeping what the font can show, turning lookalikes into their plain letter
 * (ő → o, ĳ → ij) and putting one "?" where a run of characters cannot be shown
 * at all (emoji, Arabic, Chinese). Without this, pdfkit writes unreadable glyphs.
 */

/** The code points Windows-1252 has above Latin-1's range, in its 0x80–0x9F block. */
const winAnsiExtras = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178,
]);

/** Letters that Unicode does not decompose but that have an obvious plain form. */
const lookalikes: Record<string, string> = {
  ł: "l", Ł: "L", đ: "d", Đ: "D", ı: "i", ħ: "h", Ħ: "H", ŧ: "t", Ŧ: "T", ŋ: "n", Ŋ: "N", ĸ: "k",
  "‐": "-", "‑": "-", "‒": "-", "―": "—", "−": "-", "′": "'", "″": '"', "‛": "'", "‟": '"',
};

export const UNSHOWABLE = "?";

function showableCodePoint(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff && cp !== 0xad) || winAnsiExtras.has(cp);
}

function showable(text: string): boolean {
  for (const ch of text) if (!showableCodePoint(ch.codePointAt(0)!)) return false;
  return true;
}

const graphemes = new Intl.Segmenter("nl", { granularity: "grapheme" });

/** What one user-perceived character becomes: itself, a plain form, nothing (invisible marks), or null when it cannot be shown. */
function showableForm(grapheme: string): string | null {
  // Direction marks, zero-width joiners, a byte order mark, other control characters: invisible, so leave them out.
  const composed = grapheme.replace(/[\p{Cf}\u0000-\u0009\u000b-\u001f\u007f-\u009f]/gu, "").normalize("NFC");
  if (showable(composed)) return composed;
  const lookalike = lookalikes[composed];
  if (lookalike !== undefined) return lookalike;
  if (/^\s+$/u.test(composed)) return " ";
  const plain = composed.normalize("NFKD").replace(/\p{M}/gu, "");
  if (plain !== "" && showable(plain)) return plain;
  return null;
}

export type ShowableText = { text: string; lossy: boolean };

/** Makes a text showable in Helvetica. `lossy` says whether something had to be replaced by "?". */
export function toShowable(input: string): ShowableText {
  const source = input.replace(/\r\n?/g, "\n").replace(/\t/g, " ");
  let text = "";
  let lossy = false;
  let inUnshowableRun = false;
  for (const { segment } of graphemes.segment(source)) {
    const form = showableForm(segment);
    if (form === null) {
      lossy = true;
      if (!inUnshowableRun) text += UNSHOWABLE;
      inUnshowableRun = true;
    } else if (form !== "") {
      text += form;
      inUnshowableRun = false;
    }
  }
  return { text, lossy };
}
