/**
 * The portal's configured public address. `AUTH_URL` is authoritative: Auth.js then
 * builds every sign-in URL and redirect from it, whatever host a request names. The demo
 * sets no AUTH_URL (scripts/demo.ts), so that sign-in stays on the address the browser
 * used, localhost or 127.0.0.1 (cookies are per host); it names its address for mail
 * links in `PUBLIC_URL` instead.
 */
export function publicAddress(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.AUTH_URL || env.PUBLIC_URL || undefined;
}

/** The base of the links in mails, which are written without a request to take a host from. */
export function mailBaseUrl(env: Record<string, string | undefined> = process.env): string {
  return (publicAddress(env) ?? "http://localhost:3000").replace(/\/+$/, "");
}
