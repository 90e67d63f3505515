import { z } from "@/lib/domain/zod";
import { recordId } from "./fields";
import type { CaseStatus } from "./case-machine";

/** The largest document a family or professional may add: 10 MB. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Longest file name we keep, counted in characters as a person sees them. */
export const MAX_FILE_NAME_LENGTH = 200;

/**
 * The kinds of document a case accepts, as detected from the content, with
 * the extension a download gets when the original name had none. Scans and
 * letters arrive as PDF or as phone photos (JPEG, HEIC on iPhones, PNG, WebP).
 */
export const documentTypes = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/heic": "heic",
  "image/heif": "heif",
} as const;

export type DocumentContentType = keyof typeof documentTypes;

export function isDocumentContentType(value: unknown): value is DocumentContentType {
  return typeof value === "string" && Object.hasOwn(documentTypes, value);
}

/** Keys of the `documents.errors` message section, for the file field. */
export type DocumentProblem = "fileRequired" | "fileEmpty" | "fileTooLarge" | "fileType";

export function sizeProblem(size: number): DocumentProblem | null {
  if (size <= 0) return "fileEmpty";
  if (size > MAX_DOCUMENT_BYTES) return "fileTooLarge";
  return null;
}

/** Documents sent with the filing itself: a few, together small enough for one request (lib/http/body-limit.ts). */
export const MAX_FILING_DOCUMENTS = 5;
export const MAX_FILING_DOCUMENT_BYTES = 12 * 1024 * 1024;

/** Keys of the `errors` message section for the filing form's documents. */
export type FilingDocumentsProblem = "documentEmpty" | "documentTooLarge" | "documentType" | "tooManyDocuments" | "documentsTooLarge";

const filingProblemOf: Record<Exclude<DocumentProblem, "fileRequired">, FilingDocumentsProblem> = {
  fileEmpty: "documentEmpty",
  fileTooLarge: "documentTooLarge",
  fileType: "documentType",
};

/** What is wrong with the files chosen in the filing form, judged by their sizes (their types are read on the server). */
export function filingDocumentsProblem(sizes: readonly number[]): FilingDocumentsProblem | null {
  if (sizes.length > MAX_FILING_DOCUMENTS) return "tooManyDocuments";
  for (const size of sizes) {
    const problem = sizeProblem(size);
    if (problem && problem !== "fileRequired") return filingProblemOf[problem];
  }
  if (sizes.reduce((sum, size) => sum + size, 0) > MAX_FILING_DOCUMENT_BYTES) return "documentsTooLarge";
  return null;
}

/** The filing form's word for a problem found when reading one file's content. */
export function filingProblemOfType(problem: DocumentProblem): FilingDocumentsProblem {
  return problem === "fileRequired" ? "documentEmpty" : filingProblemOf[problem];
}

/**
 * Documents can be added while the case is open. A closed case (resolved,
 * not admissible, or withdrawn by the family) is a finished file: what it
 * holds is what the decision-makers had.
 */
export function mayAddDocuments(status: CaseStatus): boolean {
  return status !== "CLOSED";
}

// Control characters (C0, DEL, C1) and line/paragraph separators.
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu;
// Bidirectional formatting marks: an override can make "gnp.exe" look like "exe.png".
// Right-to-left letters themselves are kept.
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Up to `limit` graphemes from the start of `text`, and whether that is all of
 * it. Intl.Segmenter slows down more than linearly with the length of its
 * input (a name of 100,000 characters took seconds, inside the upload's
 * transaction), so only a window that `limit` graphemes of real text fit in
 * (8 code units each: an emoji family; a name of longer ones is cut sooner)
 * is segmented.
 */
function leadingGraphemes(text: string, limit: number): { graphemes: string[]; all: boolean } {
  const size = limit * 8 + 16;
  const cut = text.length > size;
  let window = cut ? text.slice(0, size) : text;
  if (cut && /[\uD800-\uDBFF]$/.test(window)) window = window.slice(0, -1);
  const graphemes: string[] = [];
  for (const { segment } of segmenter.segment(window)) {
    if (graphemes.length === limit) return { graphemes, all: false };
    graphemes.push(segment);
  }
  // A window that cut the text may end inside a grapheme: that one is left out.
  return cut ? { graphemes: graphemes.slice(0, -1), all: false } : { graphemes, all: true };
}

