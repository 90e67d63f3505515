/**
 * The browser-side security policy of the portal, in one place. The headers that are
 * the same on every response are sent by next.config.ts; the Content-Security-Policy
 * carries a fresh nonce per request and is therefore set in proxy.ts.
 */

/** Sent with every response, including static files and downloads. */
export const staticSecurityHeaders: { key: string; value: string }[] = [
  // Two years, as the HSTS preload list asks. Browsers ignore it over plain http (the demo on localhost).
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  // URLs hold case numbers and invitation tokens: no other site learns them, not even our origin.
  // Not "no-referrer": with it browsers send `Origin: null` on the portal's own POSTs, and the
  // server-action origin check needs the real origin.
  { key: "Referrer-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value: [
      "accelerometer=()",
      "autoplay=()",
      "bluetooth=()",
      "browsing-topics=()",
      "camera=()",
      "display-capture=()",
      "geolocation=()",
      "gyroscope=()",
      "hid=()",
      "magnetometer=()",
      "microphone=()",
      "midi=()",
      "payment=()",
      "serial=()",
      "usb=()",
    ].join(", "),
  },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // frame-ancestors in the CSP does this for current browsers; this is for older ones.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** The policy of downloads (lib/server/download-response.ts): stricter than any page's, so kept as is. */
export const downloadContentSecurityPolicy = "default-src 'none'; sandbox";

/** Routes that answer with a file and set downloadContentSecurityPolicy themselves. */
const downloadPaths = [/^\/documenten\/[^/]+$/, /^\/besluitbrief\/[^/]+$/, /^\/zaken\/[^/]+\/audit\/export$/];

export function isDownloadPath(pathname: string): boolean {
  return downloadPaths.some((pattern) => pattern.test(pathname));
}

export type PolicyOptions = {
  nonce: string;
  /** `next dev` evaluates code with eval() and injects its overlay's styles. */
  development: boolean;
  /** Only then may the browser be told to upgrade http subresources. */
  https: boolean;
};

/**
 * The Content-Security-Policy of pages. Next.js reads the nonce from this policy on the
 * request and puts it on every script it renders; 'strict-dynamic' lets those scripts
 * load the chunks they need, and nothing else runs.
 */
export function contentSecurityPolicy({ nonce, development, https }: PolicyOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // Production pages have no inline styles: Tailwind's stylesheet is a file, and React sets the
    // few dynamic style values through the DOM, which CSP allows. The dev overlay injects <style>.
    ["style-src", "'self'", ...(development ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/** A fresh, unguessable nonce: 128 random bits in base64. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
