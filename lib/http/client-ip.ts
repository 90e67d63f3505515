/**
 * The address a request came from, as the reverse proxy reports it. Only trustworthy
 * behind a proxy that sets these headers itself and drops any the client sent.
 */
export function clientIp(headers: Headers): string | null {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || null;
}
