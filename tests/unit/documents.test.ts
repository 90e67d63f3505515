import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { caseStatuses } from "@/lib/domain/case-machine";
import { requestBodyLimitBytes } from "@/lib/http/body-limit";
import {
  filingDocumentsProblem,
  MAX_FILING_DOCUMENT_BYTES,
  MAX_FILING_DOCUMENTS,
  addDocumentForm,
  attachmentDisposition,
  cleanFileName,
  documentTypes,
  fileNameForType,
  isDocumentContentType,
  MAX_DOCUMENT_BYTES,
  MAX_FILE_NAME_LENGTH,
  mayAddDocuments,
  sizeProblem,
} from "@/lib/domain/documents";

const graphemeCount = (s: string) => [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(s)].length;

describe("which documents a case accepts", () => {
  it("accepts PDF and the usual photo formats, nothing else", () => {
    expect(Object.keys(documentTypes).sort()).toEqual(
      ["application/pdf", "image/heic", "image/heif", "image/jpeg", "image/png", "image/webp"].sort(),
    );
    for (const refused of ["text/html", "image/svg+xml", "image/gif", "application/zip", "application/octet-stream", "", "toString"]) {
      expect(isDocumentContentType(refused), refused).toBe(false);
    }
  });

  it.each([
    [0, "fileEmpty"],
    [1, null],
    [MAX_DOCUMENT_BYTES, null],
    [MAX_DOCUMENT_BYTES + 1, "fileTooLarge"],
  ])("a file of %i bytes: %s", (size, problem) => {
    expect(sizeProblem(size)).toBe(problem);
  });

  it("allows 10 MB, and the body limits of the proxy and the server action in next.config.ts leave room for it", () => {
    expect(MAX_DOCUMENT_BYTES).toBe(10 * 1024 * 1024);
    // Each reads the body up to its own limit; one at the largest document cut uploads just under it (a 500).
    const limits = [nextConfig.experimental?.serverActions?.bodySizeLimit, nextConfig.experimental?.proxyClientMaxBodySize];
    for (const limit of limits) {
      expect(typeof limit).toBe("number");
      // Room for a file that is a little too large, so the action refuses it with its message.
      expect(limit as number).toBeGreaterThanOrEqual(MAX_DOCUMENT_BYTES + 4 * 1024 * 1024);
      // The whole body is held in memory, more than once: no more than needed.
      expect(limit as number).toBeLessThanOrEqual(MAX_DOCUMENT_BYTES * 1.5);
    }
  });
});

describe("when documents can be added", () => {
  it.each(caseStatuses.map((s) => [s, s !== "CLOSED"] as const))("%s: %s", (status, open) => {
    expect(mayAddDocuments(status)).toBe(open);
  });
});

describe("cleaning a file name", () => {
  it.each([
    ["brief gemeente.pdf", "brief gemeente.pdf"],
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\Sanne\\Documenten\\verslag.pdf", "verslag.pdf"],
    ["scan\u0000\u0007\nvan\tschool.pdf", "scanvanschool.pdf"],
    ["\u0085rapport\u009f.png", "rapport.png"],
    ["  foto.jpg  ", "foto.jpg"],
    ["factuur\u202Efdp.exe", "factuurfdp.exe"],
    ["\u2067verslag\u2069.pdf", "verslag.pdf"],
    ["تقرير المدرسة.pdf", "تقرير المدرسة.pdf"],
    ["דוח.pdf", "דוח.pdf"],
    ["😀 tekening van Noor 👨‍👩‍👧.png", "😀 tekening van Noor 👨‍👩‍👧.png"],
    ["<img src=x onerror=alert(1)>.png", "<img src=x onerror=alert(1)>.png"],
    ["<script>alert(1)</script>.pdf", "script>.pdf"],
    ["O'Brien & \"zoon\" 100%.pdf", "O'Brien & \"zoon\" 100%.pdf"],
  ])("%j becomes %j", (raw, clean) => {
    expect(cleanFileName(raw)).toBe(clean);
  });

  it("composes letters the way the keyboard of another system split them", () => {
    expect(cleanFileName("cafe\u0301.pdf")).toBe("café.pdf");
  });

  it.each(["", "   ", "/", "..", ".", "../", "\u0000\u0001", "map/"])("falls back when nothing is left of %j", (raw) => {
    expect(cleanFileName(raw, "document.pdf")).toBe("document.pdf");
    expect(cleanFileName(raw)).toBe("document");
  });

  it("repairs a broken surrogate instead of failing", () => {
    expect(cleanFileName("scan\ud800.pdf")).toBe("scan\ufffd.pdf");
  });

  it("caps a long name and keeps its extension", () => {
    const long = `${"a".repeat(300)}.pdf`;
    const cleaned = cleanFileName(long);
    expect(cleaned).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(cleaned.endsWith(".pdf")).toBe(true);
    expect(cleanFileName("b".repeat(250))).toBe("b".repeat(MAX_FILE_NAME_LENGTH));
  });

  it("never cuts an emoji in half", () => {
    const cleaned = cleanFileName(`${"👨‍👩‍👧".repeat(250)}.png`);
    expect(graphemeCount(cleaned)).toBe(MAX_FILE_NAME_LENGTH);
    expect(cleaned).toBe(`${"👨‍👩‍👧".repeat(MAX_FILE_NAME_LENGTH - 4)}.png`);
    expect(cleaned.isWellFormed()).toBe(true);
  });

  // Segmenting all of a long name took seconds (superlinear in Intl.Segmenter), inside the upload's transaction.
  it("cuts a name of a megabyte without segmenting all of it", () => {
    const cleaned = cleanFileName(`${"Een heel lang verhaal. ".repeat(50_000)}.pdf`);
    expect(graphemeCount(cleaned)).toBe(MAX_FILE_NAME_LENGTH);
    expect(cleaned.endsWith("verhaal.pdf")).toBe(false);
    expect(cleaned.endsWith(".pdf")).toBe(true);
  }, 2_000);
});

