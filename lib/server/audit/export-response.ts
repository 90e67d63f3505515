import "server-only";
import { randomUUID } from "node:crypto";
import { attachmentDisposition } from "@/lib/domain/documents";
import { downloadContentSecurityPolicy } from "@/lib/http/security-headers";
import type { AuditTrailExport } from "./export-audit-trail";

/** The same private download headers as every other file about a case, with a body written while it is read. */
export function streamedAttachment(file: AuditTrailExport): Response {
  const encoder = new TextEncoder();
  const chunks = file.chunks[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // Headers are sent already: the download breaks off, and its head no longer matches its last event.
        console.error(`[audit export ${randomUUID()}]`, error);
        controller.error(new Error("export failed"));
      }
    },
    async cancel() {
      await chunks.return?.();
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Type": file.contentType,
      "Content-Disposition": attachmentDisposition(file.fileName),
      "Content-Security-Policy": downloadContentSecurityPolicy,
    },
  });
}
