import "server-only";
import { attachmentDisposition } from "@/lib/domain/documents";
import { downloadContentSecurityPolicy } from "@/lib/http/security-headers";

/** Never kept by a shared cache or the browser's, and never sniffed into another type. */
const privateHeaders = {
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
  // A file that is opened anyway must not run scripts or reach out from our origin.
  "Content-Security-Policy": downloadContentSecurityPolicy,
};

/** A file about a case, as a download that is never shown inline. */
export function attachmentResponse(file: { content: Uint8Array; contentType: string; fileName: string }): Response {
  return new Response(Buffer.from(file.content), {
    status: 200,
    headers: {
      ...privateHeaders,
      "Content-Type": file.contentType,
      "Content-Length": String(file.content.byteLength),
      "Content-Disposition": attachmentDisposition(file.fileName),
    },
  });
}

/** The same 404 for a file that does not exist and one that is not the visitor's. */
export function privateNotFound(message: string): Response {
  return new Response(message, {
    status: 404,
    headers: { ...privateHeaders, "Content-Type": "text/plain; charset=utf-8" },
  });
}
