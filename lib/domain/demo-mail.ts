import { z } from "./zod";

/** A mail as the demo keeps it (lib/server/demo-mailbox): what it would have sent, and when. */
export const demoMail = z.object({
  id: z.string().min(1),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  sentAt: z.iso.datetime(),
  /** The address the mail's links start with, so that they can be followed on the host the mailbox is read at. */
  baseUrl: z.string(),
});
export type DemoMail = z.infer<typeof demoMail>;

export type MailTextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

const urlPattern = /https?:\/\/[^\s<>"']+/g;

/**
 * A mail's text in pieces, with its links to the portal as links. Such a link points at the
 * path only, so that it opens on the host the mailbox was read at (localhost or 127.0.0.1)
 * and the session there is kept. Any other address stays plain text.
 */
export function linkParts(text: string, baseUrl: string): MailTextPart[] {
  const origin = originOf(baseUrl);
  const parts: MailTextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(urlPattern)) {
    // A full stop or bracket right after an address ends the sentence, not the address.
    const url = match[0].replace(/[.,;:!?)]+$/, "");
    const start = match.index;
    const href = origin !== null && originOf(url) === origin ? pathOf(url) : null;
    if (href === null) continue;
    if (start > at) parts.push({ kind: "text", text: text.slice(at, start) });
    parts.push({ kind: "link", text: url, href });
    at = start + url.length;
  }
  if (at < text.length) parts.push({ kind: "text", text: text.slice(at) });
  return parts;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function pathOf(url: string): string {
  const { pathname, search, hash } = new URL(url);
  return `${pathname}${search}${hash}`;
}
