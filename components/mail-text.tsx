import Link from "next/link";
import type { MailTextPart } from "@/lib/domain/demo-mail";

/** A mail's plain text as it was written, line breaks kept, with its links to the portal clickable. */
export function MailText({ parts, label }: { parts: MailTextPart[]; label: string }) {
  return (
    <div aria-label={label} role="group" className="whitespace-pre-wrap break-words rounded border border-slate-300 bg-slate-50 p-4 font-mono text-sm text-slate-900">
      {parts.map((part, i) =>
        part.kind === "link" ? (
          <Link key={i} href={part.href} prefetch={false} className="break-all text-teal-800 underline hover:text-teal-950 focus:outline-none focus:ring-4 focus:ring-amber-400">
            {part.text}
          </Link>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </div>
  );
}
