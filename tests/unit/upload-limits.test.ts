import { describe, expect, it } from "vitest";
import { MAX_DOCUMENT_BYTES } from "@/lib/domain/documents";
import { isOverBodyLimit, requestBodyLimitBytes } from "@/lib/http/body-limit";

// Past the limit the proxy answers itself (413, a Dutch page): read in part, the body
// would only make the server action fail with a server error.
describe("a request body over the limit", () => {
  it.each([
    [null, false],
    ["", false],
    ["abc", false],
    ["-1", false],
    [String(MAX_DOCUMENT_BYTES + 1), false],
    [String(12_000_000), false],
    [String(requestBodyLimitBytes), false],
    [String(requestBodyLimitBytes + 1), true],
    [String(20_000_000), true],
  ])("content-length %s: %s", (length, over) => {
    expect(isOverBodyLimit(length)).toBe(over);
  });
});