describe("the name a document is saved under", () => {
  it.each([
    ["poly.html", "application/pdf", "poly.pdf"],
    ["x.exe", "application/pdf", "x.pdf"],
    ["Verslag school Noor.pdf", "application/pdf", "Verslag school Noor.pdf"],
    ["SCAN.PDF", "application/pdf", "SCAN.PDF"],
    ["scan.txt", "image/png", "scan.png"],
    ["IMG_0042.JPG", "image/jpeg", "IMG_0042.JPG"],
    ["foto.jpeg", "image/jpeg", "foto.jpeg"],
    ["foto.png", "image/jpeg", "foto.jpg"],
    ["IMG_0042.HEIC", "image/heif", "IMG_0042.HEIC"],
    ["brief", "application/pdf", "brief.pdf"],
    ["Verslag v1.2", "application/pdf", "Verslag v1.2.pdf"],
    ["Brief. Dringend", "application/pdf", "Brief. Dringend.pdf"],
    ["poly.pdf.html", "application/pdf", "poly.pdf"],
    ["poly.html.", "application/pdf", "poly.pdf"],
    ["poly.html . ", "application/pdf", "poly.pdf"],
    [".html", "application/pdf", "document.pdf"],
    [".pdf", "application/pdf", "document.pdf"],
    ["rapport.exe.html", "application/pdf", "rapport.exe.pdf"],
    ["تقرير.html", "application/pdf", "تقرير.pdf"],
    ["scan.txt", "text/plain", "scan.txt"],
  ])("%j with content %s is saved as %j", (name, type, saved) => {
    expect(fileNameForType(name, type)).toBe(saved);
  });

  it("gives every accepted type its own extension, and changes nothing the second time", () => {
    for (const [type, extension] of Object.entries(documentTypes)) {
      const once = fileNameForType("bijlage.html", type);
      expect(once).toBe(`bijlage.${extension}`);
      expect(fileNameForType(once, type)).toBe(once);
    }
  });

  it("stays within the longest name when it adds an extension", () => {
    const longest = cleanFileName(`${"a".repeat(MAX_FILE_NAME_LENGTH + 50)}`);
    const saved = fileNameForType(longest, "image/webp");
    expect(saved.endsWith(".webp")).toBe(true);
    expect(graphemeCount(saved)).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
  });
});

describe("the download header", () => {
  it("gives the exact name in UTF-8 and an ASCII stand-in", () => {
    expect(attachmentDisposition("verslag.pdf")).toBe(`attachment; filename="verslag.pdf"; filename*=UTF-8''verslag.pdf`);
    expect(attachmentDisposition("café (1).pdf")).toBe(`attachment; filename="cafe (1).pdf"; filename*=UTF-8''caf%C3%A9%20%281%29.pdf`);
  });

  it("cannot be broken out of by quotes, semicolons or line breaks in a name", () => {
    const header = attachmentDisposition('a"; filename=evil.html;\r\nX: y.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    const quoted = /filename="([^"]*)"/.exec(header)?.[1];
    expect(quoted).toBe("a__ filename=evil.html_X: y.pdf");
    expect(header.endsWith(`filename*=UTF-8''a%22%3B%20filename%3Devil.html%3B%0D%0AX%3A%20y.pdf`)).toBe(true);
  });

  it("uses a plain stand-in for a name without any ASCII", () => {
    expect(attachmentDisposition("تقرير")).toBe(`attachment; filename="document"; filename*=UTF-8''${encodeURIComponent("تقرير")}`);
  });
});

describe("the upload form", () => {
  it("asks for a file when none was chosen (the browser sends a nameless empty one)", () => {
    const result = addDocumentForm.safeParse({ caseId: "c1", file: new File([], "") });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("fileRequired");
    expect(addDocumentForm.safeParse({ caseId: "c1", file: "brief.pdf" }).success).toBe(false);
    expect(addDocumentForm.safeParse({ caseId: "c1" }).success).toBe(false);
  });

  it("lets an empty file with a name through, so the service can say it is empty", () => {
    expect(addDocumentForm.safeParse({ caseId: "c1", file: new File([], "leeg.pdf") }).success).toBe(true);
  });
});

describe("documents sent with the filing", () => {
  const MB = 1024 * 1024;

  it("allow a few files that fit in one request together", () => {
    expect(filingDocumentsProblem([])).toBeNull();
    expect(filingDocumentsProblem([2 * MB, 3 * MB, 5 * MB])).toBeNull();
  });

  it("name what is wrong: too many, one too large or empty, or all together too large", () => {
    expect(filingDocumentsProblem(Array.from({ length: MAX_FILING_DOCUMENTS + 1 }, () => 1000))).toBe("tooManyDocuments");
    expect(filingDocumentsProblem([1000, MAX_DOCUMENT_BYTES + 1])).toBe("documentTooLarge");
    expect(filingDocumentsProblem([0])).toBe("documentEmpty");
    expect(filingDocumentsProblem([6 * MB, 6 * MB, 1])).toBe("documentsTooLarge");
  });

  it("stay within what the portal reads in one request", () => {
    expect(MAX_FILING_DOCUMENT_BYTES).toBeLessThan(requestBodyLimitBytes - MB);
  });
});
