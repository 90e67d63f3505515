/**
 * Reading the portal's own HTML as a browser without JavaScript would: links to
 * follow and the hidden fields of a form, so that a benchmark can post a server
 * action exactly as such a browser does.
 */
import { randomBytes } from "node:crypto";

const entities: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">", nbsp: "\u00a0" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === "#") return String.fromCodePoint(code[1]?.toLowerCase() === "x" ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
    return entities[code.toLowerCase()] ?? whole;
  });
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`, "i").exec(tag);
  return match ? decodeEntities(match[1]!) : null;
}

/** The `<form>` element (start tag to end tag) that contains `needle`, or null. */
export function formContaining(html: string, needle: string): string | null {
  const at = html.indexOf(needle);
  if (at < 0) return null;
  const start = html.lastIndexOf("<form", at);
  const end = html.indexOf("</form>", at);
  if (start < 0 || end < 0 || html.lastIndexOf("</form>", at) > start) return null;
  return html.slice(start, end + "</form>".length);
}

/** The first form after `marker` (e.g. a section's heading id), or null. */
export function formAfter(html: string, marker: string): string | null {
  const at = html.indexOf(marker);
  if (at < 0) return null;
  const start = html.indexOf("<form", at);
  const end = html.indexOf("</form>", start);
  return start < 0 || end < 0 ? null : html.slice(start, end + "</form>".length);
}

/** The hidden inputs of a form, in document order, as [name, value]. */
export function hiddenFields(form: string): [string, string][] {
  const fields: [string, string][] = [];
  for (const tag of form.match(/<input\b[^>]*>/gi) ?? []) {
    if (attribute(tag, "type")?.toLowerCase() !== "hidden") continue;
    const name = attribute(tag, "name");
    if (name) fields.push([name, attribute(tag, "value") ?? ""]);
  }
  return fields;
}

/** The names of all fields of a form (inputs, selects, text areas). */
export function fieldNames(form: string): Set<string> {
  const names = new Set<string>();
  for (const tag of form.match(/<(input|select|textarea)\b[^>]*>/gi) ?? []) {
    const name = attribute(tag, "name");
    if (name) names.add(name);
  }
  return names;
}

/** The server action id a form's hidden fields name (React's `$ACTION_ID_…` or `$ACTION_n:0`). */
export function actionId(form: string): string | null {
  for (const [name, value] of hiddenFields(form)) {
    if (name.startsWith("$ACTION_ID_")) return name.slice("$ACTION_ID_".length);
    if (/^\$ACTION_\d+:0$/.test(name)) {
      const id = (JSON.parse(value) as { id?: unknown }).id;
      if (typeof id === "string") return id;
    }
  }
  return null;
}

/** The address of the page's `rel="next"` link, or null on the last page. */
export function nextLink(html: string): string | null {
  const tag = /<a\b[^>]*\brel="next"[^>]*>/i.exec(html)?.[0];
  return tag ? attribute(tag, "href") : null;
}

/** The distinct case numbers on a page. */
export function caseNumbers(html: string): string[] {
  return [...new Set(html.match(/DB-\d{4}-\d{6}/g) ?? [])];
}

/** Whether the page's main heading (`<h1>`) is this text. */
export function hasHeading(html: string, text: string): boolean {
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  return h1 !== undefined && decodeEntities(h1.replace(/<[^>]*>/g, "")).trim() === text;
}

export function newBoundary(): string {
  return `----bench${randomBytes(12).toString("hex")}`;
}

/**
 * A multipart/form-data body of text fields, built synchronously so that a load
 * tool can make a new one for every request. Bodies that are sent with the same
 * Content-Type header must share its boundary.
 */
export function multipart(fields: [string, string][], boundary = newBoundary()): { body: Buffer; contentType: string } {
  // The HTML standard's escaping of field names in multipart bodies.
  const escape = (name: string) => name.replace(/\r?\n|\r/g, "%0D%0A").replace(/"/g, "%22");
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${escape(name)}"\r\n\r\n${value}\r\n`);
  return { body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`, "utf8"), contentType: `multipart/form-data; boundary=${boundary}` };
}