/**
 * The name a file had on the uploader's device, made safe to store and show:
 * only the last part of a path, no control or bidi formatting characters, no
 * surrounding spaces, at most MAX_FILE_NAME_LENGTH characters (cut in the
 * stem so the extension survives). Everything else, including right-to-left
 * text, emoji and characters like < and >, is kept exactly: the UI escapes it
 * and the download header encodes it. Never fails: a name with nothing left
 * becomes `fallback`.
 */
export function cleanFileName(raw: string, fallback = "document"): string {
  const wellFormed = raw.toWellFormed().normalize("NFC");
  const base = wellFormed.split(/[/\\]/).at(-1) ?? "";
  const cleaned = base.replace(controlCharacters, "").replace(bidiControls, "").trim();
  if (cleaned === "" || cleaned === "." || cleaned === "..") return fallback;
  const head = leadingGraphemes(cleaned, MAX_FILE_NAME_LENGTH);
  if (head.all) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 ? cleaned.slice(dot) : "";
  if (extension.length > 1 && extension.length <= 10 && !/\s/.test(extension)) {
    const stem = leadingGraphemes(cleaned.slice(0, dot), MAX_FILE_NAME_LENGTH - extension.length);
    return stem.graphemes.join("").trimEnd() + extension;
  }
  return head.graphemes.join("").trimEnd();
}

/** The extensions a file of each type may keep, lower case; the first is the one it gets. */
const typeExtensions: Record<DocumentContentType, readonly string[]> = {
  "application/pdf": ["pdf"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg", "jpe", "jfif"],
  "image/webp": ["webp"],
  // Phones name both kinds .heic or .heif; either opens the same way.
  "image/heic": ["heic", "heif"],
  "image/heif": ["heif", "heic"],
};

// What a computer would take for an extension: letters and digits with at least one
// letter. "Verslag v1.2" has none, so it gets one added instead of losing its ".2".
const extensionLike = /^(?=.*\p{L})[\p{L}\p{N}]{1,10}$/u;

/**
 * The name a document is saved under: the person's own name with the extension of the
 * type read from its content, because the computer that opens a download goes by the
 * extension. A PDF named poly.html or x.exe becomes poly.pdf or x.pdf; a name that
 * already fits (scan.JPG for a JPEG) stays as it is. Applied when a document is stored
 * and again when it is listed or served, so documents stored before this rule are
 * served right too. A type we do not know leaves the name alone.
 */
export function fileNameForType(name: string, contentType: string): string {
  if (!isDocumentContentType(contentType)) return name;
  const allowed = typeExtensions[contentType];
  // Windows drops trailing dots and spaces, which would bring the old extension back.
  const trimmed = name.replace(/[.\s]+$/u, "");
  const dot = trimmed.lastIndexOf(".");
  const extension = dot >= 0 ? trimmed.slice(dot + 1) : "";
  if (dot > 0 && allowed.includes(extension.toLowerCase())) return cleanFileName(trimmed);
  let stem = extensionLike.test(extension) ? trimmed.slice(0, dot).replace(/[.\s]+$/u, "") : trimmed;
  // poly.pdf.html: the stem already ends in the right extension, so do not repeat it.
  const inner = stem.lastIndexOf(".");
  if (inner > 0 && allowed.includes(stem.slice(inner + 1).toLowerCase())) return cleanFileName(stem);
  if (stem === "") stem = "document";
  // Adding an extension can make a name of the longest length too long: cut in the stem.
  return cleanFileName(`${stem}.${documentTypes[contentType]}`);
}

/** Percent-encoding of RFC 5987 `ext-value`: everything outside attr-char is encoded. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A Content-Disposition header that makes the browser save the file under its
 * own name (RFC 6266): `filename*` carries the exact name in UTF-8, and
 * `filename` an ASCII stand-in for old clients.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\%;]/g, "_").trim() || "document";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/**
 * The upload form as the server action receives it. A form sent without a
 * chosen file still carries a nameless, empty File: that is "choose a file",
 * not "the file is empty".
 */
export const addDocumentForm = z
  .object({
    caseId: recordId(),
    file: z.custom<File>((v) => v instanceof File && (v.name !== "" || v.size > 0), { error: "fileRequired" }),
  })
  .strict();
export type AddDocumentForm = z.infer<typeof addDocumentForm>;

/** What the add-document service needs: the bytes and the name they came with. */
export type AddDocumentInput = { caseId: string; fileName: string; content: Uint8Array<ArrayBuffer> };
