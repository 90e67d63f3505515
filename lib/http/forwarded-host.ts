/**
 * Whether X-Forwarded-Host may be believed. Next.js checks a server action's
 * Origin against X-Forwarded-Host before Host, so a client that sends both an
 * Origin and a matching X-Forwarded-Host of its choosing passes that check.
 * Only a reverse proxy in front of the portal that sets the header itself
 * (and drops one the client sent) makes it trustworthy, and only the operator
 * knows there is one: `TRUST_FORWARDED_HOST=1` (decision 015).
 */
export function trustsForwardedHost(env: Record<string, string | undefined> = process.env): boolean {
  return env.TRUST_FORWARDED_HOST === "1";
}

/** The request headers the app goes on with: X-Forwarded-Host removed unless it is trusted. */
export function requestHeadersToTrust(headers: Headers, trusted: boolean): Headers {
  const kept = new Headers(headers);
  if (!trusted) kept.delete("x-forwarded-host");
  return kept;
}
