/**
 * The largest request body the portal reads: the proxy passes bodies up to this on whole,
 * and a server action parses them. Documents may be 10 MiB (MAX_DOCUMENT_BYTES in
 * lib/domain/documents.ts); this sits well above that plus the form around it, so a file
 * that is a little too large still reaches the action and is refused there with the
 * "te groot" message next to the field. A larger body is refused by the proxy at once
 * (proxy.ts): read in part, it would only fail inside the action as a server error.
 */
export const requestBodyLimitBytes = 15 * 1024 * 1024;

/** A request that says it is larger than the portal reads. A missing length is left to the limits themselves. */
export function isOverBodyLimit(contentLength: string | null): boolean {
  if (contentLength === null || !/^\d+$/.test(contentLength)) return false;
  return Number(contentLength) > requestBodyLimitBytes;
}

/** The page shown for such a request: a browser without JavaScript shows it as is, so it speaks Dutch. */
export const tooLargePage = [
  "<!doctype html>",
  '<html lang="nl"><head><meta charset="utf-8"><title>Bestand te groot – Doorbraak</title></head>',
  "<body><h1>Het bestand is te groot</h1>",
  "<p>Wat u wilde versturen is te groot. Een document mag niet groter zijn dan 10 MB.</p>",
  "<p>Ga terug naar de vorige pagina en kies een kleiner bestand.</p>",
  '<p lang="en">The file is too large. A document may not be larger than 10 MB. Go back and choose a smaller file.</p>',
  "</body></html>",
].join("\n");
