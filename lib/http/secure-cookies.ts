import { publicAddress } from "./public-address";

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Whether the portal's cookies carry the Secure flag. They do, except when its public
 * address (AUTH_URL, or the demo's PUBLIC_URL) is plain http on this machine: the demo and
 * the tests. A deployment that forgets the address or gives an http address elsewhere gets
 * Secure cookies, so its sign-in fails visibly instead of sending sessions over plain http.
 */
export function cookiesMustBeSecure(
  authUrl: string | undefined = publicAddress(),
  nodeEnv: string | undefined = process.env.NODE_ENV,
): boolean {
  if (!authUrl) return nodeEnv === "production";
  const url = new URL(authUrl);
  return url.protocol === "https:" || !loopbackHosts.has(url.hostname);
}
